package org.tabula.orm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.tabula.Sql;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.TabulaException;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.ForeignKey;
import org.tabula.schema.Table;
import org.tabula.statement.Delete;
import org.tabula.statement.Insert;
import org.tabula.statement.Select;
import org.tabula.statement.Statement;
import org.tabula.statement.Update;

/**
 * A unit of work over one database transaction: SQLAlchemy's {@code Session}. It keeps an
 * identity map (one object per primary key), tracks new, changed and deleted objects, and
 * writes them at {@link #flush()} in foreign-key order with only the changed columns.
 * Not thread-safe; no thread-locals: pass the session (or its {@link #connection()}) around.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.of(engine);
 * try (Session session = sessions.openSession()) {
 *     User ann = new User("ann");
 *     session.add(ann);
 *     session.flush();                                   // INSERT; ann.id is set
 *     Address home = new Address(ann.id, "ann@example.com");
 *     session.add(home);
 *     ann.name = "Ann";                                  // UPDATE users SET name = ? WHERE id = ?
 *     session.commit();                                  // flush + COMMIT
 *
 *     User same = session.get(User.class, ann.id);       // from the identity map: same == ann
 *     List<User> as = session.select(User.class).filterBy("name", "Ann").all();
 *     session.delete(home);
 *     session.commit();
 * }                                                      // uncommitted work is rolled back
 * }</pre>
 *
 * <h2>Expiry without bytecode enhancement</h2>
 * Entity fields are plain fields, so reading one never runs SQL. An expired object
 * ({@link #expire}, {@link #expireAll}, after {@link #commit()} when {@code expireOnCommit}, after
 * {@link #rollback()}) keeps its last known values in its fields, and is reloaded from the
 * database by the next {@link #get}, query or {@link #refresh} that touches it;
 * {@link #isExpired(Object)} tells whether that has happened yet. Attributes that do intercept
 * reads are {@link Lazy} holders; on a detached object they fail with
 * {@link DetachedInstanceException} naming the attribute.
 *
 * <h2>Relationships</h2>
 * {@link Ref} and {@link RelatedList} fields ({@link Relationship}) load on first access through
 * the session that loaded their owner, or eagerly per {@link Loading} / {@link LoadOption}.
 * {@link #add} cascades to related objects; {@link #flush()} fills foreign keys from related
 * objects' keys (parents first), writes and deletes link rows of many-to-many relationships,
 * deletes orphans and cascades deletes; after a DELETE, the database's {@code ON DELETE CASCADE}
 * / {@code SET NULL} is applied to the objects the session holds.
 *
 * <h2>Failures</h2>
 * When a flush fails, the whole transaction is rolled back (nothing half-written), the session is
 * reset as by {@link #rollback()}, and the database exception (such as
 * {@code UniqueViolationException}, whose message names the table) is rethrown. Until you call
 * {@link #rollback()}, the session then refuses further work ({@code flush}, {@code commit},
 * {@code get}, queries, {@code execute}, {@code add}, {@code delete}, {@code merge},
 * {@code connection}) with a {@link PendingRollbackException} caused by that exception, so
 * nothing of the failed unit of work is written later; {@link #close()} works as usual.
 */
public final class Session implements AutoCloseable {

    private static final int IN_CHUNK = 500;

    private final Engine engine;
    private final boolean ownsConnection;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private Connection connection;
    private boolean closed;
    private boolean flushing;
    private boolean suppressAutoflush;
    private final PendingRollback pendingRollback = new PendingRollback();

    private final StateIndex states = new StateIndex();
    // Not final: reserve() replaces it with a presized copy before a large load.
    private Map<EntityKey, EntityState> identityMap = new HashMap<>();
    private int reserved;
    private static final java.util.function.Function<ColumnAttribute, Lazy<?>> NO_DEFERRED = a -> {
        throw new IllegalStateException(a.qualifiedName() + " is not deferred");
    };
    private final Set<EntityState> newObjects = new LinkedHashSet<>();
    private final Set<EntityState> deletedObjects = new LinkedHashSet<>();
    private final List<EntityState> insertedInTransaction = new ArrayList<>();
    private final List<EntityState> deletedInTransaction = new ArrayList<>();

    Session(Engine engine, Connection connection, boolean autoflush, boolean expireOnCommit) {
        this.engine = engine;
        this.connection = connection;
        this.ownsConnection = connection == null;
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
    }

    // ---------------------------------------------------------------- connection and transaction

    /**
     * The connection this session works on (opened on first use), for Core statements in the
     * same transaction. Do not commit or close it yourself: use {@link #commit()} and {@link #close()}.
     */
    public Connection connection() {
        ensureActive();
        if (connection == null) {
            connection = engine.connect();
        }
        return connection;
    }

    /** Flushes, then commits. Objects stay in the session (expired if {@code expireOnCommit}). */
    public void commit() {
        ensureActive();
        flush();
        if (connection != null) {
            connection.commit();
            releaseConnection();
        }
        insertedInTransaction.clear();
        deletedInTransaction.clear();
        if (expireOnCommit) {
            expireAll();
        }
    }

    /**
     * Rolls back the transaction and discards pending changes: objects added since the last commit
     * are expunged, objects deleted since then return, and every persistent object is expired (its
     * fields are rewritten by the next get, query or refresh that touches it). Changed fields not
     * flushed yet get back their last loaded or flushed values, so no later flush writes them.
     * After a failed flush, this is what makes the session usable again.
     */
    public void rollback() {
        ensureOpen();
        try {
            if (connection != null) {
                connection.rollback();
            }
        } finally {
            releaseConnection();
            resetAfterRollback();
            pendingRollback.clear();
        }
    }

    /** Runs {@code work} and commits; on any exception rolls back and rethrows it. */
    public void begin(SessionWork work) {
        inTransaction(s -> {
            work.run(s);
            return null;
        });
    }

    /** Runs {@code work}, commits, and returns its result; on any exception rolls back and rethrows it. */
    public <T> T inTransaction(SessionCallback<T> work) {
        ensureOpen();
        T result;
        try {
            result = work.run(this);
            commit();
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        } catch (Exception e) {
            rollbackQuietly(e);
            throw new TabulaException("transaction failed: " + e.getMessage(), e);
        }
        return result;
    }

