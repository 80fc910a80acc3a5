package org.tabula.examples.kotlin

import kotlinx.coroutines.runBlocking
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.kotlin.SortOrder.ASC
import org.tabula.kotlin.and
import org.tabula.kotlin.batchInsert
import org.tabula.kotlin.contains
import org.tabula.kotlin.count
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.inList
import org.tabula.kotlin.insert
import org.tabula.kotlin.mapTo
import org.tabula.kotlin.or
import org.tabula.kotlin.orderBy
import org.tabula.kotlin.select
import org.tabula.kotlin.startsWith
import org.tabula.kotlin.suspendTransaction
import org.tabula.kotlin.update
import org.tabula.kotlin.where
import org.tabula.schema.MetaData
import org.tabula.schema.ReferentialAction
import org.tabula.schema.Table

/*
 * Tabula from Kotlin in one file, on an in-memory SQLite database: table objects, inserts, a
 * query with and/or/inList/contains, an update, a delete and a suspend transaction.
 *
 * Run it with: mvn -B -q -pl examples-kotlin -am compile exec:java
 */

object Users : Table("user_account") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 30)
    val fullname = varchar("fullname", 100).nullable()          // Column<String?>
}

object Addresses : Table("address") {
    val id = bigint("id").primaryKey().autoIncrement()
    val userId = bigint("user_id").references(Users.id, ReferentialAction.CASCADE)
    val email = varchar("email_address", 120)
}

data class UserRow(val name: String, val fullname: String?)

fun main() = runBlocking {
    Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().echo(false)).use { engine ->
        MetaData(Users, Addresses).createAll(engine)

        // A suspend transaction: commits at the end, rolls back (rethrowing) on an exception.
        engine.suspendTransaction {
            val spongebob = execute(Users.insert { it[name] = "spongebob"; it[fullname] = "Spongebob Squarepants" })
                .insertedPrimaryKey()[Users.id]
            val sandy = execute(Users.insert { it[name] = "sandy"; it[fullname] = "Sandy Cheeks" })
                .insertedPrimaryKey()[Users.id]
            execute(Users.insert { it[name] = "patrick"; it[fullname] = null })
            batchInsert(                                          // executemany
                Addresses,
                listOf(spongebob to "spongebob@sqlalchemy.org", sandy to "sandy@sqlalchemy.org", sandy to "sandy@squirrelpower.org"),
            ) { row, (user, address) ->
                row[userId] = user
                row[email] = address
            }
        }

        engine.connect().use { conn ->
            println("-- users named sandy or patrick, with an address containing 'sqlalchemy':")
            val query = Users.select(Users.name, Addresses.email)
                .join(Addresses)                                  // ON inferred from the foreign key
                .where { ((Users.name eq "sandy") or (Users.name eq "patrick")) and (Addresses.email contains "sqlalchemy") }
                .orderBy(Users.name to ASC)
            println(query.toSql(engine.dialect()).sql())
            for (row in conn.execute(query)) {
                println("  ${row[Users.name]} <${row[Addresses.email]}>")
            }

            conn.execute(Users.update({ Users.name eq "patrick" }) { it[fullname] = "Patrick Star" })
            conn.execute(Addresses.deleteWhere { email startsWith "sandy@squirrel" })
            conn.commit()

            println("-- users (mapped to data classes):")
            conn.execute(Users.select(Users.name, Users.fullname).where { Users.name inList listOf("patrick", "sandy") }
                .orderBy(Users.name to ASC)).mapTo<UserRow>().forEach { println("  $it") }
            println("-- addresses left: " + conn.execute(Addresses.select(count())).scalarOne())
        }
    }
}
