package org.tabula.dialect;

import org.tabula.expr.ArithmeticOperator;
import org.tabula.expr.ComparisonOperator;
import org.tabula.schema.ReferentialAction;
import org.tabula.statement.JoinType;
import org.tabula.statement.SetOperation;

/**
 * The SQL spelling of the AST's enums, the same on every database Tabula supports: the AST names
 * what is meant, the renderers decide the words (a dialect's renderer may spell one otherwise).
 */
final class Keywords {

    private Keywords() {
    }

    static String of(JoinType type) {
        return switch (type) {
            case INNER -> "JOIN";
            case LEFT -> "LEFT OUTER JOIN";
            case RIGHT -> "RIGHT OUTER JOIN";
            case FULL -> "FULL OUTER JOIN";
        };
    }

    static String of(SetOperation.Kind kind) {
        return switch (kind) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
        };
    }

    static String of(ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> "NO ACTION";
            case RESTRICT -> "RESTRICT";
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
        };
    }

    static String of(ComparisonOperator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    static String of(ArithmeticOperator operator) {
        return switch (operator) {
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIV -> "/";
            case MOD -> "%";
        };
    }
}
