package org.tabula.expr;

/** Binary comparison operators; the dialect's renderer spells them ({@code =}, {@code <>}, ...). */
public enum ComparisonOperator {
    /** Equal, {@code =}. */
    EQ,
    /** Not equal, {@code <>}. */
    NE,
    /** Less than, {@code <}. */
    LT,
    /** Less than or equal, {@code <=}. */
    LE,
    /** Greater than, {@code >}. */
    GT,
    /** Greater than or equal, {@code >=}. */
    GE
}
