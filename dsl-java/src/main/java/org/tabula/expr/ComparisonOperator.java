package org.tabula.expr;

/** Binary comparison operators; the dialect's renderer spells them ({@code =}, {@code <>}, ...). */
public enum ComparisonOperator {
    EQ, NE, LT, LE, GT, GE
}
