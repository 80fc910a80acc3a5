package org.tabula.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tabula.error.OperationalException;
import org.tabula.error.PoolTimeoutException;
import org.tabula.statement.LockMode;
import org.tabula.statement.Select;
import org.tabula.statement.SetOperation;
import org.tabula.statement.Statement;

/**
 * The routing behind {@link Engine#replicated}: which server a connection's statements go to,
 * and the background health check of the replicas. A read never waits for a check: it reads the
 * last result, which a daemon thread refreshes every {@link ReplicaOptions#healthCheckInterval()}.
 */
final class ReplicaRouter {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** One replica and what the router knows of it. */
    static final class Node {
        final int index;
        final Engine engine;
        /** Connections lent out on it now: what {@link ReplicaBalance#LEAST_BUSY} compares. */
        final AtomicInteger lent = new AtomicInteger();
        volatile ReplicaStatus status;

        Node(int index, Engine engine) {
            this.index = index;
            this.engine = engine;
        }
    }

    private final Engine primary;
    private final Node[] nodes;
    private final ReplicaOptions options;
    private final long windowNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService prober;

    ReplicaRouter(ReplicaOptions options, Engine primary, List<Engine> replicas) {
        this.options = Objects.requireNonNull(options, "options");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.windowNanos = options.readYourWritesWindow().toNanos();
        nodes = new Node[replicas.size()];
        for (int i = 0; i < nodes.length; i++) {
            Engine replica = Objects.requireNonNull(replicas.get(i), "replica " + i);
            if (replica == primary) {
                throw new IllegalArgumentException("replica " + i + " is the primary engine itself");
            }
            if (replica.isReplicated()) {
                throw new IllegalArgumentException("replica " + i + " is itself a replicated engine; pass plain engines");
            }
            if (!replica.dialect().name().equals(primary.dialect().name())) {
                throw new IllegalArgumentException("replica " + i + " speaks " + replica.dialect().name()
                        + " but the primary " + primary.dialect().name() + "; a replica must run the primary's database");
            }
            nodes[i] = new Node(i, replica);
        }
        if (primary.isReplicated()) {
            throw new IllegalArgumentException("the primary is itself a replicated engine; pass a plain engine");
        }
        // The first check runs now, so that the first reads already know which replicas to use and
        // a replica that cannot be measured at all (no privilege to read its lag) fails here, loudly.
        for (Node node : nodes) {
            node.status = check(node, null);
            if (!node.status.up() && node.status.problem().startsWith(CANNOT_MEASURE)) {
                throw new IllegalStateException("replica " + node.index + " (" + node.engine + "): "
                        + node.status.problem());
            }
        }
        if (nodes.length == 0) {
            prober = null;
        } else {
            int id = COUNTER.incrementAndGet();
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tabula-replica-health-" + id);
                t.setDaemon(true);
                return t;
            });
            long every = options.healthCheckInterval().toMillis();
            prober.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    Engine primary() {
        return primary;
    }

    ReplicaOptions options() {
        return options;
    }

    /** A connection of the replicated engine {@code owner}: pinned to the primary, or routed per statement. */
    Connection connect(Engine owner, boolean primaryOnly) {
        // The routed connection is never in auto-commit: the connections it borrows leave it (RoutedJdbcConnection).
        return new Connection(owner, new RoutedJdbcConnection(this, primaryOnly, ReadYourWrites.current()), false);
    }

    /** Whether {@code context} wrote within the read-your-writes window. */
    boolean recentlyWrote(ReadYourWrites context) {
        return windowNanos > 0 && context.wroteWithin(options.readYourWritesWindow());
    }

    /** Whether a statement only reads, so that a replica may answer it: a SELECT without row locks. */
    static boolean isRead(Statement statement) {
        if (statement instanceof Select select) {
            return select.lock() == LockMode.NONE;
        }
        if (statement instanceof SetOperation op) {
            for (Select s : op.selects()) {
                if (s.lock() != LockMode.NONE) {
                    return false;
                }
            }
            return true;
        }
        // text() included: a function call may write, and only the caller knows (use replica()).
        return false;
    }

