package org.tabula.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs statements when echo is on and tells the listeners about them. */
final class Echo {

    private static final Logger LOG = LoggerFactory.getLogger("org.tabula.engine");

    private final boolean enabled;
    private final List<StatementListener> listeners;

    Echo(EngineOptions options) {
        this.enabled = options.echo();
        this.listeners = options.listeners();
    }

    boolean active() {
        return enabled || !listeners.isEmpty() || LOG.isDebugEnabled();
    }

    void statement(String sql, List<Object> parameters) {
        if (enabled) {
            LOG.info("{} {}", sql, parameters);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}", sql, parameters);
        }
        for (StatementListener l : listeners) {
            l.beforeExecute(sql, parameters);
        }
    }

    void message(String text) {
        if (enabled) {
            LOG.info(text);
        } else {
            LOG.debug(text);
        }
    }
}
