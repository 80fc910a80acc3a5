package org.tabula.statement;

/** Kinds of join. */
public enum JoinType {
    /** Rows that match on both sides: {@code select(...).join(POSTS)}. */
    INNER,
    /** Every row on the left, NULLs where the right has no match: {@code leftJoin(POSTS)}. */
    LEFT,
    /** Every row on the right, NULLs where the left has no match. */
    RIGHT,
    /** Every row of both sides (not on MySQL/MariaDB). */
    FULL
}
