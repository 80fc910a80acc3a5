package org.tabula.engine;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Echo: each statement logged after it ran, with its values (or not, with hideParameters), its
 * duration and rows; BEGIN, COMMIT and ROLLBACK too. At INFO when echo is on, else at DEBUG when
 * the {@code org.tabula.engine} logger is at DEBUG.
 */
final class Echo implements EngineListener {

    static final Logger LOG = LoggerFactory.getLogger("org.tabula.engine");

    private final boolean enabled;
    private final boolean hideParameters;

    Echo(EngineOptions options) {
        this.enabled = options.echo();
        this.hideParameters = options.hideParameters();
    }

    /** Whether anything would be logged now (the DEBUG level may change while the engine runs). */
    boolean active() {
        return enabled || LOG.isDebugEnabled();
    }

    @Override
    public void afterExecute(StatementEvent e) {
        if (!active()) {
            return;
        }
        String values = hideParameters ? "[parameters hidden]" : String.valueOf(e.parameters());
        String batch = e.batchSize() > 1 ? "executemany of " + e.batchSize() + ", " : "";
        String time = String.format(Locale.ROOT, "%.3f ms", e.durationNanos() / 1e6);
        String outcome = e.failure() != null ? "failed after " + time + ": " + e.failure().getMessage()
                : e.rows() < 0 ? time : time + ", " + e.rows() + (e.rows() == 1 ? " row" : " rows");
        log("{} {} ({}{})", e.sql(), values, batch, outcome);
    }

    @Override
    public void begin(TransactionEvent e) {
        log("BEGIN (implicit)");
    }

    @Override
    public void commit(TransactionEvent e) {
        log(e.failure() == null ? "COMMIT" : "COMMIT failed: " + e.failure().getMessage());
    }

    @Override
    public void rollback(TransactionEvent e) {
        log("ROLLBACK");
    }

    private void log(String format, Object... args) {
        if (enabled) {
            LOG.info(format, args);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(format, args);
        }
    }
}
