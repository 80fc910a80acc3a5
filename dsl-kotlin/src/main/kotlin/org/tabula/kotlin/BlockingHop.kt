package org.tabula.kotlin

import java.util.concurrent.Executor
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater
import kotlin.coroutines.Continuation
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlinx.coroutines.Job
import kotlinx.coroutines.ThreadContextElement
import kotlinx.coroutines.ensureActive

/**
 * Blocking [work] handed to a JDBC thread, and the caller resumed with its outcome
 * ([EngineLimits.run]): the task and the caller's suspension in one object, as in [BlockHop]
 * but with no coroutine for the work, which does not suspend.
 */
internal class BlockingHop<T>(
    private val caller: Continuation<T>,
    private val job: Job?,
    private val work: () -> T,
) : Runnable {

    private val threadContext: List<ThreadContextElement<Any?>>? = threadContextElements(caller.context)

    @Volatile
    private var decision = HopRace.UNDECIDED
    private var outcome: Result<T>? = null

    /**
     * Hands [work] to [executor]; returns [COROUTINE_SUSPENDED] or, when it already ended, its
     * value. When [executor] refuses (a closed engine): with [inline] the work runs on this
     * thread (a release must still happen), else [IllegalStateException] naming [owner].
     */
    fun start(executor: Executor, owner: Any, inline: Boolean): Any? {
        executor.handOff(this, owner, inline)
        return HopRace.suspendOrValue(this, DECISION) { outcome }
    }

    override fun run() = withThreadContext(caller.context, threadContext) { complete() }

    private fun complete() {
        val result = try {
            // Cancelled while waiting for the thread: do not start work nobody will see.
            job?.ensureActive()
            Result.success(work())
        } catch (t: Throwable) {
            Result.failure(t)
        }
        outcome = result
        HopRace.resume(this, DECISION, caller, result)
    }

    private companion object {
        val DECISION: AtomicIntegerFieldUpdater<BlockingHop<*>> =
            AtomicIntegerFieldUpdater.newUpdater(BlockingHop::class.java, "decision")
    }
}
