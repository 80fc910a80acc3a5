package org.tabula.engine;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every event an {@link EngineListener} hears carries besides its facts: a place for the
 * listener's own state between the events of one connection, statement or transaction (a start
 * time, a span), kept under a key of the listener's own so that listeners never collide.
 *
 * <pre>{@code
 * private static final Object STARTED = new Object();
 * public void beforeExecute(StatementEvent e) { e.attribute(STARTED, Instant.now()); }
 * public void afterExecute(StatementEvent e) { Instant started = e.attribute(STARTED); }
 * }</pre>
 */
public abstract sealed class EngineEvent permits ConnectionEvent, StatementEvent, TransactionEvent {

    /** Made on first use: most events meet no listener that keeps state. */
    private @Nullable Map<Object, Object> attributes;

    EngineEvent() {
    }

    /**
     * What a listener kept under {@code key}, or null.
     *
     * <pre>{@code
     * Instant started = event.attribute(STARTED);
     * }</pre>
     *
     * @param <T> the attribute's type
     * @param key the attribute's key, best a private object of the listener
     * @return what a listener kept under {@code key}, or null
     */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T attribute(Object key) {
        return attributes == null ? null : (T) attributes.get(key);
    }

    /**
     * Keeps {@code value} under {@code key} for the rest of this connection's, statement's or
     * transaction's events.
     *
     * <pre>{@code
     * event.attribute(STARTED, Instant.now());
     * }</pre>
     *
     * @param key the attribute's key, best a private object of the listener
     * @param value the value to keep for later callbacks of the same event
     */
    public void attribute(Object key, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }
}
