package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.tabula.Sql

/** mapTo matches constructor parameters to columns by name and says which one is missing or NULL. */
class RowMapperSpec : FunSpec({

    data class Named(val userName: String, val age: Long?)
    data class NeedsAge(val name: String, val age: Int)
    data class Other(val nickname: String)

    val engine = AsyncEngine.create("jdbc:sqlite::memory:")
    afterSpec { engine.close() }

    test("snake_case labels match camelCase parameters, numbers are widened to the parameter type") {
        engine.connect {
            execute(Sql.text("SELECT 'ann' AS user_name, 31 AS age UNION ALL SELECT 'bob', NULL")).mapTo<Named>()
        } shouldBe listOf(Named("ann", 31L), Named("bob", null))
    }

    test("a parameter without a column is named in the error") {
        shouldThrow<IllegalArgumentException> {
            engine.connect { execute(Sql.text("SELECT 'ann' AS name")).mapTo<Other>() }
        }.message shouldContain "Other.nickname has no matching column"
    }

    test("NULL for a non-null parameter is named in the error") {
        shouldThrow<IllegalArgumentException> {
            engine.connect { execute(Sql.text("SELECT 'ann' AS name, NULL AS age")).mapTo<NeedsAge>() }
        }.message shouldContain "NeedsAge.age is not nullable"
    }

    test("one row into a class, or null when there is none") {
        engine.connect {
            execute(Sql.text("SELECT 'ann' AS user_name, 1 AS age")).one().into<Named>() shouldBe Named("ann", 1L)
            execute(Sql.text("SELECT 'ann' AS user_name, 1 AS age WHERE 1 = 0")).mapOneOrNull<Named>() shouldBe null
        }
    }
})
