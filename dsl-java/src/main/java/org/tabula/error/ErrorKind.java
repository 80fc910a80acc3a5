package org.tabula.error;

/** What a driver's {@code SQLException} means, as decided by the dialect that knows its codes. */
public enum ErrorKind {
    UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION, CHECK_VIOLATION, OTHER_INTEGRITY,
    DATA, CONNECTION, CANCELED, TRANSACTION_CONFLICT, READ_ONLY, OTHER
}
