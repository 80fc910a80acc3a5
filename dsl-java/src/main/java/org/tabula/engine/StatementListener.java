package org.tabula.engine;

import java.util.List;

/**
 * Told about every statement an engine sends, before it runs.
 *
 * <pre>{@code
 * List<String> seen = new CopyOnWriteArrayList<>();
 * Engine engine = Engine.create(url, EngineOptions.defaults().listener((sql, params) -> seen.add(sql)));
 * }</pre>
 *
 * @deprecated use {@link EngineListener}, which is also told when statements end (duration, rows,
 *     failure), about connections and about transactions; {@link EngineListener#beforeEach} is the
 *     one-lambda form. A {@code StatementListener} still works: it is adapted with
 *     {@link EngineListener#of(StatementListener)}.
 */
@Deprecated
@FunctionalInterface
public interface StatementListener {

    /**
     *
     * <pre>{@code
     * StatementListener log = (sql, params) -> System.out.println(sql + " " + params);
     * }</pre>
     *
     * @param sql        the SQL with {@code ?} placeholders
     * @param parameters the bound values (the first row's, for an executemany)
     */
    void beforeExecute(String sql, List<Object> parameters);
}
