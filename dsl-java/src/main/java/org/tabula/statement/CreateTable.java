package org.tabula.statement;

import org.jspecify.annotations.Nullable;

import org.tabula.expr.SqlVisitor;
import org.tabula.schema.Table;

/**
 * {@code CREATE TABLE [IF NOT EXISTS]} with columns, keys and constraints (indexes are separate).
 * {@code name} creates the table's definition under another name (the new table of a rebuild).
 *
 * <pre>{@code
 * conn.execute(new CreateTable(USERS, true));
 * conn.execute(new CreateTable(USERS, false, "_tabula_new_users"));
 * }</pre>
 */
public record CreateTable(Table table, boolean ifNotExists, String name) implements Statement {

    /**
     * {@code CREATE TABLE}: {@code new CreateTable(USERS, true)}; {@code Sql.createTable(USERS)} is the usual way.
     *
     * <pre>{@code
     * conn.execute(new CreateTable(USERS, true));   // CREATE TABLE IF NOT EXISTS
     * }</pre>
     *
     * @param table the table to create
     * @param ifNotExists whether to add {@code IF NOT EXISTS}
     */
    public CreateTable(Table table, boolean ifNotExists) {
        this(table, ifNotExists, table.name());
    }

    @Override
    public boolean returnsRows() {
        return false;
    }

    @Override
    public <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
