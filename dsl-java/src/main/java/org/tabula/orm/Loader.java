package org.tabula.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tabula.Sql;
import org.tabula.expr.Condition;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Select;

/**
 * Rows to objects for one session: each row becomes the object the identity map holds for its key
 * (made once, refreshed when expired), relationships load joined (in the same query) or select-in
 * (one {@code IN} query per relationship), and lazy holders load later through the session.
 */
final class Loader {

    /** Keys per {@code IN (...)} list. */
    static final int IN_CHUNK = 500;

    private static final Function<ColumnAttribute, Lazy<?>> NO_DEFERRED = a -> {
        throw new IllegalStateException(a.qualifiedName() + " is not deferred");
    };

    private final Session session;
    private final IdentityMap identity;
    /** Where objects new to the session are listed while a stream's chunk loads its relationships (so they leave with it), or null. */
    private @Nullable List<Object> freshSink;

    Loader(Session session, IdentityMap identity) {
        this.session = session;
        this.identity = identity;
    }

    // ---------------------------------------------------------------- rows to objects

    /** Rows of a query, made into entities through the identity map. */
    <T> List<T> load(EntityMapping<T> mapping, Select select) {
        return load(mapping, select, (Undeferred) null);
    }

    /** Rows of a query, made into entities through the identity map, with {@code undeferred} columns selected too. */
    private <T> List<T> load(EntityMapping<T> mapping, Select select, @Nullable Undeferred undeferred) {
        session.autoflush();
        Select statement = undeferred == null ? select : undeferred.extend(select);
        // Values straight from JDBC (no Row per row); the arrays become the objects' snapshots.
        List<Object[]> rows = session.connection().fetch(statement, Map.of(), values -> values);
        if (!mapping.isReadOnly()) {
            identity.reserve(rows.size());
        }
        int width = select.selections().size();
        List<T> out = new ArrayList<>(rows.size());
        for (Object[] values : rows) {
            Object[] columns = mapping.fromSelected(values);
            out.add(materialize(mapping, undeferred == null ? columns : undeferred.fill(columns, values, width)));
        }
        return out;
    }

    /** The object of one row: the one the identity map holds for its key, else a new one. */
    <T> T materialize(EntityMapping<T> mapping, Object[] values) {
        if (mapping.isReadOnly()) {
            return mapping.instantiate(values, a -> Lazy.of(null));     // read models are not tracked
        }
        // One hash lookup per row: the new state takes its place in the identity map before its
        // object exists, and is dropped again if the key is already there. It finds the state by
        // the state's own key: for a single-column key the bare value (no key object per row).
        EntityState state = new EntityState(mapping, null, EntityState.Status.PERSISTENT);
        int keyIndex = mapping.singleKeyIndex();
        if (keyIndex >= 0) {
            Object id = values[keyIndex];
            if (id != null) {
                state.keyValue(id);
            }
        } else {
            state.key(mapping.keyOf(values));
        }
        EntityState existing = state.hasKey() ? identity.putIfAbsent(state) : null;
        if (existing != null) {
            if (existing.expired) {
                apply(existing, values, false);
                bindRelationships(existing, true);
            }
            if (!existing.expired && !mapping.loadsEveryColumn()) {
                fillUnloaded(existing, values);
            }
            return mapping.entityClass().cast(existing.entity);
        }
        T entity;
        try {
            if (mapping.loadsEveryColumn()) {
                entity = mapping.instantiate(values, NO_DEFERRED);     // no per-row capturing lambda
            } else {
                Object[] created = new Object[1];
                entity = mapping.instantiate(values, a -> deferredHolder(created, a));
                created[0] = entity;
            }
        } catch (RuntimeException | Error e) {
            if (state.hasKey()) {
                identity.removeKey(state.key());
            }
            throw e;
        }
        state.entity = entity;
        state.snapshot = values;
        identity.addLoaded(state);
        bindRelationships(state, true);
        if (freshSink != null) {
            freshSink.add(entity);
        }
        return entity;
    }

