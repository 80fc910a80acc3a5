package org.tabula.docs.kotlin

import org.tabula.engine.Engine
import org.tabula.kotlin.insert
import org.tabula.schema.MetaData
import org.tabula.schema.ReferentialAction
import org.tabula.schema.Table

// tag::tables[]
object Users : Table("user_account") {
    val id = bigint("id").primaryKey().autoIncrement()        // Column<Long>
    val name = varchar("name", 30)                            // Column<String>
    val fullname = varchar("fullname", 100).nullable()        // Column<String?>
}

object Addresses : Table("address") {
    val id = bigint("id").primaryKey().autoIncrement()
    val userId = bigint("user_id").references(Users.id, ReferentialAction.CASCADE)
    val email = varchar("email_address", 120)
}
// end::tables[]

/** The rows most samples start from: spongebob, sandy and patrick, with three addresses. */
fun sampleEngine(): Engine {
    val engine = Engine.create("jdbc:sqlite::memory:")
    MetaData(Users, Addresses).createAll(engine)
    engine.begin { conn ->
        conn.execute(Users.insert { it[name] = "spongebob"; it[fullname] = "Spongebob Squarepants" })
        conn.execute(Users.insert { it[name] = "sandy"; it[fullname] = "Sandy Cheeks" })
        conn.execute(Users.insert { it[name] = "patrick"; it[fullname] = "Patrick Star" })
        conn.execute(Addresses.insert { it[userId] = 1L; it[email] = "spongebob@sqlalchemy.org" })
        conn.execute(Addresses.insert { it[userId] = 2L; it[email] = "sandy@sqlalchemy.org" })
        conn.execute(Addresses.insert { it[userId] = 2L; it[email] = "sandy@squirrelpower.org" })
    }
    return engine
}