    /**
     * A connection on a usable replica, the node it came from in {@code lentFrom[0]}; null when no
     * replica is usable or none would lend one (the caller then reads the primary). A replica that
     * refuses a connection is marked down at once instead of at its next check.
     */
    Connection lendReplica(Node[] lentFrom) {
        int n = nodes.length;
        if (n == 0) {
            return null;
        }
        boolean[] tried = new boolean[n];
        for (int attempt = 0; attempt < n; attempt++) {
            Node node = pick(tried);
            if (node == null) {
                return null;
            }
            tried[node.index] = true;
            try {
                Connection conn = node.engine.connect();
                node.lent.incrementAndGet();
                lentFrom[0] = node;
                return conn;
            } catch (PoolTimeoutException busy) {
                // Saturated, not down: another replica or the primary takes this read.
            } catch (OperationalException e) {
                node.status = down(node, e.getMessage());
            }
        }
        return null;
    }

    void returned(Node node) {
        node.lent.decrementAndGet();
    }

    /** The replica an explicit {@link Engine#replica()} hint gets: a usable one, else the primary. */
    Engine replicaHint() {
        Node node = pick(new boolean[nodes.length]);
        return node != null ? node.engine : primary;
    }

    private Node pick(boolean[] tried) {
        int n = nodes.length;
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        Node best = null;
        for (int i = 0; i < n; i++) {
            Node node = nodes[(start + i) % n];
            if (tried[node.index] || !node.status.usable()) {
                continue;
            }
            if (options.balance() == ReplicaBalance.ROUND_ROBIN) {
                return node;
            }
            if (best == null || node.lent.get() < best.lent.get()) {
                best = node;
            }
        }
        return best;
    }

    List<ReplicaStatus> status() {
        List<ReplicaStatus> out = new ArrayList<>(nodes.length);
        for (Node node : nodes) {
            out.add(node.status);
        }
        return List.copyOf(out);
    }

    /** Measures every replica now; the health thread calls it, and so may a test that cannot wait. */
    void checkAll() {
        for (Node node : nodes) {
            try {
                node.status = check(node, node.status);
            } catch (RuntimeException e) {
                // A check must never kill the health thread: the replica is just unusable until the next one.
                node.status = down(node, "health check failed: " + e);
            }
        }
    }

    private static final String CANNOT_MEASURE = "cannot measure the replication lag";

    private ReplicaStatus check(Node node, ReplicaStatus previous) {
        Connection conn;
        try {
            conn = node.engine.connect();
        } catch (PoolTimeoutException busy) {
            // Every connection is lent out: the replica is busy, which says nothing about its health.
            return previous != null ? previous : down(node, "no free connection for the first health check");
        } catch (OperationalException e) {
            return down(node, e.getMessage());
        }
        try (conn) {
            Duration lag;
            try {
                lag = node.engine.dialect().replicationLag(conn.jdbc());
            } catch (java.sql.SQLException e) {
                if (isConnectionFailure(e)) {
                    return down(node, e.getMessage());
                }
                return down(node, CANNOT_MEASURE + " (" + e.getMessage() + "); on MariaDB grant SLAVE MONITOR,"
                        + " on MySQL REPLICATION CLIENT, to the replica's user");
            }
            if (lag == null) {
                return new ReplicaStatus(node.index, node.engine, true, null, false, "replication is stopped");
            }
            if (lag.compareTo(options.maxLag()) > 0) {
                return new ReplicaStatus(node.index, node.engine, true, lag, false,
                        "lags " + lag.toMillis() + " ms behind the primary, more than maxLag " + options.maxLag().toMillis()
                                + " ms");
            }
            return new ReplicaStatus(node.index, node.engine, true, lag, true, null);
        }
    }

    private static boolean isConnectionFailure(java.sql.SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || state != null && state.startsWith("08");
    }

    private static ReplicaStatus down(Node node, String why) {
        return new ReplicaStatus(node.index, node.engine, false, null, false, why);
    }

    /** Stops the health thread and closes the replicas, then the primary. */
    void close() {
        if (prober != null) {
            prober.shutdownNow();
            try {
                // A check in flight must not borrow from a pool that is closing under it.
                prober.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException failure = null;
        List<Engine> all = new ArrayList<>();
        for (Node node : nodes) {
            all.add(node.engine);
        }
        all.add(primary);
        for (Engine e : all) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                failure = Failures.add(failure, ex);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "1 primary + " + nodes.length + " replica" + (nodes.length == 1 ? "" : "s");
    }
}
