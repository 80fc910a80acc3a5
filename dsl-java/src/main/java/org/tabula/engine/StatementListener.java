package org.tabula.engine;

import java.util.List;

/**
 * Told about every statement an engine sends, before it runs: for counting queries in tests,
 * tracing, or metrics.
 *
 * <pre>{@code
 * List<String> seen = new CopyOnWriteArrayList<>();
 * Engine engine = Engine.create(url, EngineOptions.defaults().listener((sql, params) -> seen.add(sql)));
 * }</pre>
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * @param sql        the SQL with {@code ?} placeholders
     * @param parameters the bound values (the first row's, for an executemany)
     */
    void beforeExecute(String sql, List<Object> parameters);
}
