package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.withTimeout
import org.tabula.engine.Engine
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.schema.MetaData
import org.tabula.schema.Table

/** README's "Kotlin in one screen", compiled and run (table renamed to the kt_ prefix). */
class ReadmeSpec : FunSpec({

    test("Kotlin in one screen") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            MetaData(ReadmeUsers).createAll(engine)
            val u = ReadmeUsers
            engine.connect().use { conn ->
                val id = conn.execute(u.insert { it[name] = "ann"; it[age] = 31 }).insertedPrimaryKey()[u.id]
                conn.batchInsert(u, listOf("bob", "cid")) { row, n -> row[name] = n }

                val adults: List<UserDto> = conn.execute(
                    u.select(u.id, u.name, u.age)
                        .where { ((u.age gt 18) or (u.name inList listOf("bob"))) and !(u.name contains "%") }
                        .orderBy(u.id to SortOrder.DESC)
                        .limit(10)
                ).mapTo<UserDto>()
                adults.map { it.name } shouldBe listOf("bob", "ann")
                val name: String = conn.execute(u.select(u.name).where { u.id eq id }).one()[u.name]
                name shouldBe "ann"

                conn.execute(u.update({ u.id eq id }) { it[age] = u.age + 1 })
                conn.execute(u.deleteWhere { u.age between 90..120 })
                conn.commit()
            }

            val db = engine.async()
            db.begin {
                execute(u.insert { it[name] = "dan" })
                savepoint { execute(u.deleteWhere { u.name eq "bob" }) }
            }
            withTimeout(2_000) {
                engine.suspendTransaction { execute(u.select(count())).scalarOne<Long>() }
            } shouldBe 3L
            db.begin(isolation = Isolation.REPEATABLE_READ, readOnly = true) { execute(u.select(count())).scalarOne<Long>() } shouldBe 3L
            db.begin(propagation = Propagation.REQUIRES_NEW) { execute(u.insert { it[name] = "eve" }) }
            db.stream(u.selectAll().orderBy(u.id to SortOrder.ASC), fetchSize = 500).map { it[u.name] }.toList() shouldBe
                listOf("ann", "cid", "dan", "eve")
            db.connect { execute(u.select(u.age).where { u.name eq "ann" }).scalarOne()!! } shouldBe 32
        }
    }
})

object ReadmeUsers : Table("kt_readme_users") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 50)
    val age = integer("age").nullable()
}
