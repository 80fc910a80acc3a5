package org.tabula.statement;

/** Kinds of join. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL
}
