#!/usr/bin/env bash
# Stops the Aspire Dashboard that telemetry-up.sh started: exactly the pid in its pid file, and only while that
# pid still runs Aspire.Dashboard (a recycled pid is left alone).
set -uo pipefail
cd "$(dirname "$0")/.."
state=${ZJSIM_TELEMETRY_STATE:-$PWD/.telemetry}
pidfile=$state/dashboard.pid
if [ ! -f "$pidfile" ]; then
  echo "telemetry-down: no dashboard is recorded in $pidfile"
  exit 0
fi
pid=$(cat "$pidfile")
runs() { [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q Aspire.Dashboard; }
if runs; then
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 30); do runs || break; sleep 0.5; done
  runs && kill -KILL "$pid" 2>/dev/null
fi
rm -f "$pidfile"
echo "telemetry-down: stopped the dashboard (pid $pid)"
