package org.tabula.engine;

/**
 * What {@link Connection#begin(TransactionOptions)} set on a connection, and what was there before
 * (a JDBC isolation constant, {@code TRANSACTION_NONE} or {@code null} where it changed nothing),
 * so that the pool gets the connection back as it lent it.
 */
record TransactionCharacteristics(int previousIsolation, Boolean previousReadOnly, Isolation isolation,
                                  Boolean readOnly) {
}
