package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the {@link Dialect} of JDBC URLs it recognises: how a dialect in a jar of its own (for
 * H2, CockroachDB, a distributed SQL engine) plugs in, found through {@link java.util.ServiceLoader}
 * by {@link Dialect#forUrl}. Register the class in
 * {@code META-INF/services/org.tabula.dialect.DialectProvider}.
 *
 * <pre>{@code
 * // not compiled: H2Dialect stands for the dialect the provider ships
 * public final class H2Dialects implements DialectProvider {
 *     public Dialect forUrl(String jdbcUrl) {
 *         return jdbcUrl.startsWith("jdbc:h2:") ? H2Dialect.INSTANCE : null;
 *     }
 * }
 * }</pre>
 */
public interface DialectProvider {

    /**
     * The dialect for {@code jdbcUrl}, or {@code null} when this provider does not know it.
     *
     * <pre>{@code
     * Dialect d = new BuiltInDialects().forUrl("jdbc:postgresql://db/app");   // Dialect.POSTGRES; null for another URL
     * }</pre>
     *
     * @param jdbcUrl the JDBC URL
     * @return the dialect, or {@code null}
     */
    @Nullable Dialect forUrl(String jdbcUrl);
}
