package org.tabula.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import org.tabula.dialect.Dialect;
import org.tabula.error.TabulaException;
import org.tabula.error.TransactionAbortedException;
import org.tabula.error.TransactionRolledBackException;
import org.tabula.error.TransactionStateException;

/**
 * The transaction open on one connection: whether a statement ran in it, the failure that dooms
 * it (recorded where statements fail, so every dialect behaves as PostgreSQL does by itself), its
 * open savepoints (each with its own failure), and the isolation/read-only it was begun with, put
 * back when it ends. {@link Connection} closes open cursors before it asks this to end the
 * transaction.
 *
 * <p>A connection that idles in auto-commit ({@link EngineOptions#autoCommitReads}) runs pure
 * reads in auto-commit; the first statement that may write, a savepoint or an explicit begin
 * leaves auto-commit, and commit or rollback (or the release) turns it back on. Nothing runs in
 * auto-commit that the user would have to commit.
 */
final class TransactionState {

    private final Engine engine;
    private final Dialect dialect;
    private final java.sql.Connection jdbc;
    private final ErrorTranslator errors;
    private final ConnectionEvents events;
    private boolean dirty;
    private int savepoints;
    /** Why this transaction can only roll back: a failed statement, a failed participant, or setRollbackOnly. */
    private Throwable rollbackCause;
    /** Whether a statement failed outside any savepoint: further statements are refused until rollback. */
    private boolean aborted;
    /** Savepoints set and not yet released or rolled back, innermost last. */
    private final ArrayList<Savepoint> openSavepoints = new ArrayList<>(0);
    /** What this transaction's options changed, to restore when it ends; null when nothing was changed. */
    private TransactionCharacteristics changed;
    /**
     * The outside transaction (Spring's) this connection works in, or null when Tabula owns it.
     * Its owner ends it: commit is left to it, rollback and failures mark it rollback-only.
     */
    private final ExternalTransaction external;
    /** Whether the JDBC connection is in auto-commit mode now: each statement is its own transaction. */
    private boolean autoCommit;
    /** Whether the connection was lent in auto-commit mode, which ending a transaction puts back. */
    private final boolean idlesInAutoCommit;

