package org.tabula.kotlin.samples

import kotlin.coroutines.coroutineContext
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import org.tabula.Sql.text
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.ReadYourWritesElement
import org.tabula.kotlin.insert
import org.tabula.kotlin.primary
import org.tabula.kotlin.readYourWrites
import org.tabula.kotlin.replica
import org.tabula.kotlin.selectAll

// Samples of Replication.kt, run by SamplesSpec (on a plain engine, where they read the one database).

suspend fun readYourWritesContext(db: AsyncEngine) {
    readYourWrites {
        db.begin { execute(Orders.insert { it[item] = "book"; it[quantity] = 1L; it[amount] = "9.90".toBigDecimal(); it[paid] = "0".toBigDecimal() }) }
        coroutineScope { launch { db.connect { execute(Orders.selectAll()) } } }   // the primary: same context
    }
}

suspend fun readYourWritesKey(db: AsyncEngine): Boolean = readYourWrites {
    val element: ReadYourWritesElement? = coroutineContext[ReadYourWritesElement]
    db.connect { execute(Orders.selectAll()) }
    element != null
}

suspend fun primaryHint(db: AsyncEngine): Int = db.primary().connect { execute(Orders.selectAll()).all().size }

suspend fun replicaHint(db: AsyncEngine): Int = db.replica().connect { execute(text("SELECT 1 AS one")).all().size }
