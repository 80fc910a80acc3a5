package org.tabula.engine;

/**
 * A snapshot of an engine's connection pool.
 *
 * @param active  connections lent out right now
 * @param idle    connections waiting in the pool
 * @param total   active plus idle
 * @param waiting threads waiting for a connection
 */
public record PoolStatus(int active, int idle, int total, int waiting) {
}
