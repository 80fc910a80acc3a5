package org.tabula.it.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;

/**
 * The replicated servers the cluster tests run on, started on 127.0.0.1 by the scripts in
 * {@code .ci/replication/} (ports in {@code docs/replication.md}). Nodes are numbered from 1;
 * in a primary/replica pair node 1 is the primary. A test calls {@link #assumeUp()} first, so
 * it is skipped, naming the script to run, where the servers are not there.
 *
 * <pre>{@code
 * Topology.GALERA.assumeUp();
 * try (Engine node1 = Topology.GALERA.engine(1); Engine node3 = Topology.GALERA.engine(3)) {
 *     ...
 * }
 * }</pre>
 */
public enum Topology {

    /** PostgreSQL primary on 5434 and a hot standby streaming from it on 5433. */
    POSTGRES_STANDBY("PostgreSQL primary and hot standby", "pg-standby.sh", 5434, 5433),
    /** MariaDB primary on 3307 and a binlog replica of it on 3308 ({@code read_only=1}). */
    MARIADB_REPLICA("MariaDB primary and binlog replica", "mariadb-replica.sh", 3307, 3308),
    /** A three-node MariaDB Galera cluster on 3311, 3312 and 3313; every node takes writes. */
    GALERA("MariaDB Galera cluster", "galera.sh", 3311, 3312, 3313);

    private static final String HOST = "127.0.0.1";
    /** Seconds a down node may take to refuse, so that a missing topology skips quickly. */
    private static final int CONNECT_TIMEOUT_SECONDS = 2;

    private final String description;
    private final String script;
    private final List<Integer> ports;

    Topology(String description, String script, Integer... ports) {
        this.description = description;
        this.script = script;
        this.ports = List.of(ports);
    }

    /** How many nodes the topology has. */
    public int size() {
        return ports.size();
    }

    /** The port of node {@code node} (from 1). */
    public int port(int node) {
        if (node < 1 || node > ports.size()) {
            throw new IllegalArgumentException(description + " has nodes 1.." + ports.size() + ", not " + node);
        }
        return ports.get(node - 1);
    }

    /** The script under {@code .ci/replication/} that starts this topology. */
    public String script() {
        return ".ci/replication/" + script;
    }

    public boolean isPostgres() {
        return this == POSTGRES_STANDBY;
    }

    /** The application user's JDBC URL for one node, database {@code test}. */
    public String url(int node) {
        return urlOver(HOST + ":" + port(node), "");
    }

    /**
     * One URL naming the given nodes (all when none are given), in that order, with extra
     * driver parameters: a PostgreSQL multi-host URL, or a Connector/J one whose protocol
     * ({@code ""} for failover, {@code "loadbalance:"}, {@code "replication:"}) the caller picks
     * through {@code mysqlProtocol}.
     */
    public String multiHostUrl(String mysqlProtocol, String parameters, int... nodes) {
        int[] order = nodes.length > 0 ? nodes : IntStream.rangeClosed(1, size()).toArray();
        String hosts = IntStream.of(order).mapToObj(n -> HOST + ":" + port(n)).collect(Collectors.joining(","));
        String url = urlOver(hosts, parameters);
        return isPostgres() ? url : url.replace("jdbc:mysql://", "jdbc:mysql:" + mysqlProtocol + "//");
    }

    private String urlOver(String hosts, String parameters) {
        String extra = parameters.isEmpty() ? "" : "&" + parameters;
        return isPostgres()
                ? "jdbc:postgresql://" + hosts + "/test?user=postgres&connectTimeout=" + CONNECT_TIMEOUT_SECONDS + extra
                : "jdbc:mysql://" + hosts + "/test?user=tabula&password=&useSSL=false&allowPublicKeyRetrieval=true"
                        + "&connectTimeout=" + CONNECT_TIMEOUT_SECONDS * 1000 + extra;
    }

    /** A superuser's URL for one node: root on MariaDB (which may KILL, SHUTDOWN, write despite read_only). */
    public String adminUrl(int node) {
        return isPostgres() ? url(node) : url(node).replace("user=tabula", "user=root");
    }

