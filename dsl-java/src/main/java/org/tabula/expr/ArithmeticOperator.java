package org.tabula.expr;

/** Arithmetic operators. */
public enum ArithmeticOperator {
    PLUS, MINUS, TIMES, DIV, MOD
}
