#!/usr/bin/env bash
# Starts a ZjSim cluster on this machine, on loopback only: a Redis of its own (membership and run state), with a
# generated password kept in the state folder (mode 0600; .cluster/ is git-ignored), and N zjsim-silo processes
# with distinct ports. Their pids go to a state file that cluster-down.sh reads. The --cluster address it prints,
# redis://:PASSWORD@127.0.0.1:PORT, carries the password: zjsim and zjsim-silo never print it.
#
#   scripts/cluster-up.sh [N]        N silos, 3 by default
#
# Environment: ZJSIM_KEEP_RUNS      passed to each silo as --keep-runs (finished runs kept in Redis; default all)
# Environment: ZJSIM_CLUSTER_STATE  state folder (default .cluster/ in the repository)
#              ZJSIM_REDIS_PORT     Redis port (default 6379; the next free one if taken)
#              ZJSIM_SILO_PORT, ZJSIM_GATEWAY_PORT  first silo and gateway ports (default 11111, 30000)
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-3}
if ! [[ "$n" =~ ^[1-9][0-9]?$ ]]; then
  echo "cluster-up: N is the number of silos, 1 to 99 (got '$n')" >&2
  exit 2
fi
state=${ZJSIM_CLUSTER_STATE:-$PWD/.cluster}
state_file=$state/cluster.env

# A pid counts as ours only while it still runs the program we started (pids are reused).
runs() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q -- "$2"; }

if [ -f "$state_file" ]; then
  # shellcheck disable=SC1090
  . "$state_file"
  for pid in ${SILO_PIDS:-}; do
    if runs "$pid" zjsim-silo; then echo "cluster-up: a cluster is already up ($state_file); stop it with scripts/cluster-down.sh" >&2; exit 2; fi
  done
  if [ -n "${REDIS_PID:-}" ] && runs "$REDIS_PID" redis-server; then
    echo "cluster-up: its Redis is still up ($state_file); stop it with scripts/cluster-down.sh" >&2; exit 2
  fi
  rm -f "$state_file"
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "cluster-up: redis-server is not installed: sudo apt-get install redis-server, then run this again" >&2
    exit 2
  fi
  echo "cluster-up: installing redis-server"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

taken=" "
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The first port from $1 that nothing listens on and that this script has not handed out yet.
free_port() {
  local p=$1
  while listening "$p" || [[ "$taken" == *" $p "* ]]; do p=$((p + 1)); done
  taken="$taken$p "
  echo "$p"
}

echo "cluster-up: building zjsim-silo"
dotnet build src/ZjSim.Silo -c Release -nologo -v quiet >/dev/null
silo=$PWD/src/ZjSim.Silo/bin/Release/net10.0/zjsim-silo

mkdir -p "$state/redis" "$state/logs"
chmod 700 "$state"
umask 077
# The password: made once, kept for the next cluster-up (Redis keeps its data, and `zjsim attach` its runs).
password_file=$state/redis.password
if [ ! -s "$password_file" ]; then
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$password_file"
fi
chmod 600 "$password_file"
password=$(cat "$password_file")
redis_port=$(free_port "${ZJSIM_REDIS_PORT:-6379}")
# The password goes in a config file read from stdin, never on a command line that `ps` shows.
printf 'requirepass %s\n' "$password" | redis-server - --bind 127.0.0.1 --port "$redis_port" --protected-mode yes --dir "$state/redis" \
  --save 60 1 --appendonly no --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/logs/redis.log"
rcli() { REDISCLI_AUTH=$password redis-cli -p "$redis_port" "$@"; }
for _ in $(seq 50); do rcli ping >/dev/null 2>&1 && break; sleep 0.1; done
redis_pid=$(cat "$state/redis.pid")
cluster=redis://:$password@127.0.0.1:$redis_port
{ echo "REDIS_PID=$redis_pid"; echo "REDIS_PORT=$redis_port"; echo "CLUSTER=$cluster"; echo "SILO_PIDS=\"\""; } > "$state_file"
chmod 600 "$state_file"
# Silos of an earlier cluster-up are all gone: drop their membership rows so new silos need not vote them dead.
rcli del zjsim/members/zjsim >/dev/null

pids=""
for i in $(seq "$n"); do
  sp=$(free_port $(( ${ZJSIM_SILO_PORT:-11111} + i - 1 )))
  gp=$(free_port $(( ${ZJSIM_GATEWAY_PORT:-30000} + i - 1 )))
  log=$state/logs/silo-$i.log
  # setsid: the silos outlive this shell and a Ctrl+C in it.
  keep=()
  [ -n "${ZJSIM_KEEP_RUNS:-}" ] && keep=(--keep-runs "$ZJSIM_KEEP_RUNS")
  setsid nohup "$silo" --cluster "$cluster" --silo-port "$sp" --gateway-port "$gp" "${keep[@]}" > "$log" 2>&1 < /dev/null &
  pids="$pids $!"
  sed -i "s/^SILO_PIDS=.*/SILO_PIDS=\"${pids# }\"/" "$state_file"
done

for i in $(seq "$n"); do
  log=$state/logs/silo-$i.log
  pid=$(echo "$pids" | awk -v k="$i" '{print $k}')
  for _ in $(seq 120); do
    grep -q "ready" "$log" 2>/dev/null && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "cluster-up: silo $i did not start:" >&2; cat "$log" >&2; scripts/cluster-down.sh >&2; exit 1; fi
    sleep 0.5
  done
  grep -q "ready" "$log" || { echo "cluster-up: silo $i not ready after 60 s (see $log)" >&2; scripts/cluster-down.sh >&2; exit 1; }
  echo "  silo $i: $(head -1 "$log" | sed 's/^zjsim-silo: //')"
done

echo "cluster-up: Redis at 127.0.0.1:$redis_port with a password (pid $redis_pid), $n silos; state in $state_file"
echo "  --cluster $cluster"
echo "  run:  dotnet run --project src/ZjSim.Client -c Release -- --cluster \"\$(. $state_file; echo \$CLUSTER)\" run --scenario baseline"
echo "  stop: scripts/cluster-down.sh"
