package org.tabula.kotlin

import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater
import kotlin.coroutines.Continuation
import kotlin.coroutines.ContinuationInterceptor
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.startCoroutineUninterceptedOrReturn
import kotlinx.coroutines.Job
import kotlinx.coroutines.ThreadContextElement

/**
 * One `begin`/`connect` block on its way to a JDBC thread and back ([EngineLimits.hop]): in one
 * object, the block's transaction element, the task handed to the JDBC executor, and the
 * continuation the block completes into, which resumes [caller].
 *
 * It does by hand what `createCoroutine` plus a `Runnable` did, for less work on the caller's
 * thread, which against an in-process database is what limits throughput (benchmarks/README.md,
 * "Round 3: cost of the hand-off's features"): the block's first step starts on the JDBC thread
 * without an intercepted continuation (no `DispatchedContinuation`, whose constructor folds the
 * whole context looking for thread context elements; one is made only if the block suspends),
 * the caller's context is searched for [ThreadContextElement]s without an interface type check
 * on its `Job` and dispatcher, and the caller is suspended without a `SafeContinuation`
 * (the [decision] below is the same race, decided once).
 */
internal class BlockHop<T>(
    private val caller: Continuation<T>,
    private val dispatcher: ContinuationInterceptor,
    private val body: suspend BlockHop<T>.() -> T,
) : TransactionElement(), Continuation<T>, Runnable {

    /**
     * The caller's context with the JDBC dispatcher and this block's transaction element, made by
     * [run] on the JDBC thread: the two `plus` fold the caller's context, work that on the caller's
     * thread (a single event loop serving every coroutine) held back all of them.
     */
    private var blockContext: CoroutineContext? = null

    override val context: CoroutineContext
        get() = blockContext ?: (caller.context + dispatcher + this).also { blockContext = it }

    @Volatile
    private var decision = HopRace.UNDECIDED
    private var outcome: Result<T>? = null

    /**
     * Hands the block to [executor], or with [here] (the caller is on one of its threads) runs its
     * first step on this thread; returns [COROUTINE_SUSPENDED] (the caller is resumed with the
     * block's outcome) or, when the block already ended, its value. A closed engine's refusal
     * throws [IllegalStateException] naming [owner], instead of cancelling the caller's `Job`.
     */
    fun start(executor: java.util.concurrent.Executor, owner: Any, here: Boolean): Any? {
        if (here) {
            run()
        } else {
            executor.handOff(this, owner, inline = false)
        }
        // Ended on the JDBC thread before the caller could suspend: its value, at once.
        return HopRace.suspendOrValue(this, DECISION) { outcome }
    }

    /**
     * The block's first step, on a JDBC thread, with the caller's thread context elements (MDC,
     * coroutine names) set; the block's context is made here, before anything can read it elsewhere.
     */
    override fun run() {
        val context = context
        withThreadContext(context, threadContextElements(caller.context)) { step() }
    }

    private fun step() {
        val value = try {
            body.startCoroutineUninterceptedOrReturn(this, this)
        } catch (t: Throwable) {
            resumeWith(Result.failure(t))
            return
        }
        if (value !== COROUTINE_SUSPENDED) {
            @Suppress("UNCHECKED_CAST")
            resumeWith(Result.success(value as T))
        }
    }

    /** The block ended (on a JDBC thread): the caller goes on, on its own dispatcher. */
    override fun resumeWith(result: Result<T>) {
        outcome = result
        HopRace.resume(this, DECISION, caller, result)
    }

    private companion object {
        val DECISION: AtomicIntegerFieldUpdater<BlockHop<*>> =
            AtomicIntegerFieldUpdater.newUpdater(BlockHop::class.java, "decision")
    }
}

/**
 * The thread context elements of [context], or null (the usual case: no allocation). The `Job`
 * and the dispatcher, always there and never such elements, are passed over by key: an interface
 * type check that fails costs a scan of the class's interfaces.
 */
@Suppress("UNCHECKED_CAST")
internal fun threadContextElements(context: CoroutineContext): List<ThreadContextElement<Any?>>? =
    context.fold(null as ArrayList<ThreadContextElement<Any?>>?) { found, e ->
        val key = e.key
        if (key === Job || key === ContinuationInterceptor || e !is ThreadContextElement<*>) {
            found
        } else {
            (found ?: ArrayList()).apply { add(e as ThreadContextElement<Any?>) }
        }
    }

/**
 * Hands [task] to this executor. When it refuses (a closed engine): with [inline] the task runs on
 * this thread (a release must still happen), else [IllegalStateException] naming [owner], instead
 * of cancelling the caller's `Job` as a dispatcher would.
 */
internal fun java.util.concurrent.Executor.handOff(task: Runnable, owner: Any, inline: Boolean) {
    try {
        execute(task)
    } catch (e: RejectedExecutionException) {
        if (!inline) {
            throw IllegalStateException("$owner is closed", e)
        }
        task.run()
    }
}

/**
 * Runs [run] with [elements] of [context] set on this thread, as a dispatcher does for a
 * coroutine's step; null [elements] (see [threadContextElements]): just runs it.
 */
internal inline fun withThreadContext(context: CoroutineContext, elements: List<ThreadContextElement<Any?>>?, run: () -> Unit) {
    if (elements == null) {
        run()
        return
    }
    val saved = arrayOfNulls<Any?>(elements.size)
    for (i in elements.indices) {
        saved[i] = elements[i].updateThreadContext(context)
    }
    try {
        run()
    } finally {
        for (i in elements.indices.reversed()) {
            elements[i].restoreThreadContext(context, saved[i])
        }
    }
}