    /**
     * Writes loaded values into a tracked object. With {@code keepLocalChanges}, attributes the
     * user changed since the last load keep the user's value unless the database changed them too.
     */
    void apply(EntityState state, Object[] values, boolean keepLocalChanges) {
        List<ColumnAttribute> attrs = state.mapping.columnAttributes();
        for (int i = 0; i < attrs.size(); i++) {
            ColumnAttribute a = attrs.get(i);
            if (keepLocalChanges && state.snapshot != null && EntityState.same(state.snapshot[i], values[i])) {
                continue;
            }
            if (values[i] == ColumnAttribute.NOT_LOADED) {
                a.set(state.entity, deferredHolder(new Object[] {state.entity}, a));
            } else {
                a.setValue(state.entity, values[i]);
            }
        }
        state.snapshot = values;
        state.expired = false;
    }

    /**
     * Gives a held object the deferred column values a row carries ({@link LoadOption#undefer})
     * where its holder is not loaded yet; loaded holders keep their value, as other columns do.
     */
    private void fillUnloaded(EntityState state, Object[] values) {
        List<ColumnAttribute> attrs = state.mapping.columnAttributes();
        for (int i = 0; i < attrs.size(); i++) {
            ColumnAttribute a = attrs.get(i);
            if (a.isDeferred() && values[i] != ColumnAttribute.NOT_LOADED && a.value(state.entity) == ColumnAttribute.NOT_LOADED) {
                a.setValue(state.entity, values[i]);
                if (state.snapshot != null) {
                    state.snapshot[i] = values[i];
                }
            }
        }
    }

