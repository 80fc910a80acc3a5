#!/usr/bin/env bash
# A PostgreSQL primary on 127.0.0.1:5434 (its own cluster, trust auth on 127.0.0.1 including
# replication) and a hot standby streaming from it on 127.0.0.1:5433 (pg_basebackup -R), with
# data under $TABULA_REPLICATION_DIR (default /var/tmp/tabula-replication). Superuser
# `postgres`, no password; database `test`. The shared cluster on 5432 is not touched.
# Idempotent: servers already up are left alone. Quiet unless something fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
repl_lock pg-standby

PRIMARY=$REPL_DIR/pg-primary PRIMARY_PORT=5434
STANDBY=$REPL_DIR/pg-standby STANDBY_PORT=5433
SOCKETS=$REPL_DIR/pg-sockets LOGS=$REPL_DIR/pg-logs

# The newest installed server, unless PG_BIN names one.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(command -v initdb || echo /nonexistent/initdb)")
[ -x "$PG_BIN/initdb" ] || repl_fail "PostgreSQL server binaries not found (install postgresql, or set PG_BIN)"

pg_up() { "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$1" -q; }
pg_sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XtAq -c "$2"; }
pg_ctl() { repl_as postgres "$PG_BIN/pg_ctl" "$@"; }
in_recovery() { [ "$(pg_sql "$STANDBY_PORT" "SELECT pg_is_in_recovery()")" = t ]; }
streaming() { [ "$(pg_sql "$STANDBY_PORT" "SELECT status FROM pg_stat_wal_receiver")" = streaming ]; }
has_test_db() { [ "$(pg_sql "$STANDBY_PORT" "SELECT 1 FROM pg_database WHERE datname = 'test'")" = 1 ]; }

if pg_up "$PRIMARY_PORT" && pg_up "$STANDBY_PORT" && in_recovery 2>/dev/null; then
  exit 0
fi

mkdir -p "$SOCKETS" "$LOGS"
repl_own postgres "$SOCKETS"
repl_own postgres "$LOGS"
start() { # DATADIR NAME
  pg_ctl -D "$1" -l "$LOGS/$2.log" -w -t "$REPL_WAIT" -s start >/dev/null 9>&- \
    || repl_fail "PostgreSQL $2 did not start, see $LOGS/$2.log"
}

fresh_primary=
if ! pg_up "$PRIMARY_PORT"; then
  if [ ! -f "$PRIMARY/PG_VERSION" ]; then
    fresh_primary=1
    rm -rf "$PRIMARY"; mkdir -p "$PRIMARY"; repl_own postgres "$PRIMARY"
    repl_as postgres "$PG_BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$LOGS/initdb.log" 2>&1 || repl_fail "initdb failed, see $LOGS/initdb.log"
    cat >>"$PRIMARY/postgresql.conf" <<CONF
# tabula replication primary
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$SOCKETS'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 128MB
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
CONF
    cat >"$PRIMARY/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
HBA
  fi
  start "$PRIMARY" primary
fi
if [ -z "$(pg_sql "$PRIMARY_PORT" "SELECT 1 FROM pg_database WHERE datname = 'test'")" ]; then
  pg_sql "$PRIMARY_PORT" "CREATE DATABASE test"
fi

if [ -n "$fresh_primary" ] && [ -d "$STANDBY" ]; then
  # A standby of an earlier primary has another system identifier and would never stream.
  if [ -f "$STANDBY/postmaster.pid" ]; then pg_ctl -D "$STANDBY" -m immediate -s stop || true; fi
  rm -rf "$STANDBY"
fi
if ! pg_up "$STANDBY_PORT"; then
  if [ ! -f "$STANDBY/standby.signal" ]; then
    rm -rf "$STANDBY"; mkdir -p "$STANDBY"; chmod 700 "$STANDBY"; repl_own postgres "$STANDBY"
    repl_as postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" \
      -R -X stream -c fast >"$LOGS/basebackup.log" 2>&1 \
      || repl_fail "pg_basebackup failed, see $LOGS/basebackup.log"
    # Later lines win: the copied configuration still says the primary's port.
    printf 'port = %s\n' "$STANDBY_PORT" >>"$STANDBY/postgresql.conf"
  fi
  start "$STANDBY" standby
fi
repl_wait "PostgreSQL standby 5433 streaming from 5434" streaming \
  || repl_fail "the standby on $STANDBY_PORT does not stream, see $LOGS/standby.log"
repl_wait "database test on the standby" has_test_db
