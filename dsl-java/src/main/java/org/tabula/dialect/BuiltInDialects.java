package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

/**
 * The dialects Tabula ships: SQLite, MySQL, MariaDB and PostgreSQL, by URL scheme. Asked last by
 * {@link Dialect#forUrl}, after the providers found on the class path.
 *
 * <pre>{@code
 * new BuiltInDialects().forUrl("jdbc:mariadb://db/app");   // Dialect.MARIADB
 * new BuiltInDialects().forUrl("jdbc:h2:mem:");            // null
 * }</pre>
 */
public final class BuiltInDialects implements DialectProvider {

    @Override
    public @Nullable Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return Dialect.MARIADB;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mysql+srv:")) {
            return Dialect.MYSQL;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRES;
        }
        return null;
    }

    @Override
    public String toString() {
        return "built-in dialects";
    }
}
