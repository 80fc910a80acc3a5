#!/usr/bin/env bash
# Starts every replication topology the cluster tests use (see docs/replication.md), side by
# side: the PostgreSQL primary and standby, the MariaDB primary and replica, the Galera cluster.
# Quiet when all come up. One that cannot start is named with the script that starts it, the
# others still come up, and the exit status counts the failures (the tests of a topology that
# is not up skip themselves).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

scripts=(pg-standby.sh mariadb-replica.sh galera.sh)
pids=()
for s in "${scripts[@]}"; do
  "$here/$s" >"$REPL_DIR/$s.out" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!scripts[@]}"; do
  if ! wait "${pids[$i]}"; then
    failed=$((failed + 1))
    sed 's/^/  /' "$REPL_DIR/${scripts[$i]}.out" >&2
    repl_log "${scripts[$i]} failed: its tests will be skipped (run .ci/replication/${scripts[$i]} to retry)"
  fi
done
exit "$failed"
