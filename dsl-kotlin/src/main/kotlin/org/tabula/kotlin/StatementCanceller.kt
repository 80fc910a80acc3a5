package org.tabula.kotlin

import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicReference
import java.util.concurrent.locks.LockSupport
import kotlinx.coroutines.DisposableHandle
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.Job
import org.tabula.engine.Connection

/**
 * Cancels the statement running on [conn] when [job] is cancelled: JDBC Statement.cancel is
 * called from the cancelling thread (the blocking call cannot notice by itself), so the call
 * ends promptly where the driver supports it.
 *
 * The handler goes on [job] lazily, only once a statement has been seen running by [Watchdog]
 * (a look every [Watchdog.PERIOD_MILLIS] ms), and fires at once if [job] was already cancelled:
 * a statement ends at most that long after its caller's cancellation, while the usual block,
 * whose statements take microseconds, never touches the caller's `Job`. A handler on it costs
 * the block's thread a node added and removed, and the caller's thread a slower completion of
 * its `Job` (benchmarks/README.md, "Round 3: cost of the hand-off's features").
 */
internal class StatementCanceller(private val job: Job, private val conn: Connection) {
    /** Whether a running statement was cancelled. */
    @Volatile
    var fired = false
        private set

    @Volatile
    private var handle: DisposableHandle? = null

    @Volatile
    private var disposed = false

    init {
        Watchdog.watch(this)
    }

    /** Stops watching: the block is over. */
    fun dispose() {
        disposed = true
        handle?.dispose()
    }

    /** [Watchdog]'s look: false once disposed (forget it). */
    @OptIn(InternalCoroutinesApi::class)
    private fun look(): Boolean {
        if (disposed) {
            return false
        }
        if (handle == null && conn.isExecuting) {
            handle = job.invokeOnCompletion(onCancelling = true, invokeImmediately = true) { cause ->
                if (cause != null && !disposed && conn.isExecuting) {
                    fired = true
                    conn.cancel()
                }
            }
            // Disposed meanwhile: dispose() may have read no handle.
            if (disposed) {
                handle?.dispose()
                return false
            }
        }
        return true
    }

    /** The canceller pushed on [Watchdog]'s stack before this one (the stack is its own links: no node per block). */
    private var below: StatementCanceller? = null

    /**
     * One daemon thread for the process that looks at the live cancellers every
     * [PERIOD_MILLIS] ms while there are any, and parks when there have been none for a second.
     *
     * New cancellers are pushed on a lock-free stack (one CAS, no allocation); the watchdog takes
     * the whole stack each period and keeps, in a list only it touches, those whose block is still
     * running. Most blocks end within microseconds, before their first look, and are dropped then.
     */
    private object Watchdog : Runnable {
        const val PERIOD_MILLIS = 10L
        private const val IDLE_LOOKS = 100

        private val pushed = AtomicReference<StatementCanceller?>()
        private val watched = ArrayList<StatementCanceller>()

        @Volatile
        private var sleeping = true
        private var thread: Thread? = null

        fun watch(canceller: StatementCanceller) {
            while (true) {
                val top = pushed.get()
                canceller.below = top
                if (pushed.compareAndSet(top, canceller)) {
                    break
                }
            }
            if (sleeping) {
                wake()
            }
        }

        @Synchronized
        private fun wake() {
            if (!sleeping) {
                return
            }
            sleeping = false
            val current = thread
            if (current == null) {
                thread = Thread(this, "tabula-statement-canceller").apply {
                    isDaemon = true
                    start()
                }
            } else {
                LockSupport.unpark(current)
            }
        }

        private fun keeps(canceller: StatementCanceller): Boolean = try {
            canceller.look()
        } catch (e: RuntimeException) {
            false
        }

        override fun run() {
            var idle = 0
            while (true) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS))
                watched.removeIf { !keeps(it) }
                var next = pushed.getAndSet(null)
                while (next != null) {
                    val canceller = next
                    next = canceller.below
                    canceller.below = null
                    if (keeps(canceller)) {
                        watched.add(canceller)
                    }
                }
                idle = if (watched.isEmpty() && pushed.get() == null) idle + 1 else 0
                if (idle >= IDLE_LOOKS) {
                    sleeping = true
                    // watch() pushes, then reads sleeping: either it wakes us or we see its canceller.
                    while (sleeping && pushed.get() == null) {
                        LockSupport.park(this)
                    }
                    sleeping = false
                    idle = 0
                }
            }
        }
    }
}
