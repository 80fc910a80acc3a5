package org.tabula.orm;

import java.util.List;

/** The session's view of a relationship holder ({@link Ref} or {@link RelatedList}), keeping their ORM side out of their public API. */
final class RelationHolder {

    private final Ref<?> ref;
    private final RelatedList<?> list;

    private RelationHolder(Ref<?> ref, RelatedList<?> list) {
        this.ref = ref;
        this.list = list;
    }

    /** The view of a field value, or null when the field holds none. */
    static RelationHolder of(Object field) {
        if (field instanceof Ref<?> r) {
            return new RelationHolder(r, null);
        }
        if (field instanceof RelatedList<?> l) {
            return new RelationHolder(null, l);
        }
        return null;
    }

    Ref<?> ref() {
        return ref;
    }

    RelatedList<?> list() {
        return list;
    }

    boolean isLoaded() {
        return ref != null ? ref.isLoaded() : list.isLoaded();
    }

    void bind(Object owner, RelationshipAttribute attribute) {
        if (ref != null) {
            ref.bind(owner, attribute);
        } else {
            list.bind(owner, attribute);
        }
    }

    /** Forgets the value; the next access loads it through {@code session}. */
    void unload(Session session) {
        if (ref != null) {
            ref.unload(session);
        } else {
            list.unload(session);
        }
    }

    /** Sets the loaded value (an object or a list) without sync events or change tracking. */
    void populate(Object value) {
        if (ref != null) {
            ref.populate(value);
        } else {
            list.populate(value);
        }
    }

    /** Forgets the changes tracked since the last load (after a flush wrote them). */
    void clearChanges() {
        if (ref != null) {
            ref.clearChanges();
        } else {
            list.clearChanges();
        }
    }

    /** The related objects held now, without loading. */
    List<Object> loadedValues() {
        return ref != null ? ref.loadedValues() : list.loadedValues();
    }

    /** Loads (if needed) and returns the related objects. */
    List<Object> loadAll() {
        if (ref != null) {
            ref.get();
        } else {
            list.size();
        }
        return loadedValues();
    }
}
