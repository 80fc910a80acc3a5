package org.tabula.kotlin.samples

import org.tabula.engine.Connection
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.and
import org.tabula.kotlin.count
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.having
import org.tabula.kotlin.join
import org.tabula.kotlin.leftJoin
import org.tabula.kotlin.like
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.sorted
import org.tabula.kotlin.where
import org.tabula.result.Row
import org.tabula.statement.JoinType

// Samples of Queries.kt, shown by Dokka under each builder and run by SamplesSpec.

fun selectOneColumn(conn: Connection): List<Long> {
    val ids: List<Long> = conn.execute(Users.select(Users.id)).scalars()
    return ids
}

fun selectColumns(conn: Connection): List<Row> =
    conn.execute(
        Users.select(Users.id, Users.name)
            .where { (Users.age gt 18) and (Users.name like "a%") }
            .orderBy(Users.id to SortOrder.DESC)
            .limit(10),
    ).all()

fun selectColumnList(conn: Connection): List<Row> {
    val columns = if (System.getenv("SHOW_EMAIL") != null) listOf(Users.name, Users.email) else listOf(Users.name)
    return conn.execute(Users.select(columns)).all()
}

fun selectAllColumns(conn: Connection): List<UserDto> = conn.execute(Users.selectAll()).all().map {
    UserDto(it[Users.id], it[Users.name], it[Users.age])
}

fun selectExpression(conn: Connection): Long {
    val users: Long = conn.execute(select(count()).from(Users)).scalarOne()
    return users
}

fun selectExpressions(conn: Connection): Row = conn.execute(select(Users.name, Posts.title).where { Posts.userId eq Users.id }).all().first()

fun whereCondition(conn: Connection): List<Row> = conn.execute(Users.select().where { Users.name eq "ann" }).all()

fun whereTyped(conn: Connection): String {
    val name: String = conn.execute(Users.select(Users.name).where { Users.id eq 1L }).scalarOne()
    return name
}

fun havingCondition(conn: Connection): List<Row> =
    conn.execute(Posts.select(Posts.userId, count()).groupBy(Posts.userId).having { count() gt 1L }).all()

fun orderByPairs(conn: Connection): List<Row> =
    conn.execute(Users.select(Users.name, Users.age).orderBy(Users.age to SortOrder.DESC_NULLS_LAST, Users.name to SortOrder.ASC)).all()

fun orderByTyped(conn: Connection): List<String> {
    val names: List<String> = conn.execute(Users.select(Users.name).orderBy(Users.name to SortOrder.DESC)).scalars()
    return names
}

fun sortedItem(conn: Connection): List<String> {
    val order = if (System.getenv("NEWEST_FIRST") != null) SortOrder.DESC else SortOrder.ASC
    return conn.execute(Users.select(Users.name).orderBy(Users.id.sorted(order))).scalars()
}

fun joinOn(conn: Connection): List<Row> =
    conn.execute(Users.select(Users.name, Posts.title).join(Posts) { Posts.userId eq Users.id }).all()

fun leftJoinOn(conn: Connection): List<Row> =
    conn.execute(Users.select(Users.name, Posts.title).leftJoin(Posts) { Posts.userId eq Users.id }).all()

fun joinOfType(conn: Connection): List<Row> =
    conn.execute(Users.select(Users.name, Posts.title).join(Posts, JoinType.INNER) { Posts.userId eq Users.id }).all()
