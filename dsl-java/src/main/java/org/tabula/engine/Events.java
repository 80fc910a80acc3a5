package org.tabula.engine;

/**
 * The engine's listeners (echo first, when it logs) and where connections start telling them:
 * the one place events come from, with {@link ConnectionEvents}. With no listener and echo
 * silent, connections get {@link ConnectionEvents#OFF} and nothing is measured or made.
 */
final class Events {

    private final EngineListener[] listeners;
    private final EngineListener[] withEcho;
    private final Echo echo;

    Events(EngineOptions options) {
        this.listeners = options.listeners().toArray(new EngineListener[0]);
        this.echo = new Echo(options);
        this.withEcho = new EngineListener[listeners.length + 1];
        withEcho[0] = echo;
        System.arraycopy(listeners, 0, withEcho, 1, listeners.length);
    }

    /** Whether a connection taken now would report events (so its wait is worth timing). */
    boolean listening() {
        return listeners.length > 0 || echo.active();
    }

    /** The listeners of a connection taken now, or null. */
    private EngineListener[] current() {
        if (echo.active()) {
            return withEcho;
        }
        return listeners.length > 0 ? listeners : null;
    }

    /** The events of a new connection: {@link ConnectionEvents#OFF} when nobody listens. */
    ConnectionEvents open(Connection connection) {
        EngineListener[] now = current();
        return now == null ? ConnectionEvents.OFF : new ConnectionEvents(now, connection);
    }

    /** Tells the listeners that a caller waiting since {@code waitStart} got no connection. */
    void connectFailed(Engine engine, long waitStart, Throwable failure) {
        EngineListener[] now = current();
        if (now == null) {
            return;
        }
        long at = System.nanoTime();
        ConnectionEvent event = new ConnectionEvent(engine, null, waitStart == 0 ? 0 : at - waitStart, at, failure);
        for (EngineListener l : now) {
            try {
                l.connectionFailed(event);
            } catch (RuntimeException e) {
                ConnectionEvents.listenerFailed(l, "connectionFailed", e);
            }
        }
    }
}
