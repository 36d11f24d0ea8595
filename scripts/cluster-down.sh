#!/usr/bin/env bash
# Stops the cluster that cluster-up.sh started: exactly the silo and Redis pids in its state file, and only
# while they still run zjsim-silo and redis-server (a recycled pid is left alone). Redis keeps its data
# folder, so `zjsim attach` still finds finished runs after the next cluster-up.
set -uo pipefail
cd "$(dirname "$0")/.."
state=${ZJSIM_CLUSTER_STATE:-$PWD/.cluster}
state_file=$state/cluster.env
if [ ! -f "$state_file" ]; then
  echo "cluster-down: no cluster is recorded in $state_file"
  exit 0
fi
# shellcheck disable=SC1090
. "$state_file"

runs() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q -- "$2"; }

# Stops the pids given that still run $1: TERM, up to 15 s to leave, then KILL.
stop() {
  local program=$1; shift
  local mine=()
  for pid in "$@"; do runs "$pid" "$program" && mine+=("$pid"); done
  [ ${#mine[@]} -eq 0 ] && return
  kill -TERM "${mine[@]}" 2>/dev/null
  for _ in $(seq 30); do
    local left=0
    for pid in "${mine[@]}"; do runs "$pid" "$program" && left=1; done
    [ $left -eq 0 ] && return
    sleep 0.5
  done
  for pid in "${mine[@]}"; do runs "$pid" "$program" && kill -KILL "$pid" 2>/dev/null; done
}

# shellcheck disable=SC2086
stop zjsim-silo ${SILO_PIDS:-}
stop redis-server ${REDIS_PID:-}
rm -f "$state_file" "$state/redis.pid"
echo "cluster-down: stopped silos ${SILO_PIDS:-none} and Redis ${REDIS_PID:-none}"
