package org.tabula.dialect;

import org.jspecify.annotations.Nullable;

import java.util.List;
import org.tabula.statement.Select;

/**
 * A dialect's rendered SQL of selects, keyed by their shape (as SQLAlchemy caches compiled
 * statements by a cache key): a select built per request with new values renders the SQL text
 * of the first select of its shape, with its own values bound. The values never enter the
 * SQL or the cache: an entry holds the shape's tokens (columns, tables, types, operators,
 * aliases), the SQL text, and for each {@code ?} which of the select's parameter nodes fills it.
 *
 * <p>Only the built-in renderers are cached: their SQL text depends on the shape alone. A
 * dialect with its own renderer renders every time. Entries live in a fixed array indexed by
 * the shape's hash (a new shape replaces the one in its slot), so the cache stays bounded
 * whatever the application builds. {@code -Dtabula.renderCache=false} turns it off.
 */
final class RenderCache {

    /** Off with {@code -Dtabula.renderCache=false} (to compare, or to rule it out). */
    static final boolean ENABLED = !"false".equals(System.getProperty("tabula.renderCache"));
    /** A binding whose value does not come from a node: a named parameter, reused as rendered. */
    static final Object NAMED = new Object();

    private static final int SLOTS = 512;

    /** Shapes by hash; racy reads and writes are safe: an entry is immutable (final fields). */
    private final Entry[] slots = new Entry[SLOTS];
    /** 0 not yet known, 1 a built-in renderer (cached), 2 a dialect's own renderer (not cached). */
    private volatile int state;

    private record Entry(int hash, SelectShape.Recorded tokens, String sql, int[] sourceIndex, Binding[] bindings,
                         boolean locksRows, boolean pureRead, boolean notNullHolds) {
    }

    /**
     * {@code select} rendered, from the cache when its shape was rendered before.
     *
     * @return the rendered select, or {@code null} when it is not cacheable (render it as always)
     */
    @Nullable RenderedSql render(Dialect dialect, Select select) {
        if (!ENABLED || !builtInRenderer(dialect)) {
            return null;
        }
        SelectShape shape = SelectShape.of(select);
        if (shape == null) {
            return null;
        }
        try {
            int slot = shape.hash & (SLOTS - 1);
            Entry entry = slots[slot];
            if (entry != null && entry.hash == shape.hash && shape.matches(entry.tokens)) {
                return bind(entry, select, shape.sources);
            }
            SqlRenderer renderer = dialect.newRenderer();
            renderer.top = select;
            renderer.sources = new java.util.ArrayList<>(shape.sourceCount + 2);
            select.accept(renderer);
            RenderedSql rendered = renderer.result();
            Entry made = entry(shape, renderer.sources, rendered);
            if (made != null) {
                slots[slot] = made;
            }
            return rendered;
        } finally {
            shape.release();
        }
    }

    private boolean builtInRenderer(Dialect dialect) {
        int s = state;
        if (s == 0) {
            Class<?> type = dialect.newRenderer().getClass();
            s = type == SqliteRenderer.class || type == MySqlRenderer.class || type == PostgresRenderer.class ? 1 : 2;
            state = s;
        }
        return s == 1;
    }

    private static RenderedSql bind(Entry entry, Select select, Object[] sources) {
        Binding[] bindings = entry.bindings.clone();
        for (int i = 0; i < bindings.length; i++) {
            int source = entry.sourceIndex[i];
            if (source >= 0) {
                bindings[i] = Binding.value(SelectShape.valueOf(sources[source]), bindings[i].type());
            }
        }
        return new RenderedSql(entry.sql, List.of(bindings), StatementKind.QUERY, null, select.selections(), true,
                entry.locksRows, entry.pureRead, entry.notNullHolds);
    }

    /**
     * The entry of a select just rendered, or {@code null} when a binding cannot be traced to
     * exactly one parameter node of the walk (then the shape is not cached).
     */
    private static @Nullable Entry entry(SelectShape shape, List<Object> renderedSources, RenderedSql rendered) {
        List<Binding> bindings = rendered.bindings();
        if (renderedSources.size() != bindings.size()) {
            return null;
        }
        Object[] walked = shape.sources;
        int count = shape.sourceCount;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (walked[i] == walked[j]) {
                    return null;        // one node in two places: which place a later select's value comes from is unknown
                }
            }
        }
        int[] sourceIndex = new int[bindings.size()];
        for (int k = 0; k < sourceIndex.length; k++) {
            Object source = renderedSources.get(k);
            int found = -1;
            if (source == NAMED) {
                found = -2;
            } else {
                for (int i = 0; i < count; i++) {
                    if (walked[i] == source) {
                        found = i;
                        break;
                    }
                }
            }
            if (found == -1) {
                return null;
            }
            sourceIndex[k] = Math.max(found, -1);
        }
        Binding[] types = bindings.toArray(new Binding[0]);
        for (int k = 0; k < types.length; k++) {
            if (sourceIndex[k] >= 0) {
                types[k] = Binding.value(null, types[k].type());     // the cache keeps no value
            }
        }
        return new Entry(shape.hash, shape.record(), rendered.sql(), sourceIndex, types, rendered.locksRows(), rendered.pureRead(),
                rendered.notNullHolds());
    }
}
