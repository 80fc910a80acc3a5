package org.tabula.engine;

import java.time.Duration;

/**
 * What the last health check of one replica of a replicated engine found.
 *
 * <pre>{@code
 * for (ReplicaStatus s : engine.replicaStatus()) {
 *     log.info("replica {}: {}", s.index(), s.usable() ? "lag " + s.lag() : s.problem());
 * }
 * }</pre>
 *
 * @param index   the replica's position in {@code Engine.replicated(primary, replicas...)}, from 0
 * @param replica the replica's engine
 * @param up      whether it answered
 * @param lag     how far it lags behind the primary; {@code null} when down or not replicating
 * @param usable  whether reads go to it: up, replicating, and within {@link ReplicaOptions#maxLag()}
 * @param problem why it is not usable, {@code null} when it is
 */
public record ReplicaStatus(int index, Engine replica, boolean up, Duration lag, boolean usable, String problem) {
}
