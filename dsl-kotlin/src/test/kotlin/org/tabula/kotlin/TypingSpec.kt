package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.reflect.KType
import kotlin.reflect.typeOf
import org.tabula.expr.Expression
import org.tabula.schema.Column

/*
 * Nullness and value types are part of the column type. These lines must NOT compile (kept as a
 * list because a unit test cannot assert non-compilation; the signatures make them impossible):
 *
 *     KtUsers.name eq 3                     // Int is not String
 *     KtUsers.age gt "x"                    // String is not Int
 *     KtUsers.age gt null                   // gt needs a value (T & Any)
 *     KtUsers.name eq null                  // name is NOT NULL: eq(String) rejects null
 *     KtUsers.id inList listOf("a")         // List<String> is not Iterable<Long>
 *     KtUsers.age like "a%"                 // LIKE is for string expressions
 *     KtUsers.insert { it[name] = null }    // NOT NULL column
 *     KtUsers.insert { it[age] = "x" }      // wrong type
 *     val n: String = row[KtUsers.email]    // email is nullable: String?
 *     val c: Column<Int> = KtUsers.age      // the column is Column<Int?>
 */
class TypingSpec : FunSpec({

    test("factory columns are non-null, nullable() columns are T?, and neither is a platform type") {
        typeArgument(KtUsers.id).toString() shouldBe "kotlin.Long"
        typeArgument(KtUsers.name).toString() shouldBe "kotlin.String"
        typeArgument(KtUsers.age).toString() shouldBe "kotlin.Int?"
        typeArgument(KtPosts.score).toString() shouldBe "kotlin.Double?"
        typeArgument(KtPosts.userId).toString() shouldBe "kotlin.Long"

        val age: Column<Int?> = KtUsers.age
        val name: Column<String> = KtUsers.name
        age.isNullable shouldBe true
        name.isNullable shouldBe false
    }

    test("derived expressions keep the value type") {
        typeArgument(KtUsers.age + 1).toString() shouldBe "kotlin.Int?"
        typeArgument(KtUsers.age.sum()).toString() shouldBe "kotlin.Long?"
        typeArgument(KtPosts.score.avg()).toString() shouldBe "kotlin.Double?"
        typeArgument(count()).toString() shouldBe "kotlin.Long"
        typeArgument(KtUsers.name.max()).toString() shouldBe "kotlin.String?"
        typeArgument(KtUsers.age ifNull 0).toString() shouldBe "kotlin.Int"
    }
})

private inline fun <reified T> typeArgument(@Suppress("UNUSED_PARAMETER") e: Expression<T>): KType = typeOf<T>()
