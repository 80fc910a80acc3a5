package org.tabula.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The context whose writes a {@link Engine#replicated replicated engine} remembers, so that its
 * next reads go to the primary for {@link ReplicaOptions#readYourWritesWindow()} instead of a
 * replica that may not have the write yet. By default each thread is its own context; code whose
 * unit of work hops threads (an asynchronous request) makes one and runs each step in it. The
 * Kotlin layer keeps one per coroutine.
 *
 * <pre>{@code
 * ReadYourWrites request = ReadYourWrites.create();
 * request.run(() -> engine.transaction(conn -> conn.execute(insert(ORDERS).set(ORDERS.item, "book"))));
 * // later, perhaps on another thread: reads the primary, which has the order
 * long n = request.run(() -> { try (Connection c = engine.connect()) { return countOrders(c); } });
 * }</pre>
 */
public final class ReadYourWrites {

    private static final long NEVER = Long.MIN_VALUE;
    private static final ThreadLocal<ReadYourWrites> CURRENT = ThreadLocal.withInitial(ReadYourWrites::new);

    /** {@link System#nanoTime()} of the last write, or {@link #NEVER}. */
    private volatile long lastWrite = NEVER;

    private ReadYourWrites() {
    }

    /**
     * A new context that has written nothing.
     *
     * <pre>{@code
     * ReadYourWrites request = ReadYourWrites.create();
     * }</pre>
     *
     * @return the context: {@code ReadYourWrites ctx = ReadYourWrites.create()}
     */
    public static ReadYourWrites create() {
        return new ReadYourWrites();
    }

    /**
     * The calling thread's context: the one a {@link #run} on this thread installed, or the thread's own.
     *
     * <pre>{@code
     * ReadYourWrites mine = ReadYourWrites.current();   // this thread's, as the router sees it
     * }</pre>
     *
     * @return the context of this thread
     */
    public static ReadYourWrites current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} with this as the calling thread's context (the previous one is put back
     * after): connections a replicated engine opens inside record their writes here and read
     * the primary while this context wrote recently.
     *
     * <pre>{@code
     * long n = ReadYourWrites.create().run(() -> engine.transaction(c -> c.execute(select(count()).from(ORDERS)).scalarOne()));
     * }</pre>
     *
     * @param <T> what the work returns
     * @param work the work: {@code ctx.run(() -> service.handle(request))}
     * @return what the work returned
     */
    public <T> T run(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        ReadYourWrites previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /**
     * Records a write now: {@code ReadYourWrites.current().wrote()} after writing the primary by other means.
     *
     * <pre>{@code
     * ReadYourWrites.current().wrote();   // after a write Tabula did not see, e.g. through raw JDBC
     * }</pre>
     */
    public void wrote() {
        lastWrite = System.nanoTime();
    }

    /**
     * Whether this context wrote less than {@code window} ago: {@code ctx.wroteWithin(Duration.ofSeconds(1))}.
     *
     * <pre>{@code
     * boolean recent = ReadYourWrites.current().wroteWithin(Duration.ofSeconds(2));
     * }</pre>
     *
     * @param window the time since the last write: {@code ctx.wroteWithin(Duration.ofSeconds(1))}
     * @return {@code true} when this context wrote within it
     */
    public boolean wroteWithin(Duration window) {
        long last = lastWrite;
        return last != NEVER && System.nanoTime() - last < window.toNanos();
    }

    /**
     * Forgets the writes recorded so far: the next reads may go to a replica again.
     *
     * <pre>{@code
     * ReadYourWrites.current().forget();   // reads may go to replicas again
     * }</pre>
     */
    public void forget() {
        lastWrite = NEVER;
    }

    @Override
    public String toString() {
        long last = lastWrite;
        return last == NEVER ? "ReadYourWrites[no write]"
                : "ReadYourWrites[last write " + Duration.ofNanos(System.nanoTime() - last).toMillis() + " ms ago]";
    }
}
