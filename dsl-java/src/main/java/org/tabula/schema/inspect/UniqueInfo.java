package org.tabula.schema.inspect;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A UNIQUE constraint as the database reports it (on MySQL/MariaDB: a unique key).
 *
 * <pre>{@code
 * inspector.table("users").uniqueConstraints();   // [UniqueInfo[name=users_email_key, columns=[email]]]
 * }</pre>
 *
 * @param name    the constraint name, or {@code null} where the database keeps none
 * @param columns the columns, in key order
 */
@NullMarked
public record UniqueInfo(@Nullable String name, List<String> columns) {

    /**
     * Copies the lists, so the record stays immutable: {@code new UniqueInfo("uq_users_email", List.of("email"))}.
     *
     * @param name the constraint name, or {@code null} where the database keeps none
     * @param columns the columns, in key order
     */
    public UniqueInfo {
        columns = List.copyOf(columns);
    }
}
