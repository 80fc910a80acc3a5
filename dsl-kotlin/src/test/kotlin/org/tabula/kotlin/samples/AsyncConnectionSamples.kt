package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import org.tabula.Sql.text
import org.tabula.error.IntegrityException
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.count
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.where
import org.tabula.statement.Insert

// Samples of AsyncConnection.kt, shown by Dokka under each member and run by SamplesSpec.

suspend fun asyncConnectionTour(db: AsyncEngine): String = db.begin {
    val id = execute(Users.insert { it[name] = "ann" }).insertedPrimaryKey()[Users.id]
    execute(Users.select(Users.name).where { Users.id eq id }).one()[Users.name]
}

suspend fun asyncConnectionJdbc(db: AsyncEngine): Boolean = db.begin {
    call { connection.jdbc().autoCommit }                  // a Java API, on the connection's JDBC thread
}

suspend fun asyncConnectionEngine(db: AsyncEngine): Boolean = db.begin {
    engine.currentTransaction() == this
}

suspend fun asyncExecute(db: AsyncEngine): Int = db.begin {
    execute(Users.insert { it[name] = "ann" })
    execute(Users.selectAll()).all().size
}

suspend fun asyncExecuteTyped(db: AsyncEngine): Long = db.begin {
    val users: Long = execute(Users.select(count())).scalarOne()
    users
}

suspend fun asyncExecuteParameters(db: AsyncEngine): Int = db.begin {
    execute(text("SELECT name FROM users WHERE name = :name"), mapOf("name" to "ann")).all().size
}

suspend fun asyncExecuteMany(db: AsyncEngine): Long = db.begin {
    val rows = listOf(mapOf("name" to "kim", "age" to 20), mapOf("name" to "lou", "age" to null))
    executeMany(Insert.into(Users), rows).rowCount()
}

suspend fun asyncBatchInsert(db: AsyncEngine): Long = db.begin {
    val people = listOf(Person("kim", 20), Person("lou", null))
    batchInsert(Users, people) { row, p -> row[name] = p.name; row[age] = p.age }.rowCount()
}

suspend fun asyncStream(db: AsyncEngine) {
    db.connect {
        stream(Users.selectAll(), fetchSize = 500).collect { row -> println(row[Users.name]) }
    }
}

suspend fun asyncCommit(db: AsyncEngine) {
    db.connect {
        execute(Users.insert { it[name] = "kim" })
        commit()                                           // kept; the next statement starts a new transaction
    }
}

suspend fun asyncRollback(db: AsyncEngine) {
    db.connect {
        execute(Users.insert { it[name] = "kim" })
        rollback()                                         // gone
    }
}

suspend fun asyncSavepoint(db: AsyncEngine) {
    db.begin {
        try {
            savepoint { execute(Users.insert { it[id] = 1L; it[name] = "taken" }) }
        } catch (e: IntegrityException) {
            // only the savepoint is gone; the transaction goes on
        }
        execute(Users.insert { it[name] = "kim" })
    }
}

suspend fun asyncCall(db: AsyncEngine): String = db.begin {
    call { conn -> conn.jdbc().metaData.databaseProductName }
}
