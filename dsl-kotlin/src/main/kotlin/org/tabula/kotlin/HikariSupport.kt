package org.tabula.kotlin

import com.zaxxer.hikari.HikariDataSource
import java.time.Duration
import java.sql.Connection
import javax.sql.DataSource

/**
 * What the Kotlin layer asks of a HikariCP pool. HikariCP is optional (an engine may run over any
 * [DataSource]), and even `ds is HikariDataSource` loads its class, so the data source's class is
 * recognised by name first and [Calls], which names HikariCP's types, is only loaded for a pool.
 */
internal object HikariSupport {
    private const val POOL_CLASS = "com.zaxxer.hikari.HikariDataSource"

    /** The pool's connection limit, wait and name, or null when [ds] is not a HikariCP pool. */
    fun settings(ds: DataSource): PoolSettings? = if (isPool(ds)) Calls.settings(ds) else null

    /**
     * What the coroutine layer copies from the pool, so that its own waits end like the pool's.
     * [name] is null while a pool made with `HikariDataSource()` has not started (HikariCP names it then).
     */
    data class PoolSettings(val maximumPoolSize: Int, val connectionTimeout: Duration, val name: String?)

    /** Drops [jdbc] from [ds] for good; false (nothing done) when [ds] is not a HikariCP pool. */
    fun evict(ds: DataSource, jdbc: Connection): Boolean {
        if (!isPool(ds)) return false
        Calls.evict(ds, jdbc)
        return true
    }

    private fun isPool(ds: DataSource): Boolean =
        generateSequence<Class<*>>(ds.javaClass) { it.superclass }.any { it.name == POOL_CLASS }

    private object Calls {
        fun settings(ds: DataSource): PoolSettings = (ds as HikariDataSource).let {
            PoolSettings(it.maximumPoolSize, Duration.ofMillis(it.connectionTimeout), it.poolName)
        }
        fun evict(ds: DataSource, jdbc: Connection) = (ds as HikariDataSource).evictConnection(jdbc)
    }
}
