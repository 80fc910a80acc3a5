package org.tabula.engine;

/**
 * How a {@link Engine#replicated(ReplicaOptions, Engine, Engine...) replicated engine} picks the
 * replica for a read among those that are up and within the lag bound.
 *
 * <pre>{@code
 * Engine engine = Engine.replicated(ReplicaOptions.defaults().balance(ReplicaBalance.LEAST_BUSY), primary, r1, r2);
 * }</pre>
 */
public enum ReplicaBalance {
    /** Each read connection takes the next replica in turn. */
    ROUND_ROBIN,
    /** Each read connection takes the replica with the fewest connections this engine has lent out on it. */
    LEAST_BUSY
}
