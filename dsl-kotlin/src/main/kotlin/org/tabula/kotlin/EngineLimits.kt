package org.tabula.kotlin

import com.zaxxer.hikari.HikariDataSource
import java.util.WeakHashMap
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.sync.Semaphore
import org.tabula.engine.Engine

/**
 * One engine's coroutine limits, shared by every AsyncEngine and suspendTransaction on it.
 *
 * Blocking JDBC runs on [dispatcher], at most one thread per pooled connection. A coroutine takes
 * a [permits] permit (suspending, not blocking) before it takes a connection, so a dispatcher
 * thread never waits on the pool while the coroutines holding connections wait for a thread.
 */
internal class EngineLimits private constructor(val maxConnections: Int) {
    val dispatcher: CoroutineDispatcher = Dispatchers.IO.limitedParallelism(maxConnections)
    val permits = Semaphore(maxConnections)

    companion object {
        // Weak keys: the limits hold no reference to the engine, so closed engines can go.
        private val byEngine = WeakHashMap<Engine, EngineLimits>()

        fun of(engine: Engine): EngineLimits = synchronized(byEngine) {
            byEngine.getOrPut(engine) { EngineLimits(maxConnections(engine)) }
        }

        private fun maxConnections(engine: Engine): Int {
            val pool = engine.dataSource() as? HikariDataSource
            val max = pool?.maximumPoolSize ?: (engine.options().poolSize() + engine.options().maxOverflow())
            return max.coerceAtLeast(1)
        }
    }
}
