package org.tabula.orm;

import java.util.List;
import java.util.Map;

/**
 * The ORM's side of a relationship holder, kept out of the public API of {@link Ref} and
 * {@link RelatedList}: the state both share (the owner, the attribute, the session that loads an
 * unloaded value, whether it is loaded) and the load, unload and populate steps, once; one sealed
 * subclass per kind ({@link One}, {@link Many}) for what differs. The session works on this type
 * and never asks which kind it holds.
 */
abstract sealed class RelationHolder {

    private Object owner;
    private RelationshipAttribute attribute;
    private Session session;
    private boolean loaded = true;

    RelationHolder(Object owner) {
        this.owner = owner;
    }

    /** The view of a field value, or null when the field holds none. */
    static RelationHolder of(Object field) {
        if (field instanceof Ref<?> r) {
            return r.holder;
        }
        if (field instanceof RelatedList<?> l) {
            return l.holder;
        }
        return null;
    }

    /** The public object: the {@link Ref} or {@link RelatedList} itself. */
    abstract Object publicHolder();

    final boolean isLoaded() {
        return loaded;
    }

    final Object owner() {
        return owner;
    }

    final Session session() {
        return session;
    }

    final void bind(Object newOwner, RelationshipAttribute attr) {
        this.owner = newOwner;
        this.attribute = attr;
    }

    /** The relationship this holder is the value of, found from its owner on first need. */
    final RelationshipAttribute attribute() {
        if (attribute == null && owner != null) {
            attribute = Mapper.mapping(owner.getClass()).relationshipHolding(owner, publicHolder());
        }
        return attribute;
    }

    /** The relationship's name for {@code toString}, without looking it up. */
    final String describe() {
        return attribute == null ? "?" : attribute.qualifiedName();
    }

    /** Loads the value through the session that loaded the owner; a detached owner cannot. */
    final void load() {
        RelationshipAttribute attr = attribute();
        String name = attr == null ? "a relationship" : attr.qualifiedName();
        if (session == null || session.isClosed()) {
            throw new DetachedInstanceException("cannot load " + name + ": its object is detached (its session is "
                    + (session == null ? "gone" : "closed") + "); load it before closing the session (selectIn/joined),"
                    + " or merge() the object into an open one");
        }
        populate(session.loadRelationship(owner, attr));
    }

    /** Forgets the value; the next access loads it through {@code loader}. */
    final void unload(Session loader) {
        this.session = loader;
        this.loaded = false;
        setValue(null);
        clearChanges();
    }

    /** Sets the loaded value (an object or a list) without sync events or change tracking. */
    final void populate(Object value) {
        setValue(value);
        markLoaded();
        clearChanges();
    }

    /** The value was set by the user: loaded, and no session needed any more. */
    final void markLoaded() {
        this.loaded = true;
        this.session = null;
    }

    /** Loads (if needed) and returns the related objects. */
    final List<Object> loadAll() {
        if (!loaded) {
            load();
        }
        return loadedValues();
    }

    /** Replaces the value: an object (or null) for {@link One}, a list (or null for empty) for {@link Many}. */
    abstract void setValue(Object value);

    /** Forgets the changes tracked since the last load (after a flush wrote them). */
    abstract void clearChanges();

    /** The related objects held now, without loading. */
    abstract List<Object> loadedValues();

    /**
     * {@code related} now points at {@code owner} (its back reference changed): hold it too. Returns
     * the object a to-one held before, which must let go of {@code related}, else null.
     */
    abstract Object attach(Object related);

    /** {@code related} no longer points at this holder's owner. */
    abstract void detach(Object related);

    /** {@code related} moved to another owner: let go of it if held, without loading. */
    abstract void release(Object related);

    /** Drops objects whose rows were deleted, without tracking it as a change. */
    abstract void forget(Map<Object, Boolean> deleted);

    /** The to-one kind: a {@link Ref}. */
    static final class One extends RelationHolder {

        final Ref<?> ref;

        One(Ref<?> ref, Object owner) {
            super(owner);
            this.ref = ref;
        }

        @Override
        Object publicHolder() {
            return ref;
        }

        @Override
        void setValue(Object value) {
            ref.setValue(value);
        }

        @Override
        void clearChanges() {
            ref.clearChanges();
        }

        @Override
        List<Object> loadedValues() {
            return isLoaded() && ref.peek() != null ? List.of(ref.peek()) : List.of();
        }

        @Override
        Object attach(Object related) {
            Object previous = ref.currentForSync();
            ref.internalSet(related);
            return previous;
        }

        @Override
        void detach(Object related) {
            if (ref.currentForSync() == related) {
                ref.internalSet(null);
            }
        }

        @Override
        void release(Object related) {
            if (ref.peek() == related) {
                ref.internalSet(null);
            }
        }

        @Override
        void forget(Map<Object, Boolean> deleted) {
            if (deleted.containsKey(ref.peek())) {
                populate(null);
            }
        }
    }

    /** The to-many kind: a {@link RelatedList}. */
    static final class Many extends RelationHolder {

        final RelatedList<?> list;

        Many(RelatedList<?> list, Object owner) {
            super(owner);
            this.list = list;
        }

        @Override
        Object publicHolder() {
            return list;
        }

        @Override
        void setValue(Object value) {
            list.setItems(value);
        }

        @Override
        void clearChanges() {
            list.clearChanges();
        }

        @Override
        List<Object> loadedValues() {
            return isLoaded() ? list.items() : List.of();
        }

        @Override
        Object attach(Object related) {
            list.internalAdd(related);
            return null;
        }

        @Override
        void detach(Object related) {
            list.internalRemove(related);
        }

        @Override
        void release(Object related) {
            list.internalRemove(related);
        }

        @Override
        void forget(Map<Object, Boolean> deleted) {
            list.forget(deleted);
        }
    }
}
