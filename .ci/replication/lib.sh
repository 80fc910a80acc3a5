# Shared by the replication scripts: paths, logging, bounded waits, and how to run servers
# as their own users. Sourced, never run.
# shellcheck shell=bash

# Everything lives here; delete the folder (after down.sh) to start from nothing.
REPL_DIR=${TABULA_REPLICATION_DIR:-/var/tmp/tabula-replication}
# Seconds each script waits for one server before it gives up.
REPL_WAIT=${TABULA_REPLICATION_WAIT:-60}

repl_log() { printf '[replication] %s\n' "$*" >&2; }
repl_fail() { repl_log "$*"; exit 1; }

# repl_wait NAME COMMAND...: runs COMMAND every half second until it succeeds, at most REPL_WAIT s.
repl_wait() {
  local name=$1; shift
  local deadline=$((SECONDS + REPL_WAIT))
  while ((SECONDS < deadline)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  repl_log "$name did not come up within ${REPL_WAIT} s"
  return 1
}

repl_is_root() { [ "$(id -u)" = 0 ]; }

# repl_lock NAME: holds a lock on NAME until the script exits, so that two runs at once (two
# checkouts' CI on one machine) take turns: the second then finds the servers up. Servers are
# started with descriptor 9 closed, or they would hold the lock for as long as they run.
repl_lock() {
  exec 9>"$REPL_DIR/$1.lock"
  flock -w 180 9 || repl_fail "another run still holds $REPL_DIR/$1.lock after 180 s"
}

# repl_as USER COMMAND...: COMMAND as USER when we are root (servers refuse to run as root),
# as ourselves otherwise (a developer's own account owns the data directories then).
repl_as() {
  local user=$1; shift
  if repl_is_root; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# repl_own USER DIR: gives DIR to USER when we are root.
repl_own() {
  if repl_is_root; then chown -R "$1:" "$2"; fi
}

# repl_apt PACKAGE...: installs missing Debian packages (root only; otherwise says what is missing).
repl_apt() {
  if ! repl_is_root; then
    repl_fail "missing packages: $* (install them, e.g. sudo apt-get install $*)"
  fi
  if [ -z "${REPL_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    REPL_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || repl_fail "could not install $*"
}

mkdir -p "$REPL_DIR"
chmod 755 "$REPL_DIR"

# ---------------------------------------------------------------- MariaDB

MARIADB_CLIENT=$(command -v mariadb || command -v mysql || true)
MARIADB_ADMIN=$(command -v mariadb-admin || command -v mysqladmin || true)
MARIADB_INSTALL_DB=$(command -v mariadb-install-db || command -v mysql_install_db || true)
MARIADBD=$(command -v mariadbd || command -v /usr/sbin/mariadbd || command -v mysqld || command -v /usr/sbin/mysqld || true)

my_require() {
  [ -n "$MARIADBD" ] && [ -n "$MARIADB_CLIENT" ] && [ -n "$MARIADB_INSTALL_DB" ] \
    || repl_fail "MariaDB server binaries not found (install mariadb-server)"
}

# my_up PORT: whether a server answers on 127.0.0.1:PORT (ping succeeds even when access is denied).
my_up() { "$MARIADB_ADMIN" --no-defaults -h127.0.0.1 -P"$1" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

# my_sql NAME SQL: runs SQL as root over NAME's own socket, prints rows tab-separated.
my_sql() { "$MARIADB_CLIENT" --no-defaults -uroot -S "$REPL_DIR/$1/mysqld.sock" -N -B -e "$2"; }

# my_init NAME [empty]: a data directory for NAME: system tables, or empty for a Galera
# joiner that receives its data by state transfer.
# my_installed NAME: whether NAME's datadir holds a finished install (older datadirs, made before
# the marker, count when their last system table is there).
my_installed() {
  local data=$REPL_DIR/$1/data
  [ -f "$data/.tabula-installed" ] || [ -f "$data/mysql/transaction_registry.frm" ]
}

my_init() {
  local dir=$REPL_DIR/$1
  mkdir -p "$dir/data"
  if [ "${2:-}" != empty ] && ! my_installed "$1"; then
    # A datadir whose install did not finish (missing system tables) would start but refuse
    # root: begin again from an empty one, and try twice.
    local user=(); if repl_is_root; then user=(--user=mysql); fi
    local attempt pid
    # A server may still run on the unfinished datadir, refusing root: stop it by its pid.
    pid=$(cat "$dir/mysqld.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    for attempt in 1 2; do
      rm -rf "${dir:?}/data" && mkdir -p "$dir/data"
      [ -n "$user" ] && chown mysql:mysql "$dir/data" 2>/dev/null
      if "$MARIADB_INSTALL_DB" --no-defaults --datadir="$dir/data" "${user[@]}" \
          --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1; then
        touch "$dir/data/.tabula-installed"
        break
      fi
      [ "$attempt" = 2 ] && repl_fail "mariadb-install-db for $1 failed, see $dir/install.log"
    done
  fi
  repl_own mysql "$dir"
}

# my_start NAME PORT ARG...: starts mariadbd for NAME in the background with its own datadir,
# socket and log, bound to 127.0.0.1 only, and no option file (the shared server's my.cnf
# stays out of it).
my_start() {
  local name=$1 port=$2; shift 2
  local dir=$REPL_DIR/$name
  local user=(); if repl_is_root; then user=(--user=mysql); fi
  setsid "$MARIADBD" --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --log-error="$dir/error.log" \
    "${user[@]}" --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=2 \
    --max-connections=200 "$@" </dev/null >>"$dir/stdout.log" 2>&1 9>&- &
}

# my_wait NAME PORT: waits until NAME answers on its socket as root.
my_wait() {
  repl_wait "MariaDB $1 (port $2)" my_sql "$1" "SELECT 1" \
    || repl_fail "see $REPL_DIR/$1/error.log"
}

# SQL that lets root in over TCP from 127.0.0.1 (the install only knows root@localhost);
# never written to the binary log, each server runs it for itself.
MY_ROOT_TCP="SET sql_log_bin=0; CREATE USER IF NOT EXISTS root@'127.0.0.1'; GRANT ALL ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;"
# The database the tests use and an application user limited to it: unlike root it has no
# READ_ONLY ADMIN, so read_only=1 applies to it. SLAVE MONITOR lets it read SHOW SLAVE STATUS,
# the replica lag that Engine.replicated's health probe measures.
MY_TEST_DB="CREATE DATABASE IF NOT EXISTS test CHARACTER SET utf8mb4; CREATE USER IF NOT EXISTS tabula@'127.0.0.1'; GRANT ALL ON test.* TO tabula@'127.0.0.1'; GRANT SLAVE MONITOR ON *.* TO tabula@'127.0.0.1';"

# my_down PORT: whether nothing answers on PORT any more.
my_down() { ! my_up "$1"; }

# my_stop NAME PORT: shuts NAME down and waits until it is gone.
my_stop() {
  if my_up "$2"; then
    my_sql "$1" "SHUTDOWN" >/dev/null 2>&1 || true
    repl_wait "MariaDB $1 shutdown" my_down "$2"
  fi
}
