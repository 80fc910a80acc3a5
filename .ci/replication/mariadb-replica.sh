#!/usr/bin/env bash
# A MariaDB primary on 127.0.0.1:3307 (log_bin, server_id=7) and a binlog replica of it on
# 127.0.0.1:3308 (read_only=1), each with its own datadir and socket under
# $TABULA_REPLICATION_DIR (default /var/tmp/tabula-replication). Both get database `test` and
# user `tabula` (no password, all rights on test.*, subject to read_only); root has no password
# from 127.0.0.1. Idempotent: servers already up are left alone. Quiet unless something fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
repl_lock mariadb-replica
my_require

PRIMARY=mariadb-primary PRIMARY_PORT=3307
REPLICA=mariadb-replica REPLICA_PORT=3308

replicating() {
  local status
  status=$("$MARIADB_CLIENT" --no-defaults -uroot -S "$REPL_DIR/$REPLICA/mysqld.sock" -e "SHOW SLAVE STATUS\G" 2>/dev/null) || return 1
  grep -q 'Slave_IO_Running: Yes' <<<"$status" && grep -q 'Slave_SQL_Running: Yes' <<<"$status"
}

if my_up "$PRIMARY_PORT" && my_up "$REPLICA_PORT" && replicating; then
  # Servers set up before the application user had SLAVE MONITOR get it here (idempotent).
  my_sql "$PRIMARY" "$MY_TEST_DB"
  exit 0
fi

fresh_primary=
if ! my_up "$PRIMARY_PORT"; then
  my_installed "$PRIMARY" || fresh_primary=1
  my_init "$PRIMARY"
  my_start "$PRIMARY" "$PRIMARY_PORT" --server-id=7 --log-bin=mysql-bin --binlog-format=ROW
fi
if [ -n "$fresh_primary" ] && [ -d "$REPL_DIR/$REPLICA" ]; then
  # A replica of an earlier primary would look for binlog positions that no longer exist.
  my_stop "$REPLICA" "$REPLICA_PORT"
  rm -rf "${REPL_DIR:?}/$REPLICA"
fi
if ! my_up "$REPLICA_PORT"; then
  my_init "$REPLICA"
  my_start "$REPLICA" "$REPLICA_PORT" --server-id=8 --read-only=1 --relay-log=relay-bin
fi
my_wait "$PRIMARY" "$PRIMARY_PORT"
my_wait "$REPLICA" "$REPLICA_PORT"

my_sql "$PRIMARY" "$MY_ROOT_TCP"
my_sql "$REPLICA" "$MY_ROOT_TCP"
# Written to the primary's binary log, so the replica gets them by replication.
my_sql "$PRIMARY" "$MY_TEST_DB"

if [ -z "$(my_sql "$REPLICA" "SHOW SLAVE STATUS")" ]; then
  # Both servers began empty, so the replica reads the primary's binary log from its start.
  my_sql "$REPLICA" "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT,
    MASTER_USER='root', MASTER_PASSWORD='', MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos; START SLAVE;"
else
  my_sql "$REPLICA" "START SLAVE" 2>/dev/null || true
fi
repl_wait "MariaDB replication 3307 -> 3308" replicating || {
  "$MARIADB_CLIENT" --no-defaults -uroot -S "$REPL_DIR/$REPLICA/mysqld.sock" -e "SHOW SLAVE STATUS\G" >&2 || true
  repl_fail "the replica on $REPLICA_PORT does not replicate, see $REPL_DIR/$REPLICA/error.log"
}
repl_wait "database test on the replica" my_sql "$REPLICA" "USE test"
