package org.tabula.schema;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    /** Refuse the change while children reference the row, checked at the end of the statement (the default). */
    NO_ACTION,
    /** Refuse the change at once while children reference the row. */
    RESTRICT,
    /** Delete (or re-key) the children with the parent: {@code bigint("user_id").references(USERS.id, CASCADE)}. */
    CASCADE,
    /** Set the children's foreign key to NULL; the column must be nullable. */
    SET_NULL,
    /** Set the children's foreign key to its DEFAULT. */
    SET_DEFAULT
}
