package org.tabula.schema.inspect;

import java.util.List;

/**
 * A named enum type (PostgreSQL's {@code CREATE TYPE ... AS ENUM}).
 *
 * <pre>{@code
 * inspector.enumTypes();   // [EnumTypeInfo[name=mood, labels=[happy, sad]]]
 * }</pre>
 *
 * @param name   the type name
 * @param labels the labels in sort order
 */
public record EnumTypeInfo(String name, List<String> labels) {

    /**
     * Copies the lists, so the record stays immutable: {@code new EnumTypeInfo("mood", List.of("happy", "sad"))}.
     *
     * @param name the type name
     * @param labels the labels in sort order
     */
    public EnumTypeInfo {
        labels = List.copyOf(labels);
    }
}
