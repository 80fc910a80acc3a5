#!/usr/bin/env bash
# Stops every server the replication scripts started; with --wipe also deletes their data, so
# that up.sh starts from nothing. Leaves the shared servers on 3306 and 5432 alone.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

for n in 3 2 1; do my_stop "galera-$n" $((3310 + n)); done
my_stop mariadb-replica 3308
my_stop mariadb-primary 3307
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
for d in pg-standby pg-primary; do
  if [ -f "$REPL_DIR/$d/postmaster.pid" ]; then
    repl_as postgres "$PG_BIN/pg_ctl" -D "$REPL_DIR/$d" -m fast -w -t "$REPL_WAIT" -s stop || true
  fi
done
if [ "${1:-}" = --wipe ]; then
  rm -rf "${REPL_DIR:?}"
fi
