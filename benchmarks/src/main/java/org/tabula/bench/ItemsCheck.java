package org.tabula.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.tabula.engine.Connection;

/**
 * Checks, outside the measurement, that an insert benchmark wrote exactly the rows it was given:
 * row count, key sum, the sum of one int column and the number of non-NULL notes, against the
 * same figures computed from the input.
 */
final class ItemsCheck {

    private ItemsCheck() {
    }

    /** The figures {@link #verify} compares: count, sum(id), sum(qty), count(note). */
    static long[] expected(List<FetchBenchmark.ItemRecord> rows) {
        long ids = 0;
        long qty = 0;
        long notes = 0;
        for (FetchBenchmark.ItemRecord r : rows) {
            ids += r.id();
            qty += r.qty();
            notes += r.note() == null ? 0 : 1;
        }
        return new long[] {rows.size(), ids, qty, notes};
    }

    /** Fails unless {@code table} holds exactly the rows {@code expected} was computed from. */
    static void verify(Connection conn, String table, long[] expected) {
        try (java.sql.Statement st = conn.jdbc().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(id), SUM(qty), COUNT(note) FROM " + table)) {
            rs.next();
            long[] got = {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            if (!java.util.Arrays.equals(got, expected)) {
                throw new IllegalStateException(table + " holds count/sum(id)/sum(qty)/count(note) "
                        + java.util.Arrays.toString(got) + ", expected " + java.util.Arrays.toString(expected));
            }
            conn.jdbc().commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless a batch reported {@code count} rows for {@code expected} (MariaDB's rewritten batches report each row as 1). */
    static void rowCount(long count, long expected) {
        if (count != expected) {
            throw new IllegalStateException("the batch reported " + count + " rows, expected " + expected);
        }
    }
}
