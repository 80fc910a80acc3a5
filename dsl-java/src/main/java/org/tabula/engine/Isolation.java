package org.tabula.engine;

/**
 * A transaction isolation level, as an engine default ({@link EngineOptions#isolation}) or for one
 * transaction ({@link TransactionOptions#isolation}).
 *
 * <pre>{@code
 * engine.begin(TransactionOptions.isolation(Isolation.SERIALIZABLE), conn -> transfer(conn));
 * }</pre>
 *
 * <p>What each database really does: PostgreSQL runs READ UNCOMMITTED as READ COMMITTED and its
 * REPEATABLE READ is snapshot isolation; MariaDB/MySQL (InnoDB) honour all four, REPEATABLE READ
 * being its default; SQLite transactions are always serializable (a snapshot in WAL mode), so
 * every level is accepted there and runs as SERIALIZABLE.
 */
public enum Isolation {
    /** Reads may see other transactions' uncommitted writes (READ COMMITTED on PostgreSQL). */
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    /**
     * Each statement sees what was committed before it began: {@code TransactionOptions.isolation(Isolation.READ_COMMITTED)}.
     */
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    /** The transaction sees one snapshot (PostgreSQL) or re-reads the same rows (InnoDB). */
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    /** As if transactions ran one after another; conflicts abort one of them (retry it). */
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /**
     * The {@code java.sql.Connection.TRANSACTION_*} constant.
     *
     * <pre>{@code
     * int level = Isolation.SERIALIZABLE.jdbcLevel();   // java.sql.Connection.TRANSACTION_SERIALIZABLE
     * }</pre>
     *
     * @return the JDBC constant: {@code Isolation.SERIALIZABLE.jdbcLevel()}
     */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /**
     * The level for a {@code java.sql.Connection.TRANSACTION_*} constant.
     *
     * <pre>{@code
     * Isolation level = Isolation.ofJdbc(conn.jdbc().getTransactionIsolation());
     * }</pre>
     *
     * @param level a {@code java.sql.Connection.TRANSACTION_*} constant
     * @return the level: {@code Isolation.ofJdbc(jdbc.getTransactionIsolation())}
     */
    public static Isolation ofJdbc(int level) {
        for (Isolation i : values()) {
            if (i.jdbcLevel == level) {
                return i;
            }
        }
        throw new IllegalArgumentException("no isolation level for JDBC constant " + level);
    }
}
