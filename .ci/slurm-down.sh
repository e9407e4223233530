#!/usr/bin/env bash
# Stop the single-node Slurm cluster that .ci/slurm-up.sh started: cancel its jobs, then
# stop slurmd, slurmctld and munged by the process ids in their pid files (never by name).
set -uo pipefail

dir="${CHENGYU_SLURM_DIR:-/tmp/chengyu-slurm}"
[ -d "$dir" ] || exit 0
export SLURM_CONF="$dir/slurm.conf"

# Jobs still running would leave slurmstepd processes behind; this cluster is ours alone.
if [ -f "$dir/run/slurmctld.pid" ] && command -v squeue >/dev/null 2>&1; then
  jobs="$(timeout 10 squeue -h -o '%A' 2>/dev/null || true)"
  if [ -n "$jobs" ]; then
    # shellcheck disable=SC2086
    timeout 10 scancel $jobs 2>/dev/null || true
    sleep 2
  fi
fi

stop() {
  local name="$1" pidfile="$dir/run/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  rm -f "$pidfile"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { echo "slurm-down: stopped $name ($pid)"; return 0; }
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  echo "slurm-down: killed $name ($pid)"
}

stop slurmd
stop slurmctld
stop munged

if [ -f "$dir/linked-conf" ]; then
  link="$(cat "$dir/linked-conf")"
  # Only remove the link we made, and only while it still points at our file.
  if [ -L "$link" ] && [ "$(readlink "$link")" = "$dir/slurm.conf" ]; then rm -f "$link"; fi
  rm -f "$dir/linked-conf"
fi
exit 0
