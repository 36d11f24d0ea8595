#!/usr/bin/env bash
# Starts the Aspire Dashboard (NuGet: Aspire.Dashboard.Sdk.linux-x64 13.6.5) on loopback as a place to look at
# ZjSim's traces, metrics and logs: UI on 18888, OTLP/gRPC on 4317, OTLP/HTTP on 4318 (override with
# ZJSIM_DASHBOARD_UI_PORT, ZJSIM_DASHBOARD_GRPC_PORT, ZJSIM_DASHBOARD_HTTP_PORT). Anonymous access to the UI, the
# OTLP endpoints and the telemetry API is allowed only because every endpoint listens on 127.0.0.1.
# Writes its pid to $ZJSIM_TELEMETRY_STATE/dashboard.pid (default .telemetry/); telemetry-down.sh stops that pid.
set -euo pipefail
cd "$(dirname "$0")/.."
state=${ZJSIM_TELEMETRY_STATE:-$PWD/.telemetry}
ui=${ZJSIM_DASHBOARD_UI_PORT:-18888}
grpc=${ZJSIM_DASHBOARD_GRPC_PORT:-4317}
http=${ZJSIM_DASHBOARD_HTTP_PORT:-4318}
packages=${ZJSIM_DASHBOARD_PACKAGES:-$PWD/.telemetry/packages}
mkdir -p "$state"

pidfile=$state/dashboard.pid
if [ -f "$pidfile" ] && [ -r "/proc/$(cat "$pidfile")/cmdline" ] && tr '\0' ' ' < "/proc/$(cat "$pidfile")/cmdline" | grep -q Aspire.Dashboard; then
  echo "telemetry-up: the dashboard already runs as pid $(cat "$pidfile") (scripts/telemetry-down.sh stops it)"
  exit 0
fi

exe=$packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools/Aspire.Dashboard
if [ ! -x "$exe" ]; then
  echo "telemetry-up: restoring Aspire.Dashboard.Sdk.linux-x64 13.6.5 from NuGet into $packages"
  dotnet restore scripts/aspire-dashboard/aspire-dashboard.proj --packages "$packages" >"$state/restore.log" 2>&1 ||
    { echo "telemetry-up: restore failed, see $state/restore.log"; exit 1; }
  chmod +x "$exe"
fi

log=$state/dashboard.log
ASPNETCORE_URLS=http://127.0.0.1:$ui \
ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:$grpc \
ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:$http \
ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
Dashboard__Api__Enabled=true \
Dashboard__Api__AuthMode=Unsecured \
DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  setsid "$exe" >"$log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$pidfile"

# Ready when it says all three endpoints listen (up to 60 s on a loaded machine).
for _ in $(seq 120); do
  if grep -q "OTLP/HTTP listening on" "$log" && grep -q "Now listening on" "$log"; then
    echo "telemetry-up: Aspire Dashboard pid $pid: UI http://127.0.0.1:$ui, OTLP/HTTP http://127.0.0.1:$http, OTLP/gRPC http://127.0.0.1:$grpc"
    echo "  zjsim run --scenario baseline --otlp-endpoint http://127.0.0.1:$http"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "telemetry-up: the dashboard exited; its log:"; cat "$log"; rm -f "$pidfile"; exit 1
  fi
  sleep 0.5
done
echo "telemetry-up: the dashboard did not report its endpoints within 60 s; see $log"
exit 1
