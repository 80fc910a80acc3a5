package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.reflect.typeOf
import org.tabula.Sql
import org.tabula.engine.Engine
import org.tabula.kotlin.orm.KtoUser
import org.tabula.orm.Mapper
import org.tabula.orm.SessionFactory
import org.tabula.schema.MetaData

/*
 * dsl-java is @NullMarked (JSpecify) and the Kotlin compiler reads it strictly
 * (-Xjspecify-annotations=strict), so what may be null is `T?` in Kotlin and everything else is
 * `T`, never a platform type `T!`. staticType() captures the static type the compiler inferred
 * for an expression: a platform type would print as `Row!`, not `Row?` or `Row`. Ignoring a
 * nullable result therefore does not compile, e.g.
 *
 *     val row: Row = conn.execute(q).oneOrNull()           // Row? is not Row
 *     session.get(KtoUser::class.java, 1L).name            // only ?. or !! on a KtoUser?
 *     val n: Long = conn.execute(KtUsers.select(KtUsers.age)).scalarOne()  // Int? is not Long
 */
class NullnessSpec : FunSpec({

    test("results: nullable where the API says so, non-null elsewhere, typed scalars") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            MetaData(KtUsers).createAll(engine)
            engine.connect().use { conn ->
                conn.execute(KtUsers.insert { it[name] = "ann" })
                staticType(conn.execute(KtUsers.selectAll()).oneOrNull()) shouldBe "org.tabula.result.Row?"
                staticType(conn.execute(KtUsers.selectAll()).first()) shouldBe "org.tabula.result.Row?"
                staticType(conn.execute(KtUsers.selectAll()).one()) shouldBe "org.tabula.result.Row"
                staticType(conn.execute(KtUsers.selectAll()).all()) shouldBe "kotlin.collections.(Mutable)List<org.tabula.result.Row>"
                staticType(conn.execute(KtUsers.selectAll()).columns()) shouldBe "org.tabula.result.ResultColumns?"
                staticType(conn.execute(KtUsers.select(KtUsers.id)).scalarOne()) shouldBe "kotlin.Long"
                staticType(conn.execute(KtUsers.select(KtUsers.age)).scalarOne()) shouldBe "kotlin.Int?"
                staticType(conn.execute(KtUsers.select(KtUsers.name)).scalarOneOrNull()) shouldBe "kotlin.String?"
                staticType(conn.execute(Sql.text("SELECT count(*) FROM kt_users")).scalarOne(Long::class.javaObjectType)) shouldBe "kotlin.Long"
                staticType(conn.execute(Sql.text("SELECT name FROM kt_users")).scalarOneOrNull(String::class.java)) shouldBe "kotlin.String?"
                val row = conn.execute(KtUsers.selectAll()).one()
                staticType(row[KtUsers.age]) shouldBe "kotlin.Int?"
                staticType(row[KtUsers.name]) shouldBe "kotlin.String"
                staticType(engine.dialect().connectionInitSql()) shouldBe "kotlin.String?"
                staticType(engine.dialect().name()) shouldBe "kotlin.String"
            }
        }
    }

    test("the ORM: get, first and oneOrNull are nullable entities") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            Mapper.metaData(KtoUser::class.java).createAll(engine)
            SessionFactory.of(engine).openSession().use { session ->
                session.add(KtoUser("ann"))
                session.flush()
                staticType(session.get(KtoUser::class.java, 1L)) shouldBe "org.tabula.kotlin.orm.KtoUser?"
                staticType(session.select(KtoUser::class.java).first()) shouldBe "org.tabula.kotlin.orm.KtoUser?"
                staticType(session.select(KtoUser::class.java).oneOrNull()) shouldBe "org.tabula.kotlin.orm.KtoUser?"
                staticType(session.select(KtoUser::class.java).all()) shouldBe
                    "kotlin.collections.(Mutable)List<org.tabula.kotlin.orm.KtoUser>"
                session.get(KtoUser::class.java, 1L)?.name shouldBe "ann"
            }
        }
    }
})

/** The static type the compiler inferred for [value], as Kotlin prints it (`T!` for a platform type). */
private inline fun <reified T> staticType(@Suppress("UNUSED_PARAMETER") value: T): String = typeOf<T>().toString()
