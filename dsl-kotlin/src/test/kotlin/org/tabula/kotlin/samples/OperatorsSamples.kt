package org.tabula.kotlin.samples

import org.tabula.engine.Connection
import org.tabula.expr.Condition
import org.tabula.kotlin.allOf
import org.tabula.kotlin.and
import org.tabula.kotlin.anyOf
import org.tabula.kotlin.between
import org.tabula.kotlin.concat
import org.tabula.kotlin.contains
import org.tabula.kotlin.endsWith
import org.tabula.kotlin.eq
import org.tabula.kotlin.ge
import org.tabula.kotlin.gt
import org.tabula.kotlin.ilike
import org.tabula.kotlin.inList
import org.tabula.kotlin.le
import org.tabula.kotlin.like
import org.tabula.kotlin.lt
import org.tabula.kotlin.ne
import org.tabula.kotlin.not
import org.tabula.kotlin.notBetween
import org.tabula.kotlin.notInList
import org.tabula.kotlin.notLike
import org.tabula.kotlin.or
import org.tabula.kotlin.rem
import org.tabula.kotlin.select
import org.tabula.kotlin.startsWith
import org.tabula.kotlin.where

// Samples of Operators.kt, shown by Dokka under each operator and run by SamplesSpec.

/** The names of the users matching [condition], for the samples below. */
private fun Connection.names(condition: Condition): List<String> =
    execute(Users.select(Users.name).where { condition }).scalars()

fun eqValue(conn: Connection): List<String> {
    val ann = conn.names(Users.name eq "ann")
    val noAge = conn.names(Users.age eq null)           // IS NULL
    return ann + noAge
}

fun eqExpression(conn: Connection): List<String> =
    conn.execute(Posts.select(Posts.title).join(Users, Posts.userId eq Users.id).where(Users.name eq "ann")).scalars()

fun neValue(conn: Connection): List<String> {
    val others = conn.names(Users.name ne "ann")
    val withAge = conn.names(Users.age ne null)         // IS NOT NULL
    return others + withAge
}

fun neExpression(conn: Connection): List<String> =
    conn.execute(Posts.select(Posts.title).join(Users, Posts.userId ne Users.id)).scalars()

fun gtValue(conn: Connection): List<String> = conn.names(Users.age gt 18)

fun gtExpression(conn: Connection): List<String> =
    conn.execute(Orders.select(Orders.item).where { Orders.paid gt Orders.amount }).scalars()

fun geValue(conn: Connection): List<String> = conn.names(Users.age ge 18)

fun geExpression(conn: Connection): List<String> =
    conn.execute(Orders.select(Orders.item).where { Orders.paid ge Orders.amount }).scalars()

fun ltValue(conn: Connection): List<String> = conn.names(Users.age lt 65)

fun ltExpression(conn: Connection): List<String> =
    conn.execute(Orders.select(Orders.item).where { Orders.paid lt Orders.amount }).scalars()

fun leValue(conn: Connection): List<String> = conn.names(Users.age le 65)

fun leExpression(conn: Connection): List<String> =
    conn.execute(Orders.select(Orders.item).where { Orders.paid le Orders.amount }).scalars()

fun betweenRange(conn: Connection): List<String> = conn.names(Users.age between 18..65)

fun notBetweenRange(conn: Connection): List<String> = conn.names(Users.age notBetween 18..30)

fun inListValues(conn: Connection): List<String> {
    val some = conn.names(Users.id inList listOf(1L, 2L))
    val inRange = conn.names(Users.age inList 30..40)
    return some + inRange
}

fun inListSubquery(conn: Connection): List<String> = conn.names(Users.id inList Posts.select(Posts.userId))

fun notInListValues(conn: Connection): List<String> = conn.names(Users.name notInList listOf("ann", "bob"))

fun notInListSubquery(conn: Connection): List<String> = conn.names(Users.id notInList Posts.select(Posts.userId))

fun likePattern(conn: Connection): List<String> = conn.names(Users.name like "a%")

fun notLikePattern(conn: Connection): List<String> = conn.names(Users.email notLike "%@example.com")

fun ilikePattern(conn: Connection): List<String> = conn.names(Users.name ilike "AN%")

fun containsText(conn: Connection): List<String> = conn.names(Users.email contains "@example")

fun startsWithPrefix(conn: Connection): List<String> = conn.names(Users.name startsWith "an")

fun endsWithSuffix(conn: Connection): List<String> = conn.names(Users.email endsWith "@example.com")

fun concatText(conn: Connection): List<String> = conn.execute(Users.select(Users.name concat "!")).scalars()

fun andConditions(conn: Connection): List<String> = conn.names((Users.age gt 18) and (Users.name like "a%"))

fun orConditions(conn: Connection): List<String> = conn.names((Users.age lt 18) or (Users.age eq null))

fun notCondition(conn: Connection): List<String> {
    val minors = conn.names(not(Users.age ge 18))
    val alsoMinors = conn.names(!(Users.age ge 18))
    return minors + alsoMinors
}

fun allOfConditions(conn: Connection): List<String> {
    val filters = listOfNotNull(Users.age gt 18, Users.name startsWith "a")
    return conn.names(allOf(*filters.toTypedArray()))
}

fun anyOfConditions(conn: Connection): List<String> = conn.names(anyOf(Users.name eq "ann", Users.name eq "bob"))

fun remainder(conn: Connection): List<String> = conn.names((Users.id % 2L) eq 0L)
