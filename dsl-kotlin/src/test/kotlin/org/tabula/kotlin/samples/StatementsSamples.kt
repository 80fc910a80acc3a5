package org.tabula.kotlin.samples

import java.math.BigDecimal
import org.tabula.engine.Connection
import org.tabula.kotlin.batchInsert
import org.tabula.kotlin.deleteAll
import org.tabula.kotlin.deleteReturning
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.insertReturning
import org.tabula.kotlin.select
import org.tabula.kotlin.ifNull
import org.tabula.kotlin.lt
import org.tabula.kotlin.max
import org.tabula.kotlin.min
import org.tabula.kotlin.update
import org.tabula.kotlin.updateAll
import org.tabula.kotlin.updateReturning
import org.tabula.result.Result

// Samples of Statements.kt, InsertBuilder.kt, UpdateBuilder.kt and Batch.kt, run by SamplesSpec.

fun insertRow(conn: Connection): Long {
    val id: Long = conn.execute(Users.insert { it[name] = "dan"; it[age] = 30 }).insertedPrimaryKey()[Users.id]
    conn.commit()
    return id
}

fun insertBuilderValues(conn: Connection): Result = conn.execute(
    Users.insert {
        it[name] = "eve"                                   // a bound value, typed by the column: it[age] = "x" does not compile
        it[email] = null                                   // null only compiles for a nullable column
        it[age] = Users.select(Users.age.max()).asScalar() // an expression: here a scalar subquery
    },
)

fun insertValue(conn: Connection): Result = conn.execute(Users.insert { it[name] = "fay"; it[age] = 41 })

fun insertExpression(conn: Connection): Result =
    conn.execute(Orders.insert { it[item] = "pen"; it[quantity] = 2L; it[amount] = "3.50".toBigDecimal(); it[paid] = Orders.select(Orders.paid.min() ifNull BigDecimal.ZERO).asScalar() })

fun insertWithReturning(conn: Connection): String {
    val row = conn.execute(Users.insertReturning(Users.id, Users.name) { it[name] = "gus" }).one()
    return "${row[Users.id]} ${row[Users.name]}"
}

fun updateRows(conn: Connection): Long =
    conn.execute(Users.update({ Users.id eq 1L }) { it[name] = "bob"; it[age] = Users.age + 1 }).rowCount()

fun updateBuilderSets(conn: Connection): Long = conn.execute(
    Users.update({ Users.name eq "ann" }) {
        it[email] = "ann@example.org"     // SET email = ?
        it[age] = Users.age + 1           // SET age = age + 1
    },
).rowCount()

fun updateValue(conn: Connection): Long = conn.execute(Users.update({ Users.id eq 2L }) { it[email] = null }).rowCount()

fun updateExpression(conn: Connection): Long = conn.execute(Users.update({ Users.id eq 2L }) { it[age] = Users.age + 1 }).rowCount()

fun updateWithReturning(conn: Connection): Int? =
    conn.execute(Users.updateReturning(Users.age, where = { Users.id eq 1L }) { it[age] = Users.age + 1 }).one()[Users.age]

fun updateEveryRow(conn: Connection): Long = conn.execute(Users.updateAll { it[email] = null }).rowCount()

fun deleteRows(conn: Connection): Long = conn.execute(Users.deleteWhere { Users.age lt 18 }).rowCount()

fun deleteWithReturning(conn: Connection): List<String> =
    conn.execute(Posts.deleteReturning(Posts.title) { Posts.userId eq 2L }).all().map { it[Posts.title] }

fun deleteEveryRow(conn: Connection): Long {
    conn.execute(Posts.deleteAll())
    return conn.execute(Audit.deleteAll()).rowCount()
}

fun batchInsertRows(conn: Connection): Long {
    val people = listOf(Person("hal", 52), Person("ivy", null))
    val result = conn.batchInsert(Users, people) { row, p -> row[name] = p.name; row[age] = p.age }
    conn.commit()
    return result.rowCount()
}
