package org.tabula.expr;

/** Arithmetic operators. */
public enum ArithmeticOperator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIV("/"), MOD("%");

    private final String sql;

    ArithmeticOperator(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