    /** Binds the relationship holders of a tracked object to it; {@code unload} makes them load through the session. */
    void bindRelationships(EntityState state, boolean unload) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            RelationHolder h = r.holder(state.entity);
            if (unload) {
                h.unload(session);
            }
        }
    }

    // ---------------------------------------------------------------- deferred columns

    /** An unloaded holder for a deferred column of {@code entityRef[0]}, loaded through the session. */
    Lazy<?> deferredHolder(Object[] entityRef, ColumnAttribute attribute) {
        return Lazy.deferred(attribute, entityRef, session, s -> loadDeferred(entityRef[0], attribute));
    }

    /** Selects one deferred column of a persistent object (the loader behind its {@link Lazy} holder). */
    private Object loadDeferred(Object entity, ColumnAttribute attribute) {
        EntityState state = identity.stateOf(entity);
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new DetachedInstanceException("cannot load " + attribute.qualifiedName()
                    + ": its object is no longer in the session that loaded it");
        }
        Select one = Select.of(List.of(attribute.column())).from(state.mapping.table()).where(state.mapping.whereKey(state.key()));
        Row row = session.connection().execute(one).oneOrNull();
        if (row == null) {
            throw new OrmException("cannot load " + attribute.qualifiedName() + " of " + state.key() + ": its row is gone");
        }
        Object value = row.get(0);
        if (state.snapshot != null) {
            state.snapshot[state.mapping.indexOf(attribute)] = value;
        }
        return value;
    }

    // ---------------------------------------------------------------- after a bulk statement

    /** Re-reads the held objects of {@code table} (after a bulk UPDATE or DELETE); gone rows leave the session. */
    void synchronize(Table table) {
        Map<EntityMapping<?>, List<EntityState>> held = new LinkedHashMap<>();
        for (EntityState s : identity.keyed()) {
            if (s.mapping.table() == table) {
                held.computeIfAbsent(s.mapping, m -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<EntityMapping<?>, List<EntityState>> e : held.entrySet()) {
            EntityMapping<?> mapping = e.getKey();
            List<EntityState> list = e.getValue();
            for (int from = 0; from < list.size(); from += IN_CHUNK) {
                synchronizeChunk(mapping, list.subList(from, Math.min(list.size(), from + IN_CHUNK)));
            }
        }
    }

    private void synchronizeChunk(EntityMapping<?> mapping, List<EntityState> chunk) {
        Map<EntityKey, EntityState> byKey = new HashMap<>();
        List<Condition> keys = new ArrayList<>();
        for (EntityState s : chunk) {
            byKey.put(s.key(), s);
            keys.add(mapping.whereKey(s.key()));
        }
        Result rows = session.connection().execute(mapping.select().where(whereAnyKey(mapping, chunk, keys)));
        for (Row row : rows) {
            Object[] values = mapping.fromRow(row);
            EntityState s = byKey.remove(mapping.keyOf(values));
            if (s != null) {
                apply(s, values, true);
            }
        }
        for (EntityState gone : byKey.values()) {
            identity.forgetDeleted(gone);
        }
    }

    /** The rows of {@code states}: {@code id IN (...)} for a single-column key, else the OR of {@code keys}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Condition whereAnyKey(EntityMapping<?> mapping, List<EntityState> states, List<Condition> keys) {
        if (mapping.primaryKey().size() == 1) {
            List<Object> ids = new ArrayList<>();
            for (EntityState s : states) {
                ids.add(s.key().values().get(0));
            }
            return ((Column) mapping.primaryKey().get(0).column()).in(ids);
        }
        return Sql.or(keys);
    }

    // ---------------------------------------------------------------- relationships

    /**
     * Loads one relationship of a persistent object (the loader behind unloaded {@link Ref} and
     * {@link RelatedList} holders): an object or null for to-one, a list for to-many.
     */
    Object loadRelationship(Object owner, RelationshipAttribute attr) {
        EntityState state = identity.stateOf(owner);
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new DetachedInstanceException("cannot load " + attr.qualifiedName()
                    + ": its object is no longer in the session that loaded it");
        }
        if (attr.loading() == Loading.RAISE || (state.raise != null && state.raise.contains(attr))) {
            throw new OrmException(attr.qualifiedName() + " is not loaded and lazy loading it is refused (RAISE);"
                    + " load it with the query: options(selectIn(\"" + attr.name() + "\")) or joined(...)");
        }
        session.autoflush();
        if (attr.kind() == RelationshipAttribute.Kind.MANY_TO_ONE) {
            Object fk = attr.localForeignKey().value(owner);
            return fk == null ? null : session.get(attr.targetClass(), fk);
        }
        Object key = attr.ownerKey(owner);
        if (key == null) {
            return attr.isCollection() ? new ArrayList<>() : null;
        }
        List<?> found = load(attr.target(), attr.selectFor(List.of(key)), List.of());
        if (attr.isCollection()) {
            return found;
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The to-one related object the identity map holds, found without SQL (see {@link Session#relatedWithoutLoading}). */
    Object relatedWithoutLoading(Object owner, RelationshipAttribute attr) {
        if (attr.kind() != RelationshipAttribute.Kind.MANY_TO_ONE) {
            return null;
        }
        Object fk = attr.localForeignKey().value(owner);
        if (fk == null) {
            return null;
        }
        EntityState state = identity.byKey(attr.target().keyOfIdentity(fk));
        return state == null || identity.isDeleted(state) ? null : state.entity;
    }

    /** Rows of an entity query with loading options: joined relationships ride along, select-in ones follow. */
    <T> List<T> load(EntityMapping<T> mapping, Select select, List<LoadOption> options) {
        Undeferred undeferred = options.isEmpty() ? null : Undeferred.of(mapping, options);
        if (mapping.isReadOnly() || !mapping.hasRelationships()) {
            return load(mapping, select, undeferred);
        }
        session.autoflush();
        LoadStrategies strategies = new LoadStrategies(mapping, select, options);
        List<T> out = loadJoined(mapping, select, strategies, undeferred);
        for (RelationshipAttribute r : strategies.selectIn) {
            selectInLoad(r, new ArrayList<>(out), strategies.nested(r));
        }
        markRaise(out, strategies.raise);
        return out;
    }

    /**
     * Eager loading for one chunk of a stream, after its rows were read: select-in for select-in
     * and joined options alike (a joined collection could be cut at a chunk's end). Objects new
     * to the session are listed in {@code fresh} when given.
     */
    void loadChunk(List<?> chunk, LoadStrategies strategies, @Nullable List<Object> fresh) {
        freshSink = fresh;
        try {
            for (RelationshipAttribute r : strategies.joined) {
                selectInLoad(r, chunk, strategies.nested(r));
            }
            for (RelationshipAttribute r : strategies.selectIn) {
                selectInLoad(r, chunk, strategies.nested(r));
            }
        } finally {
            freshSink = null;
        }
        markRaise(chunk, strategies.raise);
    }

    /** Makes implicit loads of {@code raise} fail on each of {@code parents}. */
    private void markRaise(List<?> parents, List<RelationshipAttribute> raise) {
        if (raise.isEmpty()) {
            return;
        }
        for (Object parent : parents) {
            EntityState s = identity.stateOf(parent);
            if (s != null) {
                if (s.raise == null) {
                    s.raise = new java.util.HashSet<>();
                }
                s.raise.addAll(raise);
            }
        }
    }

    /** Runs the query with a LEFT OUTER JOIN per joined relationship; each row gives a parent and its related objects. */
    private <T> List<T> loadJoined(EntityMapping<T> mapping, Select select, LoadStrategies strategies, @Nullable Undeferred undeferred) {
        List<RelationshipAttribute> joined = strategies.joined;
        Select statement = select;
        int[] offsets = new int[joined.size()];
        int width = mapping.select().selections().size();
        for (int i = 0; i < joined.size(); i++) {
            offsets[i] = width;
            statement = joined.get(i).joined(statement, "j" + i + "_" + joined.get(i).name());
            width += joined.get(i).target().select().selections().size();
        }
        if (undeferred != null) {
            statement = undeferred.extend(statement);     // after the joined columns: their offsets stay
        }
        Result result = session.connection().execute(statement);
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<T> out = new ArrayList<>();
        List<Map<Object, List<Object>>> joinedValues = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            joinedValues.add(new IdentityHashMap<>());
        }
        for (Row row : result) {
            Object[] values = mapping.fromRow(row);
            T parent = materialize(mapping, undeferred == null ? values : undeferred.fill(values, row, width));
            if (seen.put(parent, Boolean.TRUE) == null) {
                out.add(parent);
            }
            for (int i = 0; i < joined.size(); i++) {
                collectJoined(joined.get(i), parent, row, offsets[i], joinedValues.get(i));
            }
        }
        for (int i = 0; i < joined.size(); i++) {
            populateJoined(joined.get(i), joinedValues.get(i), strategies.nested(joined.get(i)));
        }
        return out;
    }

    /** The related object of {@code parent} in the columns of {@code row} from {@code offset}, if any. */
    private void collectJoined(RelationshipAttribute r, Object parent, Row row, int offset, Map<Object, List<Object>> values) {
        RelationHolder h = r.holder(parent);
        if (h.isLoaded() && !values.containsKey(parent)) {
            return;      // loaded before this query (maybe with unflushed changes): keep it
        }
        List<Object> children = values.computeIfAbsent(parent, k -> new ArrayList<>());
        Object[] childValues = r.target().fromRow(row, offset);
        if (r.target().keyOf(childValues) == null) {
            return;      // no related row (LEFT OUTER JOIN)
        }
        Object child = materialize(r.target(), childValues);
        if (!containsSame(children, child)) {
            children.add(child);
        }
    }

    private void populateJoined(RelationshipAttribute r, Map<Object, List<Object>> values, List<LoadOption> nested) {
        List<Object> allChildren = new ArrayList<>();
        for (Map.Entry<Object, List<Object>> e : values.entrySet()) {
            RelationHolder h = r.holder(e.getKey());
            h.populate(r.isCollection() ? e.getValue() : e.getValue().isEmpty() ? null : e.getValue().get(0));
            allChildren.addAll(e.getValue());
        }
        applyNested(r, allChildren, nested);
    }

    private static boolean containsSame(List<Object> list, Object o) {
        for (Object x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    /**
     * Eager loading of the objects just loaded through {@code parent}: options further down a path
     * ({@code selectIn("roles.permissions")}) and the target's own eager defaults, select-in.
     */
    private void applyNested(RelationshipAttribute parent, List<Object> children, List<LoadOption> options) {
        if (children.isEmpty()) {
            return;
        }
        EntityMapping<?> target = parent.target();
        if (!target.hasRelationships()) {
            return;
        }
        Map<RelationshipAttribute, List<LoadOption>> deeper = new LinkedHashMap<>();
        for (RelationshipAttribute r : target.relationships()) {
            if (r.loading() == Loading.SELECT_IN || r.loading() == Loading.JOINED) {
                deeper.put(r, new ArrayList<>());
            }
        }
        for (LoadOption o : options) {
            if (o.undefersOwnColumn()) {
                continue;      // a column of the children themselves: it rode in the query that loaded them
            }
            RelationshipAttribute r = target.relationship(o.head());
            List<LoadOption> list = deeper.computeIfAbsent(r, k -> new ArrayList<>());
            if (o.tail() != null) {
                list.add(o.tail());
            }
        }
        for (Map.Entry<RelationshipAttribute, List<LoadOption>> e : deeper.entrySet()) {
            selectInLoad(e.getKey(), children, e.getValue());
        }
    }

    /** Loads a relationship for many owners at once: one {@code IN (...)} query per chunk of keys. */
    private void selectInLoad(RelationshipAttribute r, List<?> owners, List<LoadOption> nestedOptions) {
        Map<Object, List<Object>> ownersByKey = new LinkedHashMap<>();
        Map<Object, Boolean> seenOwner = new IdentityHashMap<>();
        for (Object owner : owners) {
            if (seenOwner.put(owner, Boolean.TRUE) != null) {
                continue;
            }
            RelationHolder h = r.holder(owner);
            if (h.isLoaded()) {
                continue;
            }
            Object key = r.ownerKey(owner);
            if (key == null) {
                h.populate(r.isCollection() ? new ArrayList<>() : null);
                continue;
            }
            ownersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(owner);
        }
        Map<Object, List<Object>> childrenByKey = new HashMap<>();
        List<Object> allChildren = new ArrayList<>();
        Map<Object, Boolean> seenChild = new IdentityHashMap<>();
        List<Object> keys = new ArrayList<>(ownersByKey.keySet());
        EntityMapping<?> target = r.target();
        Undeferred undeferred = nestedOptions.isEmpty() ? null : Undeferred.of(target, nestedOptions);
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            Select select = r.selectFor(chunk);
            int width = select.selections().size();
            for (Row row : session.connection().execute(undeferred == null ? select : undeferred.extend(select))) {
                Object[] values = target.fromRow(row);
                if (undeferred != null) {
                    undeferred.fill(values, row, width);      // appended after the IN query's own columns
                }
                Object child = materialize(target, values);
                List<Object> list = childrenByKey.computeIfAbsent(r.rowOwnerKey(row, values), k -> new ArrayList<>());
                if (!containsSame(list, child)) {
                    list.add(child);
                }
                if (seenChild.put(child, Boolean.TRUE) == null) {
                    allChildren.add(child);
                }
            }
        }
        for (Map.Entry<Object, List<Object>> e : ownersByKey.entrySet()) {
            List<Object> children = childrenByKey.getOrDefault(e.getKey(), List.of());
            for (Object owner : e.getValue()) {
                r.holder(owner).populate(r.isCollection() ? new ArrayList<>(children) : children.isEmpty() ? null : children.get(0));
            }
        }
        applyNested(r, allChildren, nestedOptions);
    }
}
