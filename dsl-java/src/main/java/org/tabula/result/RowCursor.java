package org.tabula.result;

import org.jspecify.annotations.Nullable;

/** A source of rows read one at a time, such as an open JDBC result set. Implemented by the engine. */
public interface RowCursor extends AutoCloseable {

    /**
     * The next row, or {@code null} after the last one.
     *
     * <pre>{@code
     * for (Row r = cursor.next(); r != null; r = cursor.next()) {
     *     handle(r);
     * }
     * }</pre>
     *
     * @return the row: {@code for (Row r = cursor.next(); r != null; r = cursor.next()) ...}
     */
    @Nullable Row next();

    /**
     * Releases the underlying statement and result set; called once.
     *
     * <pre>{@code
     * cursor.close();
     * }</pre>
     */
    @Override
    void close();
}
