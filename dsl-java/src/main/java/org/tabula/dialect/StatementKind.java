package org.tabula.dialect;

/**
 * What a rendered statement is, as far as executing it matters: the engine picks the error
 * wording, the write-transaction start and the row reading from it instead of re-reading the AST.
 *
 * <pre>{@code
 * RenderedSql r = Dialect.SQLITE.render(update(USERS).set(USERS.name, "bob").where(USERS.id.eq(1L)));
 * r.kind();      // UPDATE
 * r.table();     // USERS
 * }</pre>
 */
public enum StatementKind {
    /** A SELECT or a set operation (UNION, ...). */
    QUERY,
    /** An INSERT (with VALUES, a SELECT, or an executemany's parameters). */
    INSERT,
    /** An UPDATE. */
    UPDATE,
    /** A DELETE. */
    DELETE,
    /** A {@code text()} statement: whether it returns rows is a guess from its leading keyword. */
    TEXT,
    /** Anything else: DDL, or an expression rendered on its own. */
    OTHER
}
