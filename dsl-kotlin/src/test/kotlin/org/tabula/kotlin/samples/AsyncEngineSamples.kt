package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.withContext
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.RetryPolicy
import org.tabula.engine.TransactionOptions
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.async
import org.tabula.kotlin.count
import org.tabula.kotlin.deleteWhere
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.scalarOne
import org.tabula.kotlin.select
import org.tabula.kotlin.selectAll
import org.tabula.kotlin.suspendTransaction
import org.tabula.kotlin.update
import org.tabula.Sql.text
import org.tabula.schema.MetaData

// Samples of AsyncEngine.kt, shown by Dokka under each member and run by SamplesSpec.

suspend fun asyncEngineTour(engine: Engine) {
    val db = AsyncEngine(engine)                          // or AsyncEngine.create("jdbc:postgresql://localhost/app")
    val id = db.begin {                                   // commit at the end, rollback on exception
        execute(Users.insert { it[name] = "ann" }).insertedPrimaryKey()[Users.id]
    }
    db.connect {                                          // commit as you go
        execute(Users.update({ Users.id eq id }) { it[age] = 31 })
        commit()
    }
    db.stream(Users.selectAll(), fetchSize = 500).collect { row -> println(row[Users.name]) }
}

fun asyncEngineBlockingSide(db: AsyncEngine) {
    println(db.engine.dialect().name())
    MetaData(Users).createAll(db.engine)                  // DDL has no suspending form
}

suspend fun asyncEngineDispatcher(db: AsyncEngine): Int = withContext(db.dispatcher) {
    // blocking work on the engine's JDBC threads, next to the statements
    db.engine.connect().use { conn -> conn.execute(Users.select(count())).scalarOne<Long>().toInt() }
}

suspend fun beginWithOptions(db: AsyncEngine): Long {
    val orders = db.begin(isolation = Isolation.REPEATABLE_READ, readOnly = true) {
        execute(Orders.select(count())).scalarOne<Long>()
    }
    db.begin {
        db.begin(propagation = Propagation.REQUIRES_NEW) { execute(Audit.insert { it[event] = "order" }) }   // kept even if the order rolls back
        execute(Orders.insert { it[item] = "book"; it[quantity] = 1L; it[amount] = "9.90".toBigDecimal(); it[paid] = "0".toBigDecimal() })
    }
    db.begin(retry = RetryPolicy.defaults()) { execute(Users.update({ Users.id eq 1L }) { it[age] = Users.age + 1 }) }
    return orders
}

suspend fun beginWithOptionsValue(db: AsyncEngine): Long =
    db.begin(TransactionOptions.readOnlyTransaction()) { execute(Users.select(count())).scalarOne<Long>() }

suspend fun currentTransactionOf(db: AsyncEngine): Boolean {
    suspend fun inTransaction() = db.currentTransaction() != null
    val outside = inTransaction()                         // false
    val inside = db.begin { inTransaction() }             // true: the connection of this begin block
    return !outside && inside
}

suspend fun connectAsYouGo(db: AsyncEngine) {
    db.connect {
        execute(Users.insert { it[name] = "kim" })
        commit()                                          // kept
        execute(Users.insert { it[name] = "lou" })        // rolled back at the end: not committed
    }
}

suspend fun engineExecute(db: AsyncEngine): Long {
    db.execute(Users.insert { it[name] = "max" })          // its own transaction, committed
    return db.execute(Users.selectAll()).all().size.toLong()
}

suspend fun engineExecuteTyped(db: AsyncEngine): Long {
    val users: Long = db.execute(Users.select(count())).scalarOne()
    return users
}

suspend fun engineStream(db: AsyncEngine) {
    db.stream(Users.selectAll(), fetchSize = 500).collect { row -> println(row[Users.name]) }
}

suspend fun disposeEngine() {
    val db = AsyncEngine.create("jdbc:sqlite::memory:")
    db.begin { execute(text("SELECT 1")) }
    db.dispose()                                          // closes the pool and stops the JDBC threads
}

suspend fun createEngine(): Int = AsyncEngine.create("jdbc:sqlite::memory:", EngineOptions.defaults().poolSize(1)).use { db ->
    db.begin { execute(text("SELECT 1 AS one")).all().size }
}

suspend fun engineAsync(engine: Engine): Long = engine.async().begin { execute(Users.select(count())).scalarOne<Long>() }

suspend fun engineSuspendTransaction(engine: Engine) {
    engine.suspendTransaction {
        execute(Users.insert { it[name] = "ann" })
        engine.suspendTransaction(nested = true) { execute(Posts.deleteWhere { Posts.userId eq 2L }) }   // savepoint
    }
    engine.suspendTransaction(isolation = Isolation.SERIALIZABLE) { execute(Users.select(count())).scalarOne<Long>() }
}

suspend fun engineSuspendTransactionOptions(engine: Engine): Long =
    engine.suspendTransaction(TransactionOptions.readOnlyTransaction()) { execute(Users.select(count())).scalarOne<Long>() }
