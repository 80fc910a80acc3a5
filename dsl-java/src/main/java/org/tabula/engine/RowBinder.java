package org.tabula.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tabula.dialect.Binding;
import org.tabula.dialect.Dialect;
import org.jspecify.annotations.Nullable;
import org.tabula.schema.Column;
import org.tabula.statement.InsertRow;
import org.tabula.type.SqlType;
import org.tabula.type.TypeKind;

/**
 * executemany's per-row binding, with what {@code StatementRunner.bindAll} works out per value
 * (name, type, NOT NULL and length limits) resolved once per statement instead of once per row.
 * It binds only rows that pass every check; for any other row it reports failure and the caller
 * binds that row with {@code bindAll}, which raises the usual, fully worded exception.
 */
final class RowBinder {

    private static final Object MISSING = new Object();

    private final String[] names;
    private final SqlType<?>[] types;
    private final boolean[] nullAllowed;
    private final int[] maxLengths;
    /** Values of exactly this class go straight to the type's binder; null where the dialect converts. */
    private final Class<?>[] direct;
    /** The column each binding writes, null where none. */
    private final @Nullable Column<?>[] targets;

    private RowBinder(String[] names, SqlType<?>[] types, boolean[] nullAllowed, int[] maxLengths, Class<?>[] direct,
                      @Nullable Column<?>[] targets) {
        this.targets = targets;
        this.names = names;
        this.types = types;
        this.nullAllowed = nullAllowed;
        this.maxLengths = maxLengths;
        this.direct = direct;
    }

    /** A binder for these bindings, or {@code null} when some need {@code bindAll}'s general path. */
    static RowBinder of(Dialect dialect, List<Binding> bindings) {
        int n = bindings.size();
        String[] names = new String[n];
        SqlType<?>[] types = new SqlType<?>[n];
        boolean[] nullAllowed = new boolean[n];
        int[] maxLengths = new int[n];
        Class<?>[] direct = new Class<?>[n];
        Column<?>[] targets = new Column<?>[n];
        for (int i = 0; i < n; i++) {
            Binding b = bindings.get(i);
            if (!b.isNamed() || b.type().kind() == TypeKind.ANY) {
                return null; // values fixed at render time, or typed by each value: the general path
            }
            names[i] = b.name();
            types[i] = b.type();
            Column<?> target = b.target();
            targets[i] = target;
            nullAllowed[i] = target == null || StatementRunner.acceptsNull(target);
            maxLengths[i] = target == null ? Integer.MAX_VALUE : StatementRunner.maxLength(target);
            direct[i] = b.type().javaType();
        }
        return new RowBinder(names, types, nullAllowed, maxLengths, direct, targets);
    }

    /** Binds one row; {@code false} (possibly after binding some values) when the row needs the general path. */
    boolean bind(Dialect dialect, PreparedStatement ps, Map<String, ?> row) throws SQLException {
        return bind(dialect, ps, row, 0);
    }

    /** {@link #bind(Dialect, PreparedStatement, Map)} at parameter indexes {@code offset + 1} and on (multi-row VALUES). */
    boolean bind(Dialect dialect, PreparedStatement ps, Map<String, ?> row, int offset) throws SQLException {
        if (row instanceof InsertRow typed && typed.size() == names.length) {
            return bindByPosition(dialect, ps, typed, offset);
        }
        return bindByName(dialect, ps, row, offset);
    }

    /**
     * A typed row filled in the statement's column order (a refilled row always is) binds by
     * position, with no lookup by name; any other order falls back to the names.
     */
    private boolean bindByPosition(Dialect dialect, PreparedStatement ps, InsertRow row, int offset) throws SQLException {
        for (int i = 0; i < names.length; i++) {
            if (row.columnAt(i) != targets[i]) {
                return bindByName(dialect, ps, row, offset);
            }
            if (!bindValue(dialect, ps, offset, i, row.valueAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean bindByName(Dialect dialect, PreparedStatement ps, Map<String, ?> row, int offset) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) row;     // only read: the cast lets MISSING be the default
        for (int i = 0; i < names.length; i++) {
            // One lookup tells a missing key from a NULL value (HashMap; other maps may look twice).
            Object value = values.getOrDefault(names[i], MISSING);
            if (value == MISSING || !bindValue(dialect, ps, offset, i, value)) {
                return false;
            }
        }
        return true;
    }

    /** Binds {@code value} as binding {@code i}, or says (false) that it needs the general path. */
    private boolean bindValue(Dialect dialect, PreparedStatement ps, int offset, int i, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            if (!nullAllowed[i]) {
                return false;
            }
        } else if (value instanceof String s && s.length() > maxLengths[i]) {
            return false; // maybe too long (bindAll counts code points and words the error)
        }
        try {
            if (value != null && value.getClass() == direct[i]) {
                // What dialect.bind would end in, minus its null check and coerce().
                @SuppressWarnings("unchecked")
                SqlType<Object> type = (SqlType<Object>) types[i];
                type.bind(dialect, ps, offset + i + 1, value);
            } else {
                dialect.bind(ps, offset + i + 1, types[i], value);
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            return false;
        }
        return true;
    }
}
