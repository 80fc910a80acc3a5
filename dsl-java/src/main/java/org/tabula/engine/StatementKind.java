package org.tabula.engine;

import org.tabula.statement.Delete;
import org.tabula.statement.Insert;
import org.tabula.statement.Select;
import org.tabula.statement.SetOperation;
import org.tabula.statement.Statement;
import org.tabula.statement.TextStatement;
import org.tabula.statement.Update;

/**
 * What a statement does, for grouping metrics: a value of few distinct values (a
 * low-cardinality tag), unlike the SQL itself.
 *
 * <pre>{@code
 * StatementKind.of(select(USERS.id).from(USERS));   // SELECT
 * StatementKind.of(text("VACUUM"));                 // TEXT
 * }</pre>
 */
public enum StatementKind {
    /** A query ({@code SELECT}, {@code UNION}, ...). */
    SELECT,
    /** An {@code INSERT} (executemany included). */
    INSERT,
    /** An {@code UPDATE}. */
    UPDATE,
    /** A {@code DELETE}. */
    DELETE,
    /** Schema changes: {@code CREATE}, {@code ALTER}, {@code DROP}, ... */
    DDL,
    /** SQL written by hand ({@code text(...)}): Tabula does not know what it does. */
    TEXT;

    /**
     * The kind of {@code statement}.
     *
     * <pre>{@code
     * StatementKind kind = StatementKind.of(insert(USERS).set(USERS.name, "ann"));   // INSERT
     * }</pre>
     */
    public static StatementKind of(Statement statement) {
        if (statement instanceof Select || statement instanceof SetOperation) {
            return SELECT;
        }
        if (statement instanceof Insert) {
            return INSERT;
        }
        if (statement instanceof Update) {
            return UPDATE;
        }
        if (statement instanceof Delete) {
            return DELETE;
        }
        if (statement instanceof TextStatement) {
            return TEXT;
        }
        return DDL;
    }

    /**
     * The lower-case name, as a tag value: {@code "select"}, {@code "insert"}, ...
     *
     * <pre>{@code
     * StatementKind.SELECT.tag();   // "select"
     * }</pre>
     */
    public String tag() {
        return switch (this) {
            case SELECT -> "select";
            case INSERT -> "insert";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case DDL -> "ddl";
            case TEXT -> "text";
        };
    }
}
