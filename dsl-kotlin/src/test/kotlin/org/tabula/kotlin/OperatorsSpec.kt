package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.dialect.Dialect
import org.tabula.expr.Condition

/** Every infix operator renders the SQL of its Java counterpart. */
class OperatorsSpec : FunSpec({

    fun where(condition: Condition): Pair<String, List<Any?>> {
        val r = KtUsers.select(KtUsers.id).where(condition).toSql(Dialect.SQLITE)
        return r.sql().substringAfter(" WHERE ") to r.values()
    }

    val age = "\"kt_users\".\"age\""
    val name = "\"kt_users\".\"name\""
    val id = "\"kt_users\".\"id\""

    test("comparisons with values") {
        where(KtUsers.age eq 18) shouldBe ("$age = ?" to listOf(18))
        where(KtUsers.age ne 18) shouldBe ("$age <> ?" to listOf(18))
        where(KtUsers.age gt 18) shouldBe ("$age > ?" to listOf(18))
        where(KtUsers.age ge 18) shouldBe ("$age >= ?" to listOf(18))
        where(KtUsers.age lt 18) shouldBe ("$age < ?" to listOf(18))
        where(KtUsers.age le 18) shouldBe ("$age <= ?" to listOf(18))
        where(KtUsers.name eq "ann") shouldBe ("$name = ?" to listOf("ann"))
    }

    test("comparisons with other expressions, nullable on either side") {
        where(KtPosts.userId eq KtUsers.id).first shouldBe "\"kt_posts\".\"user_id\" = $id"
        where(KtUsers.age gt KtUsers.age).first shouldBe "$age > $age"
        where(KtUsers.id ge KtUsers.age.cast(org.tabula.type.SqlTypes.BIGINT)).first shouldBe
            KtUsers.select(KtUsers.id).where(KtUsers.id.ge(KtUsers.age.cast(org.tabula.type.SqlTypes.BIGINT)))
                .toSql(Dialect.SQLITE).sql().substringAfter(" WHERE ")
    }

    test("null tests") {
        where(KtUsers.age eq null) shouldBe ("$age IS NULL" to emptyList())
        where(KtUsers.age ne null) shouldBe ("$age IS NOT NULL" to emptyList())
        where(KtUsers.age.isNull()) shouldBe ("$age IS NULL" to emptyList())
        where(KtUsers.age.isNotNull()) shouldBe ("$age IS NOT NULL" to emptyList())
    }

    test("IN and NOT IN with lists, ranges and subqueries") {
        where(KtUsers.id inList listOf(1L, 2L)) shouldBe ("$id IN (?, ?)" to listOf(1L, 2L))
        where(KtUsers.age inList 1..3) shouldBe ("$age IN (?, ?, ?)" to listOf(1, 2, 3))
        where(KtUsers.id notInList setOf(5L)) shouldBe ("$id NOT IN (?)" to listOf(5L))
        where(KtUsers.id inList emptyList()).first shouldBe where(KtUsers.id.`in`(emptyList())).first
        where(KtUsers.id inList KtPosts.select(KtPosts.userId)).first shouldBe
            "$id IN (SELECT \"kt_posts\".\"user_id\" FROM \"kt_posts\")"
        where(KtUsers.id notInList KtPosts.select(KtPosts.userId)).first shouldBe
            "$id NOT IN (SELECT \"kt_posts\".\"user_id\" FROM \"kt_posts\")"
    }

    test("BETWEEN from Kotlin ranges") {
        where(KtUsers.age between 18..65) shouldBe ("$age BETWEEN ? AND ?" to listOf(18, 65))
        where(KtUsers.id between 1L..9L) shouldBe ("$id BETWEEN ? AND ?" to listOf(1L, 9L))
        where(KtUsers.age notBetween 1..2) shouldBe ("$age NOT BETWEEN ? AND ?" to listOf(1, 2))
        where(KtUsers.name between "a".."m") shouldBe ("$name BETWEEN ? AND ?" to listOf("a", "m"))
    }

    test("string matching") {
        where(KtUsers.name like "a%") shouldBe ("$name LIKE ?" to listOf("a%"))
        where(KtUsers.name notLike "a%") shouldBe ("$name NOT LIKE ?" to listOf("a%"))
        where(KtUsers.email ilike "A%") shouldBe where(KtUsers.email.ilike("A%"))
        where(KtUsers.name contains "50%") shouldBe where(KtUsers.name.contains("50%"))
        where(KtUsers.name startsWith "a_") shouldBe where(KtUsers.name.startsWith("a_"))
        where(KtUsers.email endsWith ".org") shouldBe where(KtUsers.email.endsWith(".org"))
        where(KtUsers.name contains "50%").second shouldBe listOf("%50/%%")
    }

    test("and, or, not") {
        where((KtUsers.age gt 18) and (KtUsers.name like "a%")) shouldBe
            ("$age > ? AND $name LIKE ?" to listOf(18, "a%"))
        where((KtUsers.age lt 18) or (KtUsers.age gt 65)) shouldBe ("$age < ? OR $age > ?" to listOf(18, 65))
        where(not(KtUsers.age eq 1)) shouldBe where(KtUsers.age.eq(1).not())
        where(!(KtUsers.age eq 1)) shouldBe where(KtUsers.age.eq(1).not())
        where(allOf(KtUsers.age gt 1, KtUsers.age lt 9)) shouldBe where(KtUsers.age.gt(1).and(KtUsers.age.lt(9)))
        where(anyOf(KtUsers.age gt 1, KtUsers.age lt 9)) shouldBe where(KtUsers.age.gt(1).or(KtUsers.age.lt(9)))
    }

    test("arithmetic with + - * / %") {
        where((KtUsers.age + 1) gt 18) shouldBe ("($age + ?) > ?" to listOf(1, 18))
        where((KtUsers.age - KtUsers.age) eq 0).first shouldBe where(KtUsers.age.minus(KtUsers.age).eq(0)).first
        where((KtUsers.age * 2) eq 4) shouldBe where(KtUsers.age.times(2).eq(4))
        where((KtUsers.age / 2) eq 4) shouldBe where(KtUsers.age.div(2).eq(4))
        where((KtUsers.age % 2) eq 1) shouldBe where(KtUsers.age.mod(2).eq(1))
    }
})
