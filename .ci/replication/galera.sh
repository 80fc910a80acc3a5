#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on 127.0.0.1: node n listens on 3310+n for clients and
# 4567+n for the group (4568-4570), 4577+n for IST and 4587+n for SST by rsync. Own datadirs
# and sockets under $TABULA_REPLICATION_DIR (default /var/tmp/tabula-replication). Database
# `test`, user `tabula` (no password, all rights on test.*), root without password from
# 127.0.0.1. Idempotent and self-healing: nodes already up are left alone, a node that is down
# joins the others, and only when none is up does node 1 bootstrap a new cluster.
# `galera.sh stop N` shuts node N down (the failover tests use it). Quiet unless something fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
repl_lock galera
my_require

PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
NODES=(1 2 3)
port() { echo $((3310 + $1)); }
name() { echo "galera-$1"; }

synced() { # N: the node is a synced member of a primary component
  [ "$(my_sql "$(name "$1")" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
       WHERE VARIABLE_NAME IN ('wsrep_local_state_comment', 'wsrep_cluster_status') ORDER BY VARIABLE_NAME" 2>/dev/null \
       | tr '\n' ' ')" = "Primary Synced " ]
}
all_synced() { for n in "${NODES[@]}"; do synced "$n" || return 1; done; }

if [ "${1:-}" = stop ]; then
  n=${2:?usage: galera.sh stop NODE}
  my_stop "$(name "$n")" "$(port "$n")"
  exit 0
fi

if all_synced 2>/dev/null; then
  exit 0
fi

[ -f "$PROVIDER" ] || repl_apt galera-4
[ -f "$PROVIDER" ] || repl_fail "no Galera provider at $PROVIDER"
command -v rsync >/dev/null || repl_apt rsync
command -v ss >/dev/null || command -v lsof >/dev/null || repl_apt iproute2

start_node() { # N [--wsrep-new-cluster]
  local n=$1; shift
  local gport=$((4567 + n))
  my_start "$(name "$n")" "$(port "$n")" --server-id=$((20 + n)) --log-bin=mysql-bin --log-slave-updates \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name=tabula \
    --wsrep-cluster-address=gcomm://127.0.0.1:4568,127.0.0.1:4569,127.0.0.1:4570 \
    --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$gport" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$gport;ist.recv_addr=127.0.0.1:$((4577 + n));gcache.size=64M" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((4587 + n))" "$@"
  repl_wait "Galera node $n (port $(port "$n"))" synced "$n" \
    || repl_fail "Galera node $n did not join, see $REPL_DIR/$(name "$n")/error.log"
}

any_up=
for n in "${NODES[@]}"; do if synced "$n" 2>/dev/null; then any_up=1; fi; done
for n in "${NODES[@]}"; do
  synced "$n" 2>/dev/null && continue
  my_up "$(port "$n")" && my_stop "$(name "$n")" "$(port "$n")"  # up but not synced: start it again
  if [ -z "$any_up" ]; then
    # No member to join: this node founds the cluster. Galera refuses to bootstrap from a node
    # that did not stop last, which after a crash or reboot may be any; the tests do not care.
    my_init "$(name "$n")"
    grastate=$REPL_DIR/$(name "$n")/data/grastate.dat
    [ -f "$grastate" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$grastate"
    start_node "$n" --wsrep-new-cluster
    my_sql "$(name "$n")" "$MY_ROOT_TCP $MY_TEST_DB"
    any_up=1
  else
    # A joiner receives the whole datadir from a donor by state transfer.
    my_init "$(name "$n")" empty
    start_node "$n"
  fi
done
