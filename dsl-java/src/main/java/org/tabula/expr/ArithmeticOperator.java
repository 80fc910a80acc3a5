package org.tabula.expr;

/** Arithmetic operators of an {@link Arithmetic} node. */
public enum ArithmeticOperator {
    /** Addition, {@code +}. */
    PLUS,
    /** Subtraction, {@code -}. */
    MINUS,
    /** Multiplication, {@code *}. */
    TIMES,
    /** Division, {@code /}. */
    DIV,
    /** Remainder, {@code %}. */
    MOD
}
