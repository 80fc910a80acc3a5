@file:JvmName("Statements")

package org.tabula.kotlin

import org.tabula.expr.Condition
import org.tabula.expr.Expression
import org.tabula.schema.Table
import org.tabula.statement.Delete
import org.tabula.statement.Insert
import org.tabula.statement.Update

/*
 * INSERT, UPDATE and DELETE builders on table objects. They return the Java statements, to run
 * with `conn.execute(...)` (or AsyncConnection.execute), render with `toSql(dialect)`, or extend
 * with Java methods such as `returning(...)`.
 *
 *     conn.execute(Users.insert { it[name] = "ann"; it[age] = 30 })
 *     conn.execute(Users.update({ Users.id eq 1L }) { it[name] = "bob" })
 *     conn.execute(Users.deleteWhere { Users.id eq 1L })
 */

/**
 * `INSERT INTO this (...) VALUES (...)` with the values set in [body].
 *
 * @sample org.tabula.kotlin.samples.insertRow
 */
inline fun <T : Table> T.insert(body: T.(InsertBuilder) -> Unit): Insert = insertBuilder(this, body).statement

/**
 * An INSERT that returns [returning] (`RETURNING`, or read back where the database lacks it).
 *
 * @sample org.tabula.kotlin.samples.insertWithReturning
 */
inline fun <T : Table> T.insertReturning(vararg returning: Expression<*>, body: T.(InsertBuilder) -> Unit): Insert =
    insert(body).returning(*returning)

/**
 * `UPDATE this SET ... WHERE where`.
 *
 * @sample org.tabula.kotlin.samples.updateRows
 */
inline fun <T : Table> T.update(where: T.() -> Condition, body: T.(UpdateBuilder) -> Unit): Update {
    val builder = UpdateBuilder(Update.of(this).where(where()))
    body(builder)
    return builder.statement
}

/**
 * An UPDATE with `RETURNING` (SQLite, PostgreSQL).
 *
 * @sample org.tabula.kotlin.samples.updateWithReturning
 */
inline fun <T : Table> T.updateReturning(
    vararg returning: Expression<*>,
    where: T.() -> Condition,
    body: T.(UpdateBuilder) -> Unit,
): Update = update(where, body).returning(*returning)

/**
 * `UPDATE this SET ...` on every row, said out loud.
 *
 * @sample org.tabula.kotlin.samples.updateEveryRow
 */
inline fun <T : Table> T.updateAll(body: T.(UpdateBuilder) -> Unit): Update {
    val builder = UpdateBuilder(Update.of(this).allRows())
    body(builder)
    return builder.statement
}

/**
 * `DELETE FROM this WHERE where`.
 *
 * @sample org.tabula.kotlin.samples.deleteRows
 */
inline fun <T : Table> T.deleteWhere(where: T.() -> Condition): Delete = Delete.from(this).where(where())

/**
 * `DELETE ... RETURNING` (SQLite, MariaDB, PostgreSQL).
 *
 * @sample org.tabula.kotlin.samples.deleteWithReturning
 */
inline fun <T : Table> T.deleteReturning(vararg returning: Expression<*>, where: T.() -> Condition): Delete =
    deleteWhere(where).returning(*returning)

/**
 * `DELETE FROM this` on every row, said out loud.
 *
 * @sample org.tabula.kotlin.samples.deleteEveryRow
 */
fun Table.deleteAll(): Delete = Delete.from(this).allRows()

@PublishedApi
internal inline fun <T : Table> insertBuilder(table: T, body: T.(InsertBuilder) -> Unit): InsertBuilder {
    val builder = InsertBuilder(table)
    table.body(builder)
    return builder
}
