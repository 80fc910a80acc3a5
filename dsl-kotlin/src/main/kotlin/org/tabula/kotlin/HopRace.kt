package org.tabula.kotlin

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater
import kotlin.coroutines.Continuation
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.intercepted

/**
 * The race between a caller suspending after a hand-off ([BlockHop], [BlockingHop]) and the JDBC
 * thread ending the work: whichever comes second decides. The caller that comes second returns
 * the outcome at once, with no suspension; the JDBC thread that comes second resumes the caller.
 * Each hop keeps the state in a volatile int field of its own (no object per hand-off), which
 * [decision] updates.
 */
internal object HopRace {
    const val UNDECIDED = 0
    const val SUSPENDED = 1
    const val RESUMED = 2

    /**
     * On the caller's thread, after the hand-off: [COROUTINE_SUSPENDED], or the value the JDBC
     * thread already left, which [outcome] reads only once the race is lost (before, it may not be set).
     */
    inline fun <H, T> suspendOrValue(hop: H, decision: AtomicIntegerFieldUpdater<H>, outcome: () -> Result<T>?): Any? =
        if (decision.compareAndSet(hop, UNDECIDED, SUSPENDED)) COROUTINE_SUSPENDED else outcome()!!.getOrThrow()

    /** On the JDBC thread, [result] already left where [suspendOrValue] reads it: resumes [caller] if it suspended. */
    fun <H, T> resume(hop: H, decision: AtomicIntegerFieldUpdater<H>, caller: Continuation<T>, result: Result<T>) {
        if (!decision.compareAndSet(hop, UNDECIDED, RESUMED)) {
            caller.intercepted().resumeWith(result)
        }
    }
}
