package org.tabula.error;

/**
 * What a driver's {@code SQLException} means, as decided by the dialect that knows its codes:
 * {@code DatabaseException.of(dialect.classify(e), e, sql, null)} picks the exception class.
 */
public enum ErrorKind {
    /** A UNIQUE or PRIMARY KEY constraint: {@link UniqueViolationException}. */
    UNIQUE_VIOLATION,
    /** A FOREIGN KEY constraint: {@link ForeignKeyViolationException}. */
    FOREIGN_KEY_VIOLATION,
    /** NULL into a NOT NULL column: {@link NotNullViolationException}. */
    NOT_NULL_VIOLATION,
    /** A CHECK constraint: {@link CheckViolationException}. */
    CHECK_VIOLATION,
    /** Another constraint (an exclusion constraint, say): {@link IntegrityException}. */
    OTHER_INTEGRITY,
    /** A value that did not fit: {@link DataException}. */
    DATA,
    /** The connection failed or was refused: {@link OperationalException}. */
    CONNECTION,
    /** A timeout or a cancellation stopped the statement: {@link StatementCanceledException}. */
    CANCELED,
    /** A deadlock, serialization failure or lock wait timeout: {@link OperationalException}, worth a retry. */
    TRANSACTION_CONFLICT,
    /** A write in a read-only transaction: {@link ReadOnlyTransactionException}. */
    READ_ONLY,
    /** Anything else (syntax, unknown table): {@link DatabaseException}. */
    OTHER
}
