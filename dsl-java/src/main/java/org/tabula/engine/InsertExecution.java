package org.tabula.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabula.dialect.Dialect;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.expr.BindValue;
import org.tabula.expr.Expression;
import org.tabula.result.Result;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Insert;
import org.tabula.statement.Select;
import org.tabula.type.SqlType;

/**
 * A single INSERT, which is more than run-the-SQL: the primary key of the row it wrote is read
 * back (client-side key defaults drawn first, then RETURNING or the driver's generated keys), and
 * {@code INSERT ... RETURNING} is emulated where the database has none (MySQL) by reading the
 * rows back by their keys. The insert is completed here, then rendered once and run by
 * {@link StatementRunner}.
 */
final class InsertExecution {

    private final StatementRunner runner;
    private final Dialect dialect;

    InsertExecution(StatementRunner runner) {
        this.runner = runner;
        this.dialect = runner.dialect();
    }

    /** Runs {@code insert}; named parameters of an {@code insert(table)} without values become its row. */
    Result execute(Insert insert, Map<String, ?> parameters) {
        if (insert.rows().isEmpty() && insert.fromSelect() == null && !parameters.isEmpty()) {
            return execute(insert.values(parameters), Map.of());
        }
        boolean singleRow = insert.rows().size() <= 1 && insert.fromSelect() == null;
        if (!insert.returning().isEmpty()) {
            if (dialect.supportsReturning(Dialect.ReturningSupport.INSERT)) {
                return run(insert, parameters);
            }
            return emulateInsertReturning(insert, parameters);
        }
        List<Column<?>> pk = insert.table().primaryKey();
        if (!singleRow || pk.isEmpty() || insert.onConflict() != null) {
            return run(insert, parameters);
        }
        // Client-side defaults of key columns are drawn here, so the key is known without asking the database.
        insert = withKeyDefaults(insert, pk);
        Map<Column<?>, Expression<?>> row = insert.singleRow();
        List<Column<?>> generated = new ArrayList<>();
        for (Column<?> c : pk) {
            if (!(row.get(c) instanceof BindValue<?>)) {
                generated.add(c);
            }
        }
        if (generated.isEmpty()) {
            Result r = run(insert, parameters);
            return Result.ofCount(r.rowCount(), keyRow(pk, row, Map.of()));
        }
        Map<Column<?>, Object> values = new HashMap<>();
        if (dialect.supportsReturning(Dialect.ReturningSupport.INSERT)) {
            Row returned = run(insert.returning(generated.toArray(new Expression<?>[0])), parameters).one();
            for (Column<?> c : generated) {
                values.put(c, returned.get(c));
            }
            return Result.ofCount(1, keyRow(pk, row, values));
        }
        List<Object> keys = new ArrayList<>();
        long count = runner.runWithGeneratedKeys(dialect.render(insert), parameters, generated.get(0), keys);
        if (!keys.isEmpty()) {
            values.put(generated.get(0), keys.get(0));
        }
        return Result.ofCount(count, keyRow(pk, row, values));
    }

    private Result run(Insert insert, Map<String, ?> parameters) {
        return runner.run(dialect.render(insert), parameters, false, 0, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Insert withKeyDefaults(Insert insert, List<Column<?>> pk) {
        Map<Column<?>, Expression<?>> row = insert.singleRow();
        Insert out = insert;
        for (Column<?> c : pk) {
            if (!row.containsKey(c) && c.defaultValue() != null) {
                Column raw = c;
                out = out.set(raw, (Object) raw.defaultValue().get());
            }
        }
        return out;
    }

    private static Row keyRow(List<Column<?>> pk, Map<Column<?>, Expression<?>> row, Map<Column<?>, Object> generated) {
        Object[] values = new Object[pk.size()];
        String[] labels = new String[pk.size()];
        SqlType<?>[] types = new SqlType<?>[pk.size()];
        for (int i = 0; i < pk.size(); i++) {
            Column<?> c = pk.get(i);
            labels[i] = c.name();
            types[i] = c.type();
            values[i] = generated.containsKey(c) ? generated.get(c)
                    : row.get(c) instanceof BindValue<?> b ? b.value() : null;
        }
        return new Row(new ResultColumns(labels, types, pk.toArray(new Expression<?>[0])), values);
    }

    /** MySQL has no INSERT ... RETURNING: insert, then read the rows back by their generated keys. */
    private Result emulateInsertReturning(Insert insert, Map<String, ?> parameters) {
        Table table = insert.table();
        List<Column<?>> pk = table.primaryKey();
        if (pk.size() != 1) {
            throw new UnsupportedFeatureException("INSERT ... RETURNING is emulated on " + dialect.name()
                    + " only for tables with a single-column primary key; " + table.name() + " has " + pk.size());
        }
        Column<?> key = pk.get(0);
        Insert plain = insert.withoutReturning();
        List<Object> keys = new ArrayList<>();
        Map<Column<?>, Expression<?>> row = plain.singleRow();
        if (row.get(key) instanceof BindValue<?> given) {
            Result r = run(plain, parameters);
            if (r.rowCount() > 0) {
                keys.add(given.value());
            }
        } else if (key.isAutoIncrement()) {
            runner.runWithGeneratedKeys(dialect.render(plain), parameters, key, keys);
        } else {
            throw new UnsupportedFeatureException("INSERT ... RETURNING on " + dialect.name() + " needs the key of "
                    + table.name() + " to be given or auto-incremented");
        }
        if (keys.isEmpty()) {
            return Result.buffered(null, List.of(), 0, null);
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Select readBack = Select.of(insert.returning()).from(table)
                .where(((Column) key).in((List) keys)).orderBy(key.asc());
        return runner.run(dialect.render(readBack), Map.of(), false, 0, null);
    }
}