    /** An engine (own small pool, {@link #options()}) on one node; the caller closes it. */
    public Engine engine(int node) {
        return engine(node, options());
    }

    /** An engine with the given options on one node; the caller closes it. */
    public Engine engine(int node, EngineOptions options) {
        return Engine.create(url(node), options);
    }

    /** An engine on every node, node 1 first; the caller closes them. */
    public List<Engine> engines() {
        List<Engine> out = new ArrayList<>();
        for (int node = 1; node <= size(); node++) {
            out.add(engine(node));
        }
        return out;
    }

    /** The pool settings of {@link #engine(int)}: small, failing fast when a node is down. */
    public static EngineOptions options() {
        return EngineOptions.defaults().poolSize(1).maxOverflow(7)
                .connectionTimeout(java.time.Duration.ofSeconds(10));
    }

    /**
     * Skips the calling test (JUnit assumption) unless every node answers in its role: the
     * primary writable, a standby in recovery, a replica read-only and replicating, every Galera
     * node synced in a primary component of {@link #size()} nodes.
     */
    public void assumeUp() {
        String problem = problem();
        assumeTrue(problem == null, () -> description + " not up on " + HOST + " ports " + ports + " (" + problem
                + "): start it with " + script());
    }

    /** Whether {@link #assumeUp()} would let a test run. */
    public boolean isUp() {
        return problem() == null;
    }

    /** Why the topology is not usable, or {@code null} when it is. */
    private String problem() {
        for (int node = 1; node <= size(); node++) {
            try {
                String wrong = wrongRole(node);
                if (wrong != null) {
                    return "node " + node + " (port " + port(node) + ") " + wrong;
                }
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                return "node " + node + " (port " + port(node) + "): " + message.lines().findFirst().orElse(message);
            }
        }
        return null;
    }

    private String wrongRole(int node) throws SQLException {
        return switch (this) {
            case POSTGRES_STANDBY -> expect(node, "SELECT pg_is_in_recovery()", node == 1 ? "f" : "t",
                    node == 1 ? "is in recovery" : "is not a standby");
            case MARIADB_REPLICA -> node == 1
                    ? expect(node, "SELECT CONCAT(@@log_bin)", "ON", "has no binary log")
                    : expect(node, "SELECT CONCAT(@@read_only, ' ', (SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                            + " WHERE COMMAND IN ('Slave_IO', 'Slave_SQL')))", "ON 2",
                            "is not a read-only replica with both replication threads");
            case GALERA -> expect(node, "SELECT CONCAT(@@wsrep_on, ' ', (SELECT VARIABLE_VALUE FROM"
                    + " information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'wsrep_local_state_comment'), ' ',"
                    + " (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME ="
                    + " 'wsrep_cluster_size'))", "ON Synced " + size(), "is not a synced member of all " + size());
        };
    }

    /** {@code null} when {@code sql} on {@code node} answers {@code expected}, else {@code complaint} and the answer. */
    private String expect(int node, String sql, String expected, String complaint) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection(adminUrl(node));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            String got = rs.next() ? rs.getString(1) : null;
            return expected.equals(got) ? null : complaint + " (" + got + ")";
        }
    }

    /**
     * Runs this topology's script (with {@code args}, e.g. {@code "stop", "2"} for Galera) and
     * waits for it; the scripts bound their own waits, this bounds the whole run to 3 minutes.
     * Throws with the script's output when it fails.
     */
    public void runScript(String... args) {
        Path path = projectRoot().resolve(script());
        List<String> command = new ArrayList<>(List.of("bash", path.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = p.waitFor(3, TimeUnit.MINUTES);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 3 minutes: " + out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The checkout holding {@code .ci/}: the working directory (the module's) or one above it. */
    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci/replication"))) {
                return p;
            }
        }
        throw new IllegalStateException("no .ci/replication above " + Path.of("").toAbsolutePath());
    }

    @Override
    public String toString() {
        return description;
    }
}