    private void rollbackQuietly(Throwable cause) {
        if (closed) {
            return;
        }
        try {
            rollback();
        } catch (RuntimeException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * Ends the session: uncommitted work is rolled back, the connection goes back to the pool, and
     * every object becomes detached (its fields stay readable).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            releaseConnection();      // a connection given by the caller stays the caller's
        } finally {
            closed = true;
            // Cleared, not dropped: a large presized table is a humongous object to G1, and until it
            // is collected, every object it references survives young collections.
            states.clear();
            identityMap.clear();
            newObjects.clear();
            deletedObjects.clear();
            insertedInTransaction.clear();
            deletedInTransaction.clear();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void releaseConnection() {
        if (connection != null && ownsConnection) {
            Connection c = connection;
            connection = null;
            c.close();
        }
    }

    /**
     * Forgets what the unit of work did in a transaction that was rolled back by whoever owns the
     * connection (a {@link SessionFactory#inTransaction(TransactionOptions, SessionCallback)} block).
     */
    void afterExternalRollback() {
        resetAfterRollback();
    }

    private void resetAfterRollback() {
        for (EntityState s : newObjects) {
            states.remove(s.entity);
        }
        newObjects.clear();
        for (EntityState s : insertedInTransaction) {
            states.remove(s.entity);
            if (s.key != null) {
                identityMap.remove(s.key);
            }
        }
        insertedInTransaction.clear();
        for (EntityState s : deletedInTransaction) {
            s.status = EntityState.Status.PERSISTENT;
            states.put(s.entity, s);
            identityMap.put(s.key, s);
        }
        deletedInTransaction.clear();
        deletedObjects.clear();
        for (EntityState s : states.values()) {
            discardChanges(s);
            s.expired = true;
            bindRelationships(s, true);      // related objects and collections reload, unsaved changes to them are dropped
        }
    }

    /**
     * Puts an object's last loaded or flushed column values back into its changed fields: changes
     * not flushed by then belong to the rolled back transaction, and a later flush must not write them.
     */
    private void discardChanges(EntityState s) {
        for (int i : changedColumns(s)) {
            ColumnAttribute a = s.mapping.columnAttributes().get(i);
            Object kept = s.snapshot[i];
            if (kept == ColumnAttribute.NOT_LOADED) {
                a.set(s.entity, deferredHolder(new Object[] {s.entity}, a));
            } else {
                a.setValue(s.entity, kept);
            }
        }
    }

    // ---------------------------------------------------------------- object states

    /**
     * Adds a new object (INSERT at the next flush), and the related objects its save-update
     * cascades reach. Adding a tracked object again only adds new related objects. A detached
     * object (from a closed session) would be inserted again: bring it back with {@link #merge} instead.
     */
    public void add(Object entity) {
        ensureActive();
        Objects.requireNonNull(entity, "entity");
        EntityState state = states.get(entity);
        if (state != null) {
            deletedObjects.remove(state);
            cascadeAdd(state);           // new related objects join now (the flush would add them anyway)
            return;
        }
        EntityMapping<?> mapping = Mapper.mapping(entity.getClass());
        if (mapping.isReadOnly()) {
            throw new OrmException(entity.getClass().getSimpleName() + " is a read-only mapping (a record or a class with"
                    + " final fields); it can be queried but not added to a session");
        }
        EntityKey key = mapping.keyOf(mapping.read(entity));
        if (key != null && identityMap.containsKey(key) && identityMap.get(key).entity != entity) {
            throw new OrmException("another " + key + " is already in this session; use merge() to copy a detached object onto it");
        }
        state = new EntityState(mapping, entity, EntityState.Status.PENDING);
        states.put(entity, state);
        newObjects.add(state);
        if (mapping.hasRelationships()) {
            bindRelationships(state, false);
            cascadeAdd(state);
        }
    }

    /** Adds several new objects, in order. */
    public void addAll(Collection<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    /** Marks a persistent object for DELETE at the next flush; a pending object is simply forgotten. */
    public void delete(Object entity) {
        ensureActive();
        EntityState state = states.get(Objects.requireNonNull(entity, "entity"));
        if (state == null) {
            throw new OrmException(describe(entity) + " is not in this session; merge() it first");
        }
        if (state.status == EntityState.Status.PENDING) {
            newObjects.remove(state);
            states.remove(entity);
            return;
        }
        deletedObjects.add(state);
    }

    /** Forgets an object without touching the database; it becomes detached. */
    public void expunge(Object entity) {
        ensureOpen();
        EntityState state = states.remove(entity);
        if (state != null) {
            newObjects.remove(state);
            deletedObjects.remove(state);
            if (state.key != null) {
                identityMap.remove(state.key);
            }
        }
    }

    /**
     * Forgets every object without touching the database (they become detached); pending changes
     * are dropped. Useful to bound memory in long batch loops: the identity map holds its objects strongly.
     */
    public void expungeAll() {
        ensureOpen();
        states.clear();
        identityMap.clear();
        newObjects.clear();
        deletedObjects.clear();
    }

    /** Whether this session tracks the object (pending or persistent). */
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /** Marks an object to be reloaded by the next get, query or refresh that touches it. */
    public void expire(Object entity) {
        persistentState(entity, "expire").expired = true;
    }

    /** Expires every persistent object of the session. */
    public void expireAll() {
        ensureOpen();
        for (EntityState s : states.values()) {
            if (s.status == EntityState.Status.PERSISTENT) {
                s.expired = true;
            }
        }
    }

    /** Whether the object's fields may be stale (expired and not reloaded since). */
    public boolean isExpired(Object entity) {
        EntityState s = states.get(entity);
        return s != null && s.expired;
    }

    /** Whether the object has changes the next flush would write (new, deleted, or changed columns). */
    public boolean isModified(Object entity) {
        EntityState s = states.get(entity);
        if (s == null) {
            return false;
        }
        return s.status == EntityState.Status.PENDING || deletedObjects.contains(s) || !changedColumns(s).isEmpty();
    }

    /** Reloads every column of a persistent object from the database now, discarding its unflushed changes. */
    public void refresh(Object entity) {
        EntityState state = persistentState(entity, "refresh");
        Row row = connection().execute(state.mapping.select().where(state.mapping.whereKey(state.key))).oneOrNull();
        if (row == null) {
            expunge(entity);
            throw new OrmException("cannot refresh " + state.key + ": its row in " + state.mapping.table().name() + " is gone");
        }
        apply(state, state.mapping.fromRow(row), false);
        bindRelationships(state, true);
    }

    /**
     * Copies the state of a (typically detached) object onto the session's persistent object with
     * the same key, loading it if needed, and returns that object; an object with no row yet is
     * copied into a new pending object. The argument itself is never attached.
     */
    public <T> T merge(T entity) {
        ensureActive();
        if (states.containsKey(entity)) {
            return entity;
        }
        @SuppressWarnings("unchecked")
        EntityMapping<T> mapping = (EntityMapping<T>) Mapper.mapping(entity.getClass());
        Object[] values = mapping.read(entity);
        EntityKey key = mapping.keyOf(values);
        if (key != null) {
            T persistent = get(mapping.entityClass(), key.single());
            if (persistent != null) {
                List<ColumnAttribute> attrs = mapping.columnAttributes();
                for (int i = 0; i < attrs.size(); i++) {
                    if (values[i] != ColumnAttribute.NOT_LOADED) {
                        attrs.get(i).setValue(persistent, values[i]);
                    }
                }
                return persistent;
            }
        }
        T copy = mapping.instantiate(values);
        add(copy);
        return copy;
    }

    // ---------------------------------------------------------------- loading

    /**
     * The object with this primary key (a List or array for composite keys), from the identity
     * map when present and not expired, else from the database; {@code null} when there is none.
     */
    public <T> T get(Class<T> entityClass, Object id) {
        ensureActive();
        EntityMapping<T> mapping = Mapper.mapping(entityClass);
        EntityKey key = mapping.keyOfIdentity(id);
        EntityState state = identityMap.get(key);
        if (state != null && !state.expired) {
            return deletedObjects.contains(state) ? null : entityClass.cast(state.entity);
        }
        List<T> found = load(mapping, mapping.select().where(mapping.whereKey(key)), List.of());
        if (found.isEmpty()) {
            if (state != null) {
                forgetDeleted(state);
            }
            return null;
        }
        return found.get(0);
    }

    /** Like {@link #get} but fails with a clear message when there is no such row. */
    public <T> T getOne(Class<T> entityClass, Object id) {
        T found = get(entityClass, id);
        if (found == null) {
            throw new org.tabula.error.NoResultException("no " + entityClass.getSimpleName() + " with primary key " + id
                    + " in " + Mapper.table(entityClass).name());
        }
        return found;
    }

    /** An entity query: {@code session.select(User.class).where(name.eq("ann")).all()}. */
    public <T> EntityQuery<T> select(Class<T> entityClass) {
        ensureActive();
        EntityMapping<T> mapping = Mapper.mapping(entityClass);
        return new EntityQuery<>(this, mapping, mapping.select());
    }

    /** SQLAlchemy's legacy spelling: {@code session.query(User.class).filterBy("name", "ann").first()}. */
    public <T> EntityQuery<T> query(Class<T> entityClass) {
        return select(entityClass);
    }

    /**
     * Runs a Core statement in this session's transaction (after autoflush). A bulk UPDATE or
     * DELETE of a mapped table keeps the identity map consistent: the objects of that table the
     * session holds are re-read afterwards (changed columns are synchronized, deleted rows leave
     * the session).
     *
     * <pre>{@code
     * Table users = Mapper.table(User.class);
     * Column<Integer> age = Mapper.column(User.class, "age");
     * session.execute(update(users).set(age, age.plus(1)).where(age.lt(18)));
     * }</pre>
     */
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    /** {@link #execute(Statement)} with values for named parameters ({@code text()} statements, bind params). */
    public Result execute(Statement statement, Map<String, ?> parameters) {
        ensureActive();
        autoflush();
        Table bulkTable = statement instanceof Update u ? u.table() : statement instanceof Delete d ? d.table() : null;
        Result result = connection().execute(statement, parameters);
        if (bulkTable != null) {
            synchronize(bulkTable);
        }
        return result;
    }

    /** Rows of a query, made into entities through the identity map (internal to {@link EntityQuery}). */
    <T> List<T> load(EntityMapping<T> mapping, Select select) {
        autoflush();
        // Values straight from JDBC (no Row per row); the arrays become the objects' snapshots.
        List<Object[]> rows = connection().fetch(select, Map.of(), values -> values);
        if (!mapping.isReadOnly()) {
            reserve(rows.size());
        }
        List<T> out = new ArrayList<>(rows.size());
        for (Object[] values : rows) {
            out.add(materialize(mapping, mapping.fromSelected(values)));
        }
        return out;
    }

    /**
     * Sizes the identity map (and the list of loaded states) for {@code more} new objects at once:
     * loading 100,000 rows otherwise spends a third of its time rehashing them as they double.
     */
    private void reserve(int more) {
        int needed = states.size() + more;
        if (more < 1024 || needed <= reserved) {
            return;
        }
        states.reserve(more);
        Map<EntityKey, EntityState> presizedIdentity = new HashMap<>((int) (needed / 0.75f) + 1);
        presizedIdentity.putAll(identityMap);
        identityMap = presizedIdentity;
        reserved = needed;
    }

    Result run(Select select) {
        autoflush();
        return connection().execute(select);
    }

    private <T> T materialize(EntityMapping<T> mapping, Object[] values) {
        if (mapping.isReadOnly()) {
            return mapping.instantiate(values, a -> Lazy.of(null));     // read models are not tracked
        }
        EntityKey key = mapping.keyOf(values);
        // One hash lookup per row: the new state takes its place in the identity map before its
        // object exists, and is dropped again if the key is already there.
        EntityState state = new EntityState(mapping, null, EntityState.Status.PERSISTENT);
        EntityState existing = key == null ? null : identityMap.putIfAbsent(key, state);
        if (existing != null) {
            if (existing.expired) {
                apply(existing, values, false);
                bindRelationships(existing, true);
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
            if (key != null) {
                identityMap.remove(key);
            }
            throw e;
        }
        state.entity = entity;
        state.snapshot = values;
        state.key = key;
        states.addLoaded(state);      // a new object: not hashed by identity until a lookup needs it
        bindRelationships(state, true);
        return entity;
    }

    /** An unloaded holder for a deferred column of {@code entityRef[0]}, loaded through this session. */
    private Lazy<?> deferredHolder(Object[] entityRef, ColumnAttribute attribute) {
        return Lazy.loading(attribute.qualifiedName(), this, s -> s.loadDeferred(entityRef[0], attribute));
    }

    /** Selects one deferred column of a persistent object (the loader behind its {@link Lazy} holder). */
    private Object loadDeferred(Object entity, ColumnAttribute attribute) {
        EntityState state = states.get(entity);
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new DetachedInstanceException("cannot load " + attribute.qualifiedName()
                    + ": its object is no longer in the session that loaded it");
        }
        Select one = Select.of(List.of(attribute.column())).from(state.mapping.table()).where(state.mapping.whereKey(state.key));
        Row row = connection().execute(one).oneOrNull();
        if (row == null) {
            throw new OrmException("cannot load " + attribute.qualifiedName() + " of " + state.key + ": its row is gone");
        }
        Object value = row.get(0);
        if (state.snapshot != null) {
            state.snapshot[state.mapping.indexOf(attribute)] = value;
        }
        return value;
    }

    /**
     * Writes loaded values into a tracked object. With {@code keepLocalChanges}, attributes the
     * user changed since the last load keep the user's value unless the database changed them too.
     */
    private void apply(EntityState state, Object[] values, boolean keepLocalChanges) {
        List<ColumnAttribute> attrs = state.mapping.columnAttributes();
        for (int i = 0; i < attrs.size(); i++) {
            ColumnAttribute a = attrs.get(i);
            if (keepLocalChanges && state.snapshot != null && same(state.snapshot[i], values[i])) {
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

    private void synchronize(Table table) {
        Map<EntityMapping<?>, List<EntityState>> held = new LinkedHashMap<>();
        for (EntityState s : identityMap.values()) {
            if (s.mapping.table() == table) {
                held.computeIfAbsent(s.mapping, m -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<EntityMapping<?>, List<EntityState>> e : held.entrySet()) {
            EntityMapping<?> mapping = e.getKey();
            List<EntityState> list = e.getValue();
            for (int from = 0; from < list.size(); from += IN_CHUNK) {
                List<EntityState> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
                Map<EntityKey, EntityState> byKey = new HashMap<>();
                List<Condition> keys = new ArrayList<>();
                for (EntityState s : chunk) {
                    byKey.put(s.key, s);
                    keys.add(mapping.whereKey(s.key));
                }
                Result rows = connection().execute(mapping.select().where(whereAnyKey(mapping, chunk, keys)));
                for (Row row : rows) {
                    Object[] values = mapping.fromRow(row);
                    EntityState s = byKey.remove(mapping.keyOf(values));
                    if (s != null) {
                        apply(s, values, true);
                    }
                }
                for (EntityState gone : byKey.values()) {
                    forgetDeleted(gone);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition whereAnyKey(EntityMapping<?> mapping, List<EntityState> states, List<Condition> keys) {
        if (mapping.primaryKey().size() == 1) {
            List<Object> ids = new ArrayList<>();
            for (EntityState s : states) {
                ids.add(s.key.values().get(0));
            }
            return ((Column) mapping.primaryKey().get(0).column()).in(ids);
        }
        return Sql.or(keys);
    }

    /** A row deleted behind the session's back (bulk delete): the object leaves the session. */
    private void forgetDeleted(EntityState state) {
        states.remove(state.entity);
        identityMap.remove(state.key);
        deletedObjects.remove(state);
        state.status = EntityState.Status.DELETED;
    }

    // ---------------------------------------------------------------- flush

    /** Runs {@code work} without autoflush (loads made to keep back references in sync while the user edits objects). */
    <T> T withoutAutoflush(Supplier<T> work) {
        boolean saved = suppressAutoflush;
        suppressAutoflush = true;
        try {
            return work.get();
        } finally {
            suppressAutoflush = saved;
        }
    }

    private void autoflush() {
        if (autoflush && !flushing && !suppressAutoflush) {
            flush();
        }
    }

    /**
     * Writes pending changes: INSERTs (parents before children, by the tables' foreign keys),
     * UPDATEs of changed columns only, then DELETEs (children first). Generated keys, client
     * defaults and server defaults are set on the objects. On failure the values the flush set
     * are undone, the transaction is rolled back, the session reset as by {@link #rollback()}, and
     * the exception rethrown; the session then refuses work with {@link PendingRollbackException}
     * until {@link #rollback()}.
     */
    public void flush() {
        ensureActive();
        if (flushing) {
            return;
        }
        flushing = true;
        RelationshipFlush plan;
        try {
            plan = hasRelationships() ? prepareRelationships() : null;
        } catch (RuntimeException | Error e) {
            flushing = false;
            throw e;
        }
        List<EntityState> inserts = new ArrayList<>(newObjects);
        List<EntityState> deletes = new ArrayList<>(deletedObjects);
        Map<Table, List<EntityState>> persistentByTable = new LinkedHashMap<>();
        boolean anyChange = !inserts.isEmpty() || !deletes.isEmpty() || (plan != null && !plan.isEmpty());
        for (EntityState s : states.values()) {
            if (s.status == EntityState.Status.PERSISTENT && !deletedObjects.contains(s)) {
                persistentByTable.computeIfAbsent(s.mapping.table(), t -> new ArrayList<>()).add(s);
                if (!anyChange && !changedColumns(s).isEmpty()) {
                    anyChange = true;
                }
            }
        }
        if (!anyChange) {
            flushing = false;
            return;
        }
        List<Runnable> undo = new ArrayList<>();
        List<EntityState> updated = new ArrayList<>();
        try {
            Connection conn = connection();
            List<Table> order = tableOrder(inserts, states.values(), deletes);
            for (Table table : order) {
                insertAll(conn, table, inserts, undo, plan);
                for (EntityState s : persistentByTable.getOrDefault(table, List.of())) {
                    if (plan != null) {
                        plan.applyForeignKeys(s, undo);
                    }
                    List<Integer> changed = changedColumns(s);
                    if (!changed.isEmpty()) {
                        updateOne(conn, s, changed, undo);
                        updated.add(s);
                    }
                }
            }
            if (plan != null) {
                plan.writeLinks(conn);
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                deleteAll(conn, order.get(i), deletes);
            }
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            flushing = false;
            try {
                if (connection != null) {
                    connection.rollback();
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            } finally {
                releaseConnection();
                resetAfterRollback();
                pendingRollback.enter(e);
            }
            throw e;
        }
        flushing = false;
        for (EntityState s : inserts) {
            s.snapshot = s.mapping.read(s.entity);
            s.key = s.mapping.keyOf(s.snapshot);
            s.status = EntityState.Status.PERSISTENT;
            identityMap.put(s.key, s);
            insertedInTransaction.add(s);
        }
        // One remove per object: Set.removeAll(list) of equal sizes calls list.contains per element (quadratic).
        for (EntityState s : inserts) {
            newObjects.remove(s);
        }
        for (EntityState s : updated) {
            s.snapshot = s.mapping.read(s.entity);
        }
        for (EntityState s : deletes) {
            s.status = EntityState.Status.DELETED;
            states.remove(s.entity);
            identityMap.remove(s.key);
            deletedInTransaction.add(s);
        }
        for (EntityState s : deletes) {
            deletedObjects.remove(s);
        }
        if (plan != null) {
            for (EntityState s : states.values()) {
                clearRelationshipChanges(s);
            }
            for (EntityState s : deletes) {
                clearRelationshipChanges(s);
            }
        }
        if (!deletes.isEmpty()) {
            reflectDatabaseDeletes(deletes);
        }
    }

    private List<Integer> changedColumns(EntityState s) {
        if (s.snapshot == null) {
            return List.of();
        }
        List<ColumnAttribute> attrs = s.mapping.columnAttributes();
        List<Integer> changed = null;
        for (int i = 0; i < attrs.size(); i++) {
            if (!same(s.snapshot[i], attrs.get(i).value(s.entity))) {
                if (changed == null) {
                    changed = new ArrayList<>(2);
                }
                changed.add(i);
            }
        }
        return changed == null ? List.of() : changed;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.deepEquals(a, b);
    }

    /** Tables touched by the flush, parents before children (a cycle keeps first-touched order). */
    private static List<Table> tableOrder(List<EntityState> inserts, Collection<EntityState> updates, List<EntityState> deletes) {
        // updates: every tracked object, so that tables whose foreign keys change are placed after their parents
        LinkedHashSet<Table> tables = new LinkedHashSet<>();
        for (EntityState s : inserts) {
            tables.add(s.mapping.table());
        }
        for (EntityState s : updates) {
            tables.add(s.mapping.table());
        }
        for (EntityState s : deletes) {
            tables.add(s.mapping.table());
        }
        List<Table> order = new ArrayList<>();
        Set<Table> placed = new java.util.HashSet<>();
        List<Table> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table t : remaining) {
                boolean ready = true;
                for (ForeignKey fk : t.foreignKeys()) {
                    Table parent = fk.targetTable();
                    if (parent != t && tables.contains(parent) && !placed.contains(parent)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0);
            }
            remaining.remove(next);
            placed.add(next);
            order.add(next);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void insertAll(Connection conn, Table table, List<EntityState> inserts, List<Runnable> undo, RelationshipFlush plan) {
        List<EntityState> batch = new ArrayList<>();
        List<Map<String, Object>> batchRows = new ArrayList<>();
        Set<String> batchColumns = null;
        // New objects whose only database-made value is a single generated key are inserted as a
        // batch that returns the keys, unless a row may reference another row of the same table
        // (its foreign key would be taken before the referenced row's key is known).
        Column<?> generatedKey = table.primaryKey().size() == 1 && table.primaryKey().get(0).isAutoIncrement()
                ? table.primaryKey().get(0) : null;
        boolean batchesKeys = generatedKey != null && !referencesItself(table);
        List<EntityState> keyed = new ArrayList<>();
        List<Map<String, Object>> keyedRows = new ArrayList<>();
        Set<String> keyedColumns = null;
        for (EntityState s : inserts) {
            if (s.mapping.table() != table) {
                continue;
            }
            if (plan != null) {
                plan.applyForeignKeys(s, undo);
            }
            List<ColumnAttribute> attrs = s.mapping.columnAttributes();
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            List<ColumnAttribute> fetch = new ArrayList<>();
            for (ColumnAttribute a : attrs) {
                Column<?> c = a.column();
                Object v = a.value(s.entity);
                if (v == ColumnAttribute.NOT_LOADED) {
                    throw new OrmException("cannot insert " + describe(s.entity) + ": " + a.qualifiedName()
                            + " is a Lazy holder that was never loaded; give it a value with Lazy.of(...)");
                }
                if (c.isAutoIncrement() && isUnsetNumber(a, v)) {
                    fetch.add(a);
                    continue;
                }
                if (v == null && c.defaultValue() != null) {
                    v = c.defaultValue().get();
                    setWithUndo(a, s.entity, v, undo);
                }
                if (v == null && c.hasServerValue()) {
                    fetch.add(a);
                    continue;
                }
                row.put(c, v);
            }
            if (batchesKeys && fetch.size() == 1 && fetch.get(0).column() == generatedKey && !row.isEmpty()) {
                // Only the generated key comes back: rows of the same columns go out together.
                runBatch(conn, table, batchRows);
                batch.clear();
                batchRows.clear();
                batchColumns = null;
                Map<String, Object> named = new LinkedHashMap<>();
                row.forEach((c, v) -> named.put(c.name(), v));
                if (keyedColumns != null && !keyedColumns.equals(named.keySet())) {
                    runKeyedBatch(conn, table, generatedKey, keyed, keyedRows, undo);
                }
                keyedColumns = named.keySet();
                keyed.add(s);
                keyedRows.add(named);
                continue;
            }
            runKeyedBatch(conn, table, generatedKey, keyed, keyedRows, undo);
            keyedColumns = null;
            if (fetch.isEmpty()) {
                Map<String, Object> named = new LinkedHashMap<>();
                row.forEach((c, v) -> named.put(c.name(), v));
                if (batchColumns != null && !batchColumns.equals(named.keySet())) {
                    runBatch(conn, table, batchRows);
                    batch.clear();
                    batchRows.clear();
                }
                batchColumns = named.keySet();
                batch.add(s);
                batchRows.add(named);
                continue;
            }
            runBatch(conn, table, batchRows);
            batch.clear();
            batchRows.clear();
            batchColumns = null;
            Insert insert = Insert.into(table);
            for (Map.Entry<Column<?>, Object> e : row.entrySet()) {
                insert = insert.set((Column) e.getKey(), e.getValue());
            }
            if (row.isEmpty()) {
                throw new OrmException("cannot insert " + describe(s.entity) + ": every column of " + table.name()
                        + " is generated by the database; give at least one value");
            }
            Dialect dialect = conn.dialect();
            Expression<?>[] fetched = new Expression<?>[fetch.size()];
            for (int i = 0; i < fetched.length; i++) {
                fetched[i] = fetch.get(i).column();
            }
            if (dialect.supportsReturning(Dialect.ReturningSupport.INSERT)) {
                Row back = conn.execute(insert.returning(fetched)).one();
                for (ColumnAttribute a : fetch) {
                    setWithUndo(a, s.entity, back.get(a.column()), undo);
                }
            } else {
                Row key = conn.execute(insert).insertedPrimaryKey();
                List<ColumnAttribute> rest = new ArrayList<>();
                for (ColumnAttribute a : fetch) {
                    if (a.column().isPrimaryKey() && key != null) {
                        setWithUndo(a, s.entity, key.get(a.column()), undo);
                    } else {
                        rest.add(a);
                    }
                }
                if (!rest.isEmpty()) {
                    EntityKey entityKey = s.mapping.keyOf(s.mapping.read(s.entity));
                    if (entityKey == null) {
                        throw new OrmException("cannot read back the server defaults of " + describe(s.entity)
                                + ": its primary key is unknown after the insert");
                    }
                    Expression<?>[] cols = new Expression<?>[rest.size()];
                    for (int i = 0; i < cols.length; i++) {
                        cols[i] = rest.get(i).column();
                    }
                    Row back = conn.execute(Select.of(Arrays.asList(cols)).from(table).where(s.mapping.whereKey(entityKey))).one();
                    for (ColumnAttribute a : rest) {
                        setWithUndo(a, s.entity, back.get(a.column()), undo);
                    }
                }
            }
        }
        runBatch(conn, table, batchRows);
        runKeyedBatch(conn, table, generatedKey, keyed, keyedRows, undo);
    }

    private static boolean isUnsetNumber(ColumnAttribute a, Object v) {
        // Kotlin `var id: Long = 0` and Java `long id`: zero means "not assigned yet" for generated keys.
        return v == null || (a.javaType().isPrimitive() && v instanceof Number n && n.longValue() == 0);
    }

    private static boolean referencesItself(Table table) {
        for (org.tabula.schema.ForeignKey fk : table.foreignKeys()) {
            if (fk.targetTable() == table) {
                return true;
            }
        }
        return false;
    }

    private static void runKeyedBatch(Connection conn, Table table, Column<?> key, List<EntityState> states,
                                      List<Map<String, Object>> rows, List<Runnable> undo) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> keys = conn.executeManyReturningKeys(Insert.into(table), rows, key);
        for (int i = 0; i < states.size(); i++) {
            EntityState s = states.get(i);
            for (ColumnAttribute a : s.mapping.columnAttributes()) {
                if (a.column() == key) {
                    setWithUndo(a, s.entity, keys.get(i), undo);
                    break;
                }
            }
        }
        states.clear();
        rows.clear();
    }

    private static void runBatch(Connection conn, Table table, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            conn.execute(Insert.into(table), new ArrayList<>(rows));
        }
    }

    private static void setWithUndo(ColumnAttribute a, Object entity, Object value, List<Runnable> undo) {
        Object old = a.isDeferred() ? a.value(entity) : a.get(entity);
        a.setValue(entity, value);
        undo.add(() -> {
            if (old != ColumnAttribute.NOT_LOADED) {
                a.setValue(entity, old);
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void updateOne(Connection conn, EntityState s, List<Integer> changed, List<Runnable> undo) {
        List<ColumnAttribute> attrs = s.mapping.columnAttributes();
        Update update = Update.of(s.mapping.table());
        for (int i : changed) {
            ColumnAttribute a = attrs.get(i);
            if (a.column().isPrimaryKey()) {
                throw new OrmException("the primary key " + a.qualifiedName() + " of " + s.key
                        + " was changed; delete the object and add a new one instead");
            }
            update = update.set((Column) a.column(), a.value(s.entity));
        }
        for (int i = 0; i < attrs.size(); i++) {
            ColumnAttribute a = attrs.get(i);
            Supplier<?> onUpdate = a.column().onUpdate();
            if (onUpdate != null && !changed.contains(i)) {
                Object v = onUpdate.get();
                setWithUndo(a, s.entity, v, undo);
                update = update.set((Column) a.column(), v);
            }
        }
        long count = conn.execute(update.where(s.mapping.whereKey(s.key))).rowCount();
        if (count == 0) {
            throw new StaleDataException("UPDATE of " + s.key + " in " + s.mapping.table().name()
                    + " matched no row: it was deleted since it was loaded");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void deleteAll(Connection conn, Table table, List<EntityState> deletes) {
        List<EntityState> mine = new ArrayList<>();
        for (EntityState s : deletes) {
            if (s.mapping.table() == table) {
                mine.add(s);
            }
        }
        for (int from = 0; from < mine.size(); from += IN_CHUNK) {
            List<EntityState> chunk = mine.subList(from, Math.min(mine.size(), from + IN_CHUNK));
            EntityMapping<?> mapping = chunk.get(0).mapping;
            List<Condition> keys = new ArrayList<>();
            for (EntityState s : chunk) {
                keys.add(s.mapping.whereKey(s.key));
            }
            long count = conn.execute(Delete.from(table).where(whereAnyKey(mapping, chunk, keys))).rowCount();
            if (count != chunk.size()) {
                throw new StaleDataException("DELETE from " + table.name() + " expected to remove " + chunk.size()
                        + " row(s) but removed " + count + ": some were deleted since they were loaded");
            }
        }
    }

    // ---------------------------------------------------------------- relationships

    private boolean hasRelationships() {
        for (EntityState s : states.values()) {
            if (s.mapping.hasRelationships()) {
                return true;
            }
        }
        for (EntityState s : deletedObjects) {
            if (s.mapping.hasRelationships()) {
                return true;
            }
        }
        return false;
    }

    /** Binds the relationship holders of a tracked object to it; {@code unload} makes them load through this session. */
    private void bindRelationships(EntityState state, boolean unload) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            RelationHolder h = r.holder(state.entity);
            if (unload) {
                h.unload(this);
            }
        }
    }

    private void clearRelationshipChanges(EntityState state) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            RelationHolder holder = RelationHolder.of(r.get(state.entity));
            if (holder != null) {
                holder.clearChanges();
            }
        }
    }

    /** Adds the related objects reachable through save-update cascades (those already loaded). */
    private void cascadeAdd(EntityState state) {
        if (!state.mapping.hasRelationships()) {
            return;
        }
        for (RelationshipAttribute r : state.mapping.relationships()) {
            if (!r.cascade().contains(Cascade.SAVE_UPDATE)) {
                continue;
            }
            RelationHolder holder = RelationHolder.of(r.get(state.entity));
            if (holder != null) {
                for (Object related : new ArrayList<>(holder.loadedValues())) {
                    if (!states.containsKey(related) && Mapper.isMapped(related.getClass())) {
                        add(related);
                    }
                }
            }
        }
    }

    /**
     * Loads one relationship of a persistent object (the loader behind unloaded {@link Ref} and
     * {@link RelatedList} holders): an object or null for to-one, a list for to-many.
     */
    Object loadRelationship(Object owner, RelationshipAttribute attr) {
        ensureOpen();
        EntityState state = states.get(owner);
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new DetachedInstanceException("cannot load " + attr.qualifiedName()
                    + ": its object is no longer in the session that loaded it");
        }
        if (attr.loading() == Loading.RAISE || (state.raise != null && state.raise.contains(attr))) {
            throw new OrmException(attr.qualifiedName() + " is not loaded and lazy loading it is refused (RAISE);"
                    + " load it with the query: options(selectIn(\"" + attr.name() + "\")) or joined(...)");
        }
        autoflush();
        if (attr.kind() == RelationshipAttribute.Kind.MANY_TO_ONE) {
            Object fk = attr.localForeignKey().value(owner);
            return fk == null ? null : get(attr.targetClass(), fk);
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

    /** Rows of an entity query with loading options: joined relationships ride along, select-in ones follow. */
    <T> List<T> load(EntityMapping<T> mapping, Select select, List<LoadOption> options) {
        if (mapping.isReadOnly() || !mapping.hasRelationships()) {
            return load(mapping, select);
        }
        autoflush();
        Map<RelationshipAttribute, Loading> strategy = new LinkedHashMap<>();
        Map<RelationshipAttribute, List<LoadOption>> nested = new LinkedHashMap<>();
        for (RelationshipAttribute r : mapping.relationships()) {
            strategy.put(r, r.loading());
        }
        for (LoadOption o : options) {
            RelationshipAttribute r = mapping.relationship(o.head());
            LoadOption tail = o.tail();
            if (tail == null) {
                strategy.put(r, o.loading());
            } else {
                if (strategy.get(r) == Loading.SELECT || strategy.get(r) == Loading.RAISE) {
                    strategy.put(r, Loading.SELECT_IN);
                }
                nested.computeIfAbsent(r, k -> new ArrayList<>()).add(tail);
            }
        }
        boolean limited = select.limit() != null || select.offset() != null;
        List<RelationshipAttribute> joined = new ArrayList<>();
        List<RelationshipAttribute> selectIn = new ArrayList<>();
        List<RelationshipAttribute> raise = new ArrayList<>();
        for (Map.Entry<RelationshipAttribute, Loading> e : strategy.entrySet()) {
            RelationshipAttribute r = e.getKey();
            switch (e.getValue()) {
                case JOINED:
                    if (r.isCollection() && limited) {
                        selectIn.add(r);     // a LIMIT would cut the joined rows of a collection
                    } else {
                        joined.add(r);
                    }
                    break;
                case SELECT_IN:
                    selectIn.add(r);
                    break;
                case RAISE:
                    raise.add(r);
                    break;
                default:
                    break;
            }
        }
        Select statement = select;
        int[] offsets = new int[joined.size()];
        int width = mapping.select().selections().size();
        for (int i = 0; i < joined.size(); i++) {
            offsets[i] = width;
            statement = joined.get(i).joined(statement, "j" + i + "_" + joined.get(i).name());
            width += joined.get(i).target().select().selections().size();
        }
        Result result = connection().execute(statement);
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<T> out = new ArrayList<>();
        List<Map<Object, List<Object>>> joinedValues = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            joinedValues.add(new IdentityHashMap<>());
        }
        for (Row row : result) {
            T parent = materialize(mapping, mapping.fromRow(row));
            boolean first = seen.put(parent, Boolean.TRUE) == null;
            if (first) {
                out.add(parent);
            }
            for (int i = 0; i < joined.size(); i++) {
                RelationshipAttribute r = joined.get(i);
                RelationHolder h = r.holder(parent);
                if (h.isLoaded() && !joinedValues.get(i).containsKey(parent)) {
                    continue;      // loaded before this query (maybe with unflushed changes): keep it
                }
                List<Object> children = joinedValues.get(i).computeIfAbsent(parent, k -> new ArrayList<>());
                Object[] values = r.target().fromRow(row, offsets[i]);
                if (r.target().keyOf(values) == null) {
                    continue;      // no related row (LEFT OUTER JOIN)
                }
                Object child = materialize(r.target(), values);
                if (!containsSame(children, child)) {
                    children.add(child);
                }
            }
        }
        for (int i = 0; i < joined.size(); i++) {
            RelationshipAttribute r = joined.get(i);
            List<Object> allChildren = new ArrayList<>();
            for (Map.Entry<Object, List<Object>> e : joinedValues.get(i).entrySet()) {
                RelationHolder h = r.holder(e.getKey());
                h.populate(r.isCollection() ? e.getValue() : e.getValue().isEmpty() ? null : e.getValue().get(0));
                allChildren.addAll(e.getValue());
            }
            applyNested(r, allChildren, nested.getOrDefault(r, List.of()));
        }
        for (RelationshipAttribute r : selectIn) {
            selectInLoad(r, new ArrayList<>(out), nested.getOrDefault(r, List.of()));
        }
        if (!raise.isEmpty()) {
            for (T parent : out) {
                EntityState s = states.get(parent);
                if (s != null) {
                    if (s.raise == null) {
                        s.raise = new java.util.HashSet<>();
                    }
                    s.raise.addAll(raise);
                }
            }
        }
        return out;
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
        List<Object> distinctOwners = new ArrayList<>();
        Map<Object, Boolean> seenOwner = new IdentityHashMap<>();
        for (Object owner : owners) {
            if (seenOwner.put(owner, Boolean.TRUE) != null) {
                continue;
            }
            RelationHolder h = r.holder(owner);
            if (h.isLoaded()) {
                continue;
            }
            distinctOwners.add(owner);
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
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            for (Row row : connection().execute(r.selectFor(chunk))) {
                Object[] values = target.fromRow(row);
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

    /** What a flush writes for relationships: foreign keys taken from related objects, and link rows. */
    private final class RelationshipFlush {
        /** child -> (foreign key attribute -> parent object or null), in the order found. */
        final Map<Object, Map<ColumnAttribute, Object>> foreignKeys = new IdentityHashMap<>();
        final Map<List<Object>, Object[]> linkInserts = new LinkedHashMap<>();
        final Map<List<Object>, Object[]> linkDeletes = new LinkedHashMap<>();
        final List<Object[]> linkPurges = new ArrayList<>();    // {link column, owner}

        boolean isEmpty() {
            return foreignKeys.isEmpty() && linkInserts.isEmpty() && linkDeletes.isEmpty() && linkPurges.isEmpty();
        }

        void assign(Object child, ColumnAttribute fk, Object parent) {
            foreignKeys.computeIfAbsent(child, k -> new LinkedHashMap<>()).put(fk, parent);
        }

        void clear(Object child, ColumnAttribute fk) {
            foreignKeys.computeIfAbsent(child, k -> new LinkedHashMap<>()).putIfAbsent(fk, null);
        }

        boolean hasParent(Object child, ColumnAttribute fk) {
            Map<ColumnAttribute, Object> m = foreignKeys.get(child);
            return m != null && m.get(fk) != null;
        }

        /** A link row between {@code owner} and {@code related}; both directions of a many-to-many meet in one key. */
        void link(RelationshipAttribute r, Object owner, Object related, boolean insert) {
            boolean forward = r.linkSource().name().compareTo(r.linkTarget().name()) <= 0;
            Object a = forward ? owner : related;
            Object b = forward ? related : owner;
            Column<?> ca = forward ? r.linkSource() : r.linkTarget();
            Column<?> cb = forward ? r.linkTarget() : r.linkSource();
            List<Object> key = List.of(r.link(), ca, new IdentityKey(a), cb, new IdentityKey(b));
            Object[] op = {r.link(), ca, a, cb, b};
            if (insert) {
                if (linkDeletes.remove(key) == null) {
                    linkInserts.put(key, op);
                }
            } else if (linkInserts.remove(key) == null) {
                linkDeletes.put(key, op);
            }
        }

        /** Sets the foreign keys of one object from its related objects, right before it is written. */
        void applyForeignKeys(EntityState cs, List<Runnable> undo) {
            Object child = cs.entity;
            Map<ColumnAttribute, Object> assignments = foreignKeys.get(child);
            if (assignments == null || deletedObjects.contains(cs)) {
                return;
            }
            {
                for (Map.Entry<ColumnAttribute, Object> fk : assignments.entrySet()) {
                    Object parent = fk.getValue();
                    Object value = null;
                    if (parent != null) {
                        value = primaryKeyOf(parent);
                        if (value == null) {
                            throw new OrmException("cannot set " + fk.getKey().qualifiedName() + " of " + describe(child)
                                    + ": its related " + describe(parent) + " has no primary key yet (is it in the session? a cycle?)");
                        }
                    }
                    if (!same(fk.getKey().value(child), value)) {
                        setWithUndo(fk.getKey(), child, value, undo);
                    }
                }
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void writeLinks(Connection conn) {
            for (Object[] purge : linkPurges) {
                Column c = (Column) purge[0];
                conn.execute(Delete.from(c.table()).where(c.eq(primaryKeyOf(purge[1]))));
            }
            for (Object[] op : linkDeletes.values()) {
                Column a = (Column) op[1];
                Column b = (Column) op[3];
                Object ka = primaryKeyOf(op[2]);
                Object kb = primaryKeyOf(op[4]);
                if (ka != null && kb != null) {
                    conn.execute(Delete.from((Table) op[0]).where(a.eq(ka), b.eq(kb)));
                }
            }
            // One batch (executemany) per link table and column pair.
            Map<List<Object>, List<Map<String, Object>>> batches = new LinkedHashMap<>();
            for (Object[] op : linkInserts.values()) {
                Object ka = primaryKeyOf(op[2]);
                Object kb = primaryKeyOf(op[4]);
                if (ka == null || kb == null) {
                    throw new OrmException("cannot link " + describe(op[2]) + " and " + describe(op[4]) + " in "
                            + ((Table) op[0]).name() + ": one of them was not saved (add it to the session)");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(((Column) op[1]).name(), ka);
                row.put(((Column) op[3]).name(), kb);
                batches.computeIfAbsent(List.of(op[0], op[1], op[3]), k -> new ArrayList<>()).add(row);
            }
            for (Map.Entry<List<Object>, List<Map<String, Object>>> e : batches.entrySet()) {
                conn.execute(Insert.into((Table) e.getKey().get(0)), e.getValue());
            }
        }
    }

    /** Identity (not equals) of an object, as a map key. */
    private record IdentityKey(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey k && k.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    private static Object primaryKeyOf(Object entity) {
        return Mapper.mapping(entity.getClass()).primaryKey().get(0).value(entity);
    }

    /** Cascades, orphans and foreign keys from the relationship changes since the last flush. */
    private RelationshipFlush prepareRelationships() {
        RelationshipFlush plan = new RelationshipFlush();
        for (EntityState s : new ArrayList<>(states.values())) {
            if (!deletedObjects.contains(s)) {
                cascadeAdd(s);
            }
        }
        Map<Object, RelationshipAttribute> orphanCandidates = new IdentityHashMap<>();
        for (EntityState s : new ArrayList<>(states.values())) {
            if (!s.mapping.hasRelationships() || deletedObjects.contains(s)) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                RelationHolder holder = RelationHolder.of(r.get(s.entity));
                if (holder == null) {
                    continue;
                }
                switch (r.kind()) {
                    case MANY_TO_ONE: {
                        Ref<?> ref = holder.ref();
                        if (ref.isChanged()) {
                            plan.assign(s.entity, r.localForeignKey(), ref.peek());
                        }
                        break;
                    }
                    case ONE_TO_ONE: {
                        Ref<?> ref = holder.ref();
                        if (ref.isChanged()) {
                            Object old = ref.original();
                            if (old != null && old != ref.peek()) {
                                plan.clear(old, r.remoteForeignKey());
                                if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
                                    orphanCandidates.put(old, r);
                                }
                            }
                            if (ref.peek() != null) {
                                plan.assign(ref.peek(), r.remoteForeignKey(), s.entity);
                            }
                        }
                        break;
                    }
                    case ONE_TO_MANY: {
                        RelatedList<?> list = holder.list();
                        for (Object removed : list.removed()) {
                            plan.clear(removed, r.remoteForeignKey());
                            if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
                                orphanCandidates.put(removed, r);
                            }
                        }
                        for (Object added : list.added()) {
                            plan.assign(added, r.remoteForeignKey(), s.entity);
                        }
                        if (r.cascade().contains(Cascade.DELETE_ORPHAN)) {
                            for (Object discarded : list.discarded()) {
                                EntityState ds = states.get(discarded);
                                if (ds != null && ds.status == EntityState.Status.PENDING) {
                                    orphanCandidates.put(discarded, r);     // never saved: simply not inserted
                                }
                            }
                        }
                        break;
                    }
                    default: {
                        RelatedList<?> list = holder.list();
                        for (Object added : list.added()) {
                            plan.link(r, s.entity, added, true);
                        }
                        for (Object removed : list.removed()) {
                            plan.link(r, s.entity, removed, false);
                        }
                    }
                }
            }
        }
        for (Map.Entry<Object, RelationshipAttribute> e : orphanCandidates.entrySet()) {
            Object orphan = e.getKey();
            if (!plan.hasParent(orphan, e.getValue().remoteForeignKey()) && states.containsKey(orphan)) {
                delete(orphan);
            }
        }
        // Delete cascades (and nulling of children left behind), breadth first through the graph.
        List<EntityState> work = new ArrayList<>(deletedObjects);
        for (int i = 0; i < work.size(); i++) {
            EntityState s = work.get(i);
            if (!s.mapping.hasRelationships()) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                if (r.kind() == RelationshipAttribute.Kind.MANY_TO_ONE) {
                    continue;
                }
                RelationHolder h = r.holder(s.entity);
                if (r.kind() == RelationshipAttribute.Kind.MANY_TO_MANY) {
                    if (!r.passiveDeletes()) {
                        plan.linkPurges.add(new Object[] {r.linkSource(), s.entity});
                    }
                    continue;
                }
                if (!h.isLoaded() && r.passiveDeletes()) {
                    continue;          // the database's ON DELETE does it; reflected after the flush
                }
                List<Object> children = new ArrayList<>(h.loadAll());
                boolean cascadeDelete = r.cascade().contains(Cascade.DELETE);
                for (Object child : children) {
                    EntityState cs = states.get(child);
                    if (cs == null || deletedObjects.contains(cs)) {
                        continue;
                    }
                    if (cascadeDelete) {
                        delete(child);
                        if (cs.status == EntityState.Status.PERSISTENT) {
                            work.add(cs);
                        }
                    } else if (!r.passiveDeletes() && !plan.hasParent(child, r.remoteForeignKey())) {
                        plan.clear(child, r.remoteForeignKey());
                    }
                }
            }
        }
        plan.foreignKeys.values().removeIf(Map::isEmpty);
        return plan;
    }

    /**
     * After DELETEs: what the database's ON DELETE CASCADE / SET NULL did to rows whose objects
     * this session holds, applied to those objects (expunged as deleted / foreign key set to null).
     */
    private void reflectDatabaseDeletes(List<EntityState> deleted) {
        Map<Table, Set<Object>> gone = new HashMap<>();
        for (EntityState d : deleted) {
            if (d.key != null && d.key.values().size() == 1) {
                gone.computeIfAbsent(d.mapping.table(), t -> new java.util.HashSet<>()).add(d.key.values().get(0));
            }
        }
        // Rounds: a cascade may delete rows that other held rows reference in turn.
        while (!gone.isEmpty()) {
            Map<Table, Set<Object>> next = new HashMap<>();
            for (EntityState s : new ArrayList<>(states.values())) {
                if (s.status != EntityState.Status.PERSISTENT) {
                    continue;
                }
                for (ColumnAttribute a : s.mapping.columnAttributes()) {
                    ForeignKey fk = a.column().foreignKey();
                    Set<Object> keys = fk == null ? null : gone.get(fk.targetTable());
                    if (keys == null) {
                        continue;
                    }
                    Object value = a.value(s.entity);
                    if (value == null || !keys.contains(value)) {
                        continue;
                    }
                    if (fk.onDelete() == org.tabula.schema.ReferentialAction.CASCADE) {
                        forgetDeleted(s);
                        deletedInTransaction.add(s);       // a rollback brings the row, and so the object, back
                        if (s.key != null && s.key.values().size() == 1) {
                            next.computeIfAbsent(s.mapping.table(), t -> new java.util.HashSet<>()).add(s.key.values().get(0));
                        }
                        break;
                    } else if (fk.onDelete() == org.tabula.schema.ReferentialAction.SET_NULL) {
                        a.setValue(s.entity, null);
                        if (s.snapshot != null) {
                            s.snapshot[s.mapping.indexOf(a)] = null;
                        }
                    }
                }
            }
            gone = next;
        }
        forgetDeletedInRelationships();
    }

    /** Loaded references to deleted objects become null, loaded collections drop them. */
    private void forgetDeletedInRelationships() {
        Map<Object, Boolean> deleted = new IdentityHashMap<>();
        for (EntityState d : deletedInTransaction) {
            deleted.put(d.entity, Boolean.TRUE);
        }
        if (deleted.isEmpty()) {
            return;
        }
        for (EntityState s : states.values()) {
            if (!s.mapping.hasRelationships()) {
                continue;
            }
            for (RelationshipAttribute r : s.mapping.relationships()) {
                RelationHolder h = RelationHolder.of(r.get(s.entity));
                if (h == null || !h.isLoaded()) {
                    continue;
                }
                if (h.list() != null) {
                    h.list().forget(deleted);
                } else if (deleted.containsKey(h.ref().peek())) {
                    h.ref().populate(null);
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private EntityState persistentState(Object entity, String operation) {
        ensureOpen();
        EntityState state = states.get(Objects.requireNonNull(entity, "entity"));
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new OrmException("cannot " + operation + " " + describe(entity) + ": it is not a persistent object of this session"
                    + (state == null ? "" : " (it is pending; flush first)"));
        }
        return state;
    }

    private static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }

    private void ensureOpen() {
        if (closed) {
            throw new OrmException("this session is closed");
        }
    }

    /** Open, and not waiting for {@link #rollback()} after a failed flush. */
    private void ensureActive() {
        ensureOpen();
        pendingRollback.check();
    }
}
