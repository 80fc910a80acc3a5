package org.tabula.orm;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The current time, for {@link MappedColumn#defaultValue()} and {@link MappedColumn#onUpdate()}. Tabula
 * converts it to the field's type: {@code Instant}, {@code LocalDateTime} (UTC) or {@code LocalDate} (UTC).
 *
 * <pre>{@code
 * @MappedColumn(defaultValue = Now.class, onUpdate = Now.class) public Instant updatedAt;
 * }</pre>
 */
public final class Now implements Supplier<Object> {

    @Override
    public Object get() {
        return Instant.now();
    }
}