    TransactionState(Engine engine, java.sql.Connection jdbc, ErrorTranslator errors, ConnectionEvents events,
            ExternalTransaction external, boolean autoCommit) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.jdbc = jdbc;
        this.errors = errors;
        this.events = events;
        this.external = external;
        this.dirty = external != null; // its owner may have run statements already
        this.autoCommit = external == null && autoCommit; // an owner's connection is never switched
        this.idlesInAutoCommit = this.autoCommit;
        events.autoCommit(this.autoCommit);
    }

    /** Whether statements run in auto-commit mode now. */
    boolean isAutoCommit() {
        return autoCommit;
    }

    /**
     * Before {@code rendered} runs: leaves auto-commit unless it is a pure read, so that whatever
     * it may write waits for the user's commit.
     */
    void beforeStatement(org.tabula.dialect.RenderedSql rendered) {
        if (autoCommit && !rendered.pureRead()) {
            leaveAutoCommit();
        }
    }

    /** Leaves auto-commit: what follows runs in a transaction that commit, rollback or close ends. */
    void leaveAutoCommit() {
        if (!autoCommit) {
            return;
        }
        try {
            jdbc.setAutoCommit(false);
        } catch (SQLException e) {
            throw errors.translate(e, "SET autocommit = 0", null);
        }
        autoCommit = false;
        events.autoCommit(false);
    }

    /** Back to auto-commit after a transaction; from an open one this commits it. */
    private void enterAutoCommit() throws SQLException {
        jdbc.setAutoCommit(true);
        autoCommit = true;
        events.autoCommit(true);
    }

    /** Whether a statement ran since the last commit or rollback. */
    boolean isDirty() {
        return dirty;
    }

    /** A statement ran (or was sent): the transaction is in progress, unless it ran in auto-commit. */
    void started() {
        if (!autoCommit) {
            dirty = true;
        }
    }

    /** An explicit transaction: it leaves auto-commit, and {@code options} shape it. */
    void begin(TransactionOptions options) {
        if (external == null) {
            leaveAutoCommit();
        }
        Isolation isolation = options.isolation();
        Boolean readOnly = options.readOnly();
        if (isolation == null && readOnly == null) {
            return;
        }
        if (external != null) {
            checkJoinable(options); // the owner set its transaction's characteristics
            return;
        }
        if (dirty) {
            throw new TransactionStateException("cannot set " + options + " on a transaction that has already run"
                    + " statements; commit or roll back first");
        }
        try {
            if (changed == null) {
                changed = new TransactionCharacteristics(
                        isolation != null ? jdbc.getTransactionIsolation() : java.sql.Connection.TRANSACTION_NONE,
                        readOnly != null ? dialect.isReadOnly(jdbc) : null, isolation, readOnly);
            }
            dialect.setTransactionCharacteristics(jdbc,
                    isolation != null ? isolation.jdbcLevel() : java.sql.Connection.TRANSACTION_NONE, readOnly);
        } catch (SQLException e) {
            throw errors.translate(e, "SET TRANSACTION " + options, null);
        }
    }

    void commit() {
        Throwable cause = pendingFailure();
        if (cause != null) {
            String why = describe(cause);
            rollback(cause);
            throw new TransactionRolledBackException("the transaction was rolled back, not committed: " + why
                    + ". Run statements that may fail in a savepoint (conn.nested(...)) to go on after their failure",
                    cause);
        }
        if (external != null) {
            return; // the transaction's owner commits it
        }
        if (autoCommit) {
            ended(); // every statement committed itself
            return;
        }
        try {
            if (idlesInAutoCommit) {
                enterAutoCommit(); // turning auto-commit back on commits: one round trip for both
            } else {
                jdbc.commit();
            }
        } catch (SQLException e) {
            throw events.commitFailed(errors.translate(e, "COMMIT", null));
        }
        events.committed();
        ended();
    }

    /** Rolls back, because of {@code cause} if not null (listeners are told it). */
    void rollback(Throwable cause) {
        try {
            rollbackOrMark();
            events.rolledBack(cause);
        } catch (SQLException e) {
            throw errors.translate(e, "ROLLBACK", null);
        } finally {
            ended();
        }
    }

    /** Rolls back after {@code t} ended the work, adding any further failure to it. */
    void rollbackAfter(Throwable t) {
        try {
            rollbackOrMark();
            events.rolledBack(t);
        } catch (SQLException | RuntimeException e) {
            t.addSuppressed(e);
        }
        try {
            ended();
        } catch (RuntimeException e) {
            t.addSuppressed(e);
        }
    }

    /** On close: uncommitted work is rolled back and the options put back, before the pool gets the connection. */
    void abandon() throws SQLException {
        if (external != null) {
            if (pendingFailure() != null) {
                external.setRollbackOnly(); // a failure here dooms the owner's transaction, as it would a joined Tabula one
            }
            return;
        }
        // Going back to auto-commit would commit what runs now: roll it back even when nothing seemed to run.
        if ((dirty || !autoCommit && idlesInAutoCommit) && !jdbc.isClosed()) {
            jdbc.rollback();
            if (dirty) {
                events.rolledBack(null);
            }
        }
        if (changed != null) {
            restoreCharacteristics();
        }
        if (idlesInAutoCommit && !autoCommit && !jdbc.isClosed()) {
            enterAutoCommit();
        }
    }

    void setRollbackOnly(Throwable cause) {
        if (rollbackCause == null) {
            rollbackCause = cause != null ? cause : new TabulaException("marked rollback-only");
        }
        if (external != null) {
            external.setRollbackOnly();
        }
    }

    /** A rollback, or in an outside transaction a mark that its owner must roll it back. */
    private void rollbackOrMark() throws SQLException {
        if (external != null) {
            external.setRollbackOnly();
        } else if (!autoCommit) {
            jdbc.rollback();
            if (idlesInAutoCommit) {
                enterAutoCommit();
            }
        }
    }

    /** {@link Connection#checkJoinable}: a joining block must ask for what this transaction runs with. */
    void checkJoinable(TransactionOptions options) {
        if (options.isolation() != null && isolation() != null && options.isolation() != isolation()) {
            throw new TransactionStateException("cannot join a " + isolation() + " transaction with " + options
                    + "; use Propagation.REQUIRES_NEW for a transaction of its own");
        }
        if (options.readOnly() != null && options.readOnly() != isReadOnly()) {
            throw new TransactionStateException("cannot join a " + (isReadOnly() ? "read-only" : "read-write")
                    + " transaction with " + options + "; use Propagation.REQUIRES_NEW for a transaction of its own");
        }
    }

    Isolation isolation() {
        if (external != null) {
            return external.isolation();
        }
        if (changed != null && changed.isolation() != null) {
            return changed.isolation();
        }
        return engine.options().isolation();
    }

    boolean isReadOnly() {
        if (external != null) {
            return external.isReadOnly();
        }
        if (changed != null && changed.readOnly() != null) {
            return changed.readOnly();
        }
        return engine.options().readOnly();
    }

    // ---------------------------------------------------------------- savepoints

    Savepoint savepoint(Connection owner) {
        leaveAutoCommit();
        try {
            dirty = true;
            Savepoint sp = new Savepoint(owner, jdbc.setSavepoint("tabula_sp_" + (++savepoints)));
            openSavepoints.add(sp);
            events.savepointSet(sp);
            return sp;
        } catch (SQLException e) {
            throw errors.translate(e, "SAVEPOINT", null);
        }
    }

    /** Undoes everything since {@code sp}; it and the savepoints set after it end. */
    void rollbackTo(Savepoint sp) {
        int at = indexOf(sp);
        try {
            jdbc.rollback(sp.jdbc());
        } catch (SQLException e) {
            throw errors.translate(e, "ROLLBACK TO SAVEPOINT", null);
        }
        events.savepointRolledBack(sp);
        endSavepointsFrom(at);
    }

    /**
     * Keeps the work since {@code sp}, unless a statement failed in it (or in a savepoint set after
     * it): then the savepoint is rolled back instead, as a commit would be.
     */
    void release(Savepoint sp) {
        int at = indexOf(sp);
        Throwable cause = null;
        for (int i = at; i < openSavepoints.size() && cause == null; i++) {
            cause = openSavepoints.get(i).failure();
        }
        if (cause != null) {
            rollbackTo(sp);
            throw new TransactionRolledBackException("the savepoint was rolled back, not released: "
                    + describe(cause), cause);
        }
        try {
            jdbc.releaseSavepoint(sp.jdbc());
        } catch (SQLException e) {
            throw errors.translate(e, "RELEASE SAVEPOINT", null);
        }
        events.savepointReleased(sp);
        endSavepointsFrom(at);
    }

    private int indexOf(Savepoint sp) {
        int at = openSavepoints.indexOf(sp);
        if (at < 0) {
            throw new IllegalStateException("savepoint already rolled back or released");
        }
        return at;
    }

    private void endSavepointsFrom(int index) {
        while (openSavepoints.size() > index) {
            openSavepoints.remove(openSavepoints.size() - 1).end();
        }
    }

    // ---------------------------------------------------------------- failures

    /**
     * Records that a statement failed: outside savepoints the transaction can then only roll back
     * (and refuses further statements, as PostgreSQL does on its own); inside one, the innermost
     * savepoint can.
     */
    <E extends RuntimeException> E failed(E e) {
        events.statementFailed(e);
        if (!openSavepoints.isEmpty()) {
            openSavepoints.get(openSavepoints.size() - 1).fail(e);
        } else if (!aborted) {
            aborted = true;
            rollbackCause = e;
        }
        return e;
    }

    /** Why a commit now would have to roll back, or {@code null}. */
    Throwable pendingFailure() {
        if (rollbackCause != null) {
            return rollbackCause;
        }
        for (Savepoint sp : openSavepoints) {
            if (sp.failure() != null) {
                return sp.failure();
            }
        }
        return null;
    }

    /** Refuses a statement when an earlier failure has doomed the transaction (or the innermost savepoint). */
    void ensureUsable() {
        Throwable cause = aborted ? rollbackCause
                : openSavepoints.isEmpty() ? null : openSavepoints.get(openSavepoints.size() - 1).failure();
        if (cause != null) {
            throw new TransactionAbortedException("statement refused: " + describe(cause) + " and the "
                    + (aborted ? "transaction" : "savepoint") + " can only roll back; call rollback()"
                    + (aborted ? "" : " on the savepoint") + ", or run statements that may fail in a savepoint"
                    + " (conn.nested(...))", cause);
        }
    }

    private static String describe(Throwable cause) {
        return "an earlier statement failed (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private void ended() {
        dirty = external != null;
        aborted = false;
        rollbackCause = null;
        endSavepointsFrom(0);
        if (changed != null) {
            restoreCharacteristics();
        }
    }

    /** Puts back what {@link #begin(TransactionOptions)} changed, outside any transaction. */
    private void restoreCharacteristics() {
        TransactionCharacteristics saved = changed;
        changed = null;
        try {
            dialect.setTransactionCharacteristics(jdbc, saved.previousIsolation(), saved.previousReadOnly());
        } catch (SQLException e) {
            throw errors.translate(e, "SET TRANSACTION", null);
        }
    }
}
