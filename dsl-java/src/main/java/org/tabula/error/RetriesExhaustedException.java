package org.tabula.error;

/**
 * A transaction run with a {@code RetryPolicy} was aborted by the database on every attempt
 * (serialization failures, deadlocks, Galera conflicts, ...): nothing of it was committed. The
 * cause is the last attempt's failure; {@link #attempts()} says how many runs there were.
 *
 * <pre>{@code
 * try {
 *     engine.begin(TransactionOptions.retry(RetryPolicy.attempts(3)), conn -> transfer(conn));
 * } catch (RetriesExhaustedException e) {
 *     log.warn("gave up after {} attempts", e.attempts(), e.getCause());
 * }
 * }</pre>
 */
public class RetriesExhaustedException extends TabulaException {

    /** How many times the block ran. */
    private final int attempts;

    /**
     * An exception after {@code attempts} aborted attempts: {@code new RetriesExhaustedException(5, lastSerializationFailure)}.
     *
     * <pre>{@code
     * throw new RetriesExhaustedException(3, sqlException);
     * }</pre>
     *
     * @param attempts how many times the block ran
     * @param lastFailure the failure of the last attempt, kept as the cause
     */
    public RetriesExhaustedException(int attempts, Throwable lastFailure) {
        super("the transaction was aborted on each of its " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " and nothing of it was committed; the last failure: " + lastFailure.getMessage(), lastFailure);
        this.attempts = attempts;
    }

    /**
     * How many times the block ran, the first run included.
     *
     * <pre>{@code
     * try {
     *     engine.begin(TransactionOptions.retry(RetryPolicy.attempts(3)), conn -> transfer(conn));
     * } catch (RetriesExhaustedException e) {
     *     log.warn("gave up after {} attempts", e.attempts(), e.getCause());
     * }
     * }</pre>
     *
     * @return how many times the block ran: {@code e.attempts()} is the policy's {@code maxAttempts}
     */
    public int attempts() {
        return attempts;
    }
}
