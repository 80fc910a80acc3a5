package org.tabula.orm;

import java.util.List;

/** What the session needs from a relationship holder ({@link Ref}, {@link RelatedList}). */
interface RelationHolder {

    boolean isLoaded();

    void bind(Object owner, RelationshipAttribute attribute);

    Object owner();

    /** Forgets the value; the next access loads it through {@code session}. */
    void unload(Session session);

    /** Sets the loaded value (an object or a list) without sync events or change tracking. */
    void populate(Object value);

    /** Forgets the changes tracked since the last load (after a flush wrote them). */
    void clearChanges();

    /** The related objects held now, without loading. */
    List<Object> loadedValues();
}
