package org.tabula.kotlin

import kotlinx.coroutines.DisposableHandle
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.Job
import org.tabula.engine.Connection

/**
 * Cancels the statement running on [conn] when [job] is cancelled: JDBC Statement.cancel is
 * called from the cancelling thread (the blocking call cannot notice by itself), so the call
 * ends promptly where the driver supports it.
 */
internal class StatementCanceller(job: Job, private val conn: Connection) {
    /** Whether a running statement was cancelled. */
    @Volatile
    var fired = false
        private set

    @OptIn(InternalCoroutinesApi::class)
    private val handle: DisposableHandle = job.invokeOnCompletion(onCancelling = true, invokeImmediately = true) { cause ->
        if (cause != null && conn.isExecuting) {
            fired = true
            conn.cancel()
        }
    }

    fun dispose() {
        handle.dispose()
    }
}
