package org.tabula.docs.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.tabula.Sql.text
import org.tabula.error.DataException
import org.tabula.error.NoResultException
import org.tabula.error.TransactionRolledBackException
import org.tabula.error.UniqueViolationException
import org.tabula.kotlin.async
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.where

/** docs/errors.md, Kotlin. */
class ErrorsSpec : FunSpec({

    test("errors") {
        sampleEngine().use { engine ->
            engine.begin { conn -> conn.execute(text("CREATE UNIQUE INDEX ux_name ON user_account (name)")) }
            // tag::unique[]
            try {
                engine.begin { conn -> conn.execute(Users.insert { it[name] = "sandy" }) }
            } catch (e: UniqueViolationException) {          // the same class on every database
                println(e.sqlState() + " " + e.message)       // names table and columns
            }
            // end::unique[]
            engine.connect().use { conn ->
                // tag::refused[]
                val e = shouldThrow<DataException> {              // before the database sees it
                    conn.execute(Users.insert { it[name] = "x".repeat(31) })
                }
                e.message shouldContain "user_account.name"   // varchar(30)
                // end::refused[]
                // tag::no-result[]
                shouldThrow<NoResultException> {
                    conn.execute(Users.selectAll().where { Users.name eq "nobody" }).one()
                }
                // end::no-result[]
            }
            // tag::rolled-back[]
            val db = engine.async()
            shouldThrow<TransactionRolledBackException> {
                db.begin {
                    runCatching { execute(Users.insert { it[name] = "sandy" }) }   // swallowed: still doomed
                }
            }
            db.begin {
                runCatching { db.begin(nested = true) { execute(Users.insert { it[name] = "sandy" }) } }  // savepoint
                execute(Users.insert { it[name] = "gary" })   // the transaction goes on
            }
            // end::rolled-back[]
            db.execute(text("SELECT count(*) FROM user_account")).scalarOne<Number>().toInt() shouldBe 4
        }
    }
})
