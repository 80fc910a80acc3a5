package org.tabula.kotlin

import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext

/** The connection of the transaction a coroutine runs in, so nested calls reuse it. */
internal class TransactionElement(val connection: AsyncConnection) : AbstractCoroutineContextElement(Key) {
    companion object Key : CoroutineContext.Key<TransactionElement>
}
