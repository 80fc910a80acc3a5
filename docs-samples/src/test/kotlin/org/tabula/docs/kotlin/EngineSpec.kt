package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.time.Duration
import org.tabula.Sql.text
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.engine.Isolation
import org.tabula.engine.TransactionOptions

/** docs/tutorial/engine.md, Kotlin. */
class EngineSpec : FunSpec({

    test("create") {
        // tag::create[]
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            println(engine.dialect().name())                  // sqlite
        }
        // end::create[]
    }

    test("options") {
        // tag::options[]
        val options = EngineOptions.defaults()
            .echo(true)                                       // log SQL through SLF4J
            .poolSize(4)                                      // HikariCP pool (SQLite in memory: one)
            .queryTimeout(Duration.ofSeconds(30))
        Engine.create("jdbc:sqlite::memory:", options).use { engine ->
            engine.options().poolSize() shouldBe 4
        }
        // end::options[]
    }

    test("connections and transactions") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            // tag::commit-as-you-go[]
            engine.connect().use { conn ->
                conn.execute(text("CREATE TABLE some_table (x int, y int)"))
                conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)")
                    .bind("x", 1).bind("y", 1))
                conn.commit()                                 // closing without commit rolls back
            }
            // end::commit-as-you-go[]
            // tag::begin-once[]
            engine.begin { conn ->                            // commits at the end, rolls back on exception
                conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)")
                    .bind("x", 2).bind("y", 4))
            }
            val rows = engine.transaction { conn ->           // the same, returning a value
                conn.execute(text("SELECT count(*) FROM some_table")).scalarOne<Number>()
            }
            rows.toInt() shouldBe 2                           // text() columns come as the driver reads them
            // end::begin-once[]
            // tag::transaction-options[]
            val readOnly = TransactionOptions
                .isolation(Isolation.SERIALIZABLE).readOnly(true)
            engine.begin(readOnly) { conn ->
                conn.execute(text("SELECT x FROM some_table")).all().size shouldBe 2
            }
            // end::transaction-options[]
        }
    }
})
