package org.tabula.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same work on a few threads at once, for tests that make transactions collide; each
 * thread gets its number (from 0). Bounded: a thread that hangs fails the test after 3 minutes.
 *
 * <pre>{@code
 * CyclicBarrier bothRead = new CyclicBarrier(2);
 * Concurrently.runAll(2, thread -> engine.begin(options, conn -> { read(conn); bothRead.await(); write(conn); }));
 * }</pre>
 */
public final class Concurrently {

    /** What one thread does. */
    @FunctionalInterface
    public interface ThreadWork {
        void run(int thread) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs {@code work} on {@code threads} threads and returns what they threw, in thread order. */
    public static List<Throwable> run(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    work.run(thread);
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(3, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code work} on {@code threads} threads; throws the first failure, with the others suppressed. */
    public static void runAll(int threads, ThreadWork work) throws Exception {
        List<Throwable> failures = run(threads, work);
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a thread failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
