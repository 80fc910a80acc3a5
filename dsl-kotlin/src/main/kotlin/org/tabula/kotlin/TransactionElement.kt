package org.tabula.kotlin

import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext

/**
 * The connection of the transaction a coroutine runs in, so nested calls reuse it. It is part
 * of the same context switch that moves to the JDBC dispatcher (one `withContext`, not two), so
 * the connection is set once it has been taken from the pool, before any user code runs.
 * [BlockHop] is one, so that the one-hop hand-off allocates no element of its own.
 */
internal open class TransactionElement : AbstractCoroutineContextElement(Key) {
    private var current: AsyncConnection? = null

    /** The connection, or null before it has been taken. */
    val connection: AsyncConnection? get() = current

    fun attach(connection: AsyncConnection) {
        current = connection
    }

    companion object Key : CoroutineContext.Key<TransactionElement>
}
