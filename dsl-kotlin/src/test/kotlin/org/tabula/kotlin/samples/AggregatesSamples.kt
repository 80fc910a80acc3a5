package org.tabula.kotlin.samples

import java.math.BigDecimal
import org.tabula.engine.Connection
import org.tabula.kotlin.avg
import org.tabula.kotlin.count
import org.tabula.kotlin.countDistinct
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.having
import org.tabula.kotlin.ifNull
import org.tabula.kotlin.lowercase
import org.tabula.kotlin.max
import org.tabula.kotlin.min
import org.tabula.kotlin.select
import org.tabula.kotlin.sum
import org.tabula.kotlin.uppercase
import org.tabula.kotlin.where

// Samples of Aggregates.kt, shown by Dokka under each function and run by SamplesSpec.

fun countRows(conn: Connection): Long {
    val users: Long = conn.execute(Users.select(count())).scalarOne()
    return users
}

fun countColumn(conn: Connection): Long {
    // NULL ages are not counted
    val withAge: Long = conn.execute(Users.select(Users.age.count())).scalarOne()
    return withAge
}

fun countDistinctColumn(conn: Connection): Long {
    val authors: Long = conn.execute(Posts.select(Posts.userId.countDistinct())).scalarOne()
    return authors
}

fun sumInt(conn: Connection): Long? {
    val totalAge: Long? = conn.execute(Users.select(Users.age.sum())).scalarOne()
    return totalAge
}

fun sumLong(conn: Connection): Long? {
    val units: Long? = conn.execute(Orders.select(Orders.quantity.sum())).scalarOne()
    return units
}

fun sumDouble(conn: Connection): Double? {
    val score: Double? = conn.execute(Posts.select(Posts.score.sum()).where { Posts.userId eq 1L }).scalarOne()
    return score
}

fun sumDecimal(conn: Connection): BigDecimal? {
    val revenue: BigDecimal? = conn.execute(Orders.select(Orders.amount.sum())).scalarOne()
    return revenue
}

fun averageAge(conn: Connection): Double? {
    val average: Double? = conn.execute(Users.select(Users.age.avg())).scalarOne()
    return average
}

fun minAge(conn: Connection): Int? {
    val youngest: Int? = conn.execute(Users.select(Users.age.min())).scalarOne()
    return youngest
}

fun maxAge(conn: Connection): Int? {
    val oldest: Int? = conn.execute(Users.select(Users.age.max())).scalarOne()
    return oldest
}

fun coalesce(conn: Connection): List<Int> {
    val ages: List<Int> = conn.execute(Users.select(Users.age ifNull 0)).scalars()
    return ages
}

fun lowercaseMatch(conn: Connection): List<String> =
    conn.execute(Users.select(Users.name).where { Users.name.lowercase() eq "ann" }).scalars()

fun uppercaseNames(conn: Connection): List<String> = conn.execute(Users.select(Users.name.uppercase())).scalars()

fun groupAndHaving(conn: Connection): List<Long> =
    conn.execute(Posts.select(Posts.userId).groupBy(Posts.userId).having { count() gt 1L }).scalars()
