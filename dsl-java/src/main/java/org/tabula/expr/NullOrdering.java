package org.tabula.expr;

/** Where NULLs go in an ORDER BY item. */
public enum NullOrdering {
    /** The database's own order (NULLs last ascending on PostgreSQL, first on SQLite and MySQL). */
    DEFAULT,
    /** NULLs before every value. */
    FIRST,
    /** NULLs after every value. */
    LAST
}
