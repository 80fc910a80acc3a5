package org.tabula.schema.inspect;

import java.util.List;

/**
 * An index the database reports that backs no primary key or unique constraint.
 *
 * <pre>{@code
 * inspector.table("posts").indexes();   // [IndexInfo[name=ix_posts_title, columns=[title], unique=false]]
 * }</pre>
 *
 * @param name    the index name
 * @param columns the indexed columns, in key order (expression parts are left out)
 * @param unique  whether it is a unique index
 */
public record IndexInfo(String name, List<String> columns, boolean unique) {

    /**
     * Copies the lists, so the record stays immutable: {@code new IndexInfo("ix_users_name", List.of("name"), false)}.
     *
     * @param name the index name
     * @param columns the indexed columns, in key order (expression parts are left out)
     * @param unique whether it is a unique index
     */
    public IndexInfo {
        columns = List.copyOf(columns);
    }
}
