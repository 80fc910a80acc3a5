package org.tabula.kotlin

import java.util.Collections
import java.util.WeakHashMap
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.withContext
import org.tabula.engine.Engine
import org.tabula.engine.ReadYourWrites

/**
 * The read-your-writes context of a coroutine and its children on a replicated engine
 * (`Engine.replicated`): after a write made in it, reads made in it go to the primary for the
 * engine's `readYourWritesWindow`. Without one, each coroutine is its own context. Install one
 * with [readYourWrites].
 *
 * @sample org.tabula.kotlin.samples.readYourWritesContext
 */
class ReadYourWritesElement(val context: ReadYourWrites) : AbstractCoroutineContextElement(Key) {
    /**
     * The key of this element in a coroutine context: `coroutineContext[ReadYourWritesElement]`.
     *
     * @sample org.tabula.kotlin.samples.readYourWritesKey
     */
    companion object Key : CoroutineContext.Key<ReadYourWritesElement>

    override fun toString(): String = "ReadYourWritesElement($context)"
}

/**
 * Runs [block] with one read-your-writes context for it and every coroutine it starts, so that a
 * write in any of them sends the others' reads to the primary for the window.
 *
 * @sample org.tabula.kotlin.samples.readYourWritesContext
 */
suspend fun <T> readYourWrites(block: suspend CoroutineScope.() -> T): T =
    withContext(ReadYourWritesElement(ReadYourWrites.create()), block)

/**
 * The hint "on the primary" (`Engine.primary()`): `db.primary().connect { ... }` reads what was
 * just written anywhere. On an engine that is not replicated, an engine over the same pool.
 *
 * @sample org.tabula.kotlin.samples.primaryHint
 */
fun AsyncEngine.primary(): AsyncEngine = if (engine.isReplicated) AsyncEngine(engine.primary()) else this

/**
 * The hint "on a replica" (`Engine.replica()`): a usable replica's engine, or the primary when
 * none is usable: `db.replica().connect { execute(text("SELECT report()")) }`.
 *
 * @sample org.tabula.kotlin.samples.replicaHint
 */
fun AsyncEngine.replica(): AsyncEngine = if (engine.isReplicated) AsyncEngine(engine.replica()) else this

/** Each coroutine's own context, for coroutines outside [readYourWrites]; weak, so a finished Job's goes with it. */
private val perJob: MutableMap<Job, ReadYourWrites> = Collections.synchronizedMap(WeakHashMap())

/** The context a replicated engine records writes in for the coroutine of [context]; null when not replicated. */
internal fun Engine.readYourWritesIn(context: CoroutineContext): ReadYourWrites? {
    if (!isReplicated) {
        return null
    }
    context[ReadYourWritesElement]?.let { return it.context }
    val job = context[Job] ?: return ReadYourWrites.current()
    return perJob.getOrPut(job) { ReadYourWrites.create() }
}
