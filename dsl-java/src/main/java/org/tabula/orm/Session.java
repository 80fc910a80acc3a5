package org.tabula.orm;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.TransactionOptions;
import org.tabula.error.TabulaException;
import org.tabula.result.Result;
import org.tabula.result.Row;
import org.tabula.schema.Table;
import org.tabula.statement.Select;
import org.tabula.statement.Statement;

/**
 * A unit of work over one database transaction: SQLAlchemy's {@code Session}. It keeps an
 * identity map (one object per primary key), tracks new, changed and deleted objects, and
 * writes them at {@link #flush()} in foreign-key order with only the changed columns. On an
 * engine with {@code autoCommitReads} the transaction begins at the first write: reads before it
 * run alone in auto-commit, as a {@code connect()} connection's do (see {@link #connection()}).
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

    // The parts of a session, in the order a commit uses them: the identity map (what is tracked),
    // the unit of work (what a flush writes, in which order), persistence and relationship
    // cascades (how), and the loader (rows to objects, for get, queries and lazy attributes).
    private final Engine engine;
    private final boolean ownsConnection;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private Connection connection;
    private boolean closed;
    private boolean suppressAutoflush;
    private LazyLoadPolicy lazyLoadPolicy;
    private final PendingRollback pendingRollback = new PendingRollback();
    private Class<?> lastAddedClass;
    private EntityMapping<?> lastAddedMapping;

    private final IdentityMap identity = new IdentityMap();
    private final Loader loader = new Loader(this, identity);
    private final RelationshipCascades relationships = new RelationshipCascades(this, identity);
    private final UnitOfWork work = new UnitOfWork(this, identity, loader, relationships);

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
     * On an engine with {@link org.tabula.engine.EngineOptions#autoCommitReads(Boolean) autoCommitReads}
     * (not replicated), the session's reads run in auto-commit until its first write (a flush that
     * writes, a write through this connection), which begins the transaction that commit ends.
     *
     * <pre>{@code
     * Connection conn = session.connection();   // the session's connection, in its transaction
     * }</pre>
     *
     * @return the session's connection
     * @throws PendingRollbackException after a failed flush, until {@link #rollback()}
     */
    public Connection connection() {
        ensureActive();
        if (connection == null) {
            // A session is a unit of work that may write: on a replicated engine it runs on the primary.
            // Elsewhere its transaction starts as a connect() connection's does: with autoCommitReads,
            // reads run alone in auto-commit (no ROLLBACK at close) until the first write leaves it.
            connection = engine.isReplicated() ? engine.begin() : engine.connect();
        }
        return connection;
    }

    /**
     * Flushes, then commits. Objects stay in the session (expired if {@code expireOnCommit}).
     *
     * <pre>{@code
     * session.add(new User("ann"));
     * session.commit();   // flush + COMMIT
     * }</pre>
     */
    public void commit() {
        ensureActive();
        boolean expired = work.flush(expireOnCommit);     // expires the objects in the flush's pass over them where it can
        if (connection != null) {
            connection.commit();
            releaseConnection();
        }
        work.committed();
        if (expireOnCommit && !expired) {
            expireAll();
        }
    }

    /**
     * Rolls back the transaction and discards pending changes: objects added since the last commit
     * are expunged, objects deleted since then return, and every persistent object is expired (its
     * fields are rewritten by the next get, query or refresh that touches it). Changed fields not
     * flushed yet get back their last loaded or flushed values, so no later flush writes them.
     * After a failed flush, this is what makes the session usable again.
     *
     * <pre>{@code
     * session.add(new User("ann"));
     * session.rollback();   // nothing written; pending objects are expunged
     * }</pre>
     */
    public void rollback() {
        ensureOpen();
        try {
            if (connection != null) {
                connection.rollback();
            }
        } finally {
            releaseConnection();
            work.rolledBack();
            pendingRollback.clear();
        }
    }

    /**
     * Runs {@code work} and commits; on any exception rolls back and rethrows it.
     *
     * <pre>{@code session.begin(s -> s.add(new User("ann")));}</pre>
     *
     * @param work what to do with this session
     */
    public void begin(SessionWork work) {
        inTransaction(s -> {
            work.run(s);
            return null;
        });
    }

    /**
     * Runs {@code work}, commits, and returns its result; on any exception rolls back and rethrows it.
     *
     * <pre>{@code long id = session.inTransaction(s -> { s.add(bob); s.flush(); return bob.id; });}</pre>
     *
     * @param <T> the result type
     * @param work what to do with this session
     * @return what {@code work} returns
     */
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
     *
     * <pre>{@code
     * Session session = sessions.openSession();
     * try {
     *     session.add(new User("ann"));
     *     session.commit();
     * } finally {
     *     session.close();   // rolls back what was not committed
     * }
     * }</pre>
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
            identity.clear();
            work.clear();
        }
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * <pre>{@code
     * boolean closed = session.isClosed();
     * }</pre>
     *
     * @return true once closed
     */
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
        work.rolledBack();
    }

    /**
     * A flush failed while writing (its values already undone): the whole transaction is rolled
     * back, the session reset as by {@link #rollback()}, and further work refused until rollback().
     */
    void abortFlush(Throwable e) {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        } finally {
            releaseConnection();
            work.rolledBack();
            pendingRollback.enter(e);
        }
    }

    // ---------------------------------------------------------------- object states

    /**
     * Adds a new object (INSERT at the next flush), and the related objects its save-update
     * cascades reach. Adding a tracked object again only adds new related objects. A detached
     * object (from a closed session) would be inserted again: bring it back with {@link #merge} instead.
     *
     * <pre>{@code
     * User ann = new User("ann");
     * session.add(ann);
     * session.flush();   // INSERT; ann.id is set
     * }</pre>
     *
     * @param entity the new (or detached) object
     */
    public void add(Object entity) {
        ensureActive();
        Objects.requireNonNull(entity, "entity");
        EntityState state = identity.stateOf(entity);
        if (state != null) {
            identity.deletedObjects().remove(state);
            relationships.cascadeAdd(state);     // new related objects join now (the flush would add them anyway)
            return;
        }
        EntityMapping<?> mapping = mappingOf(entity.getClass());
        if (mapping.isReadOnly()) {
            throw new OrmException(entity.getClass().getSimpleName() + " is a read-only mapping (a record or a class with"
                    + " final fields); it can be queried but not added to a session");
        }
        if (identity.hasKeys()) {      // else no object holds a key yet: nothing to clash with
            EntityKey key = mapping.keyOfObject(entity);
            if (key != null && identity.heldByOther(key, entity)) {
                throw new OrmException("another " + key + " is already in this session; use merge() to copy a detached object onto it");
            }
        }
        state = new EntityState(mapping, entity, EntityState.Status.PENDING);
        identity.track(entity, state);
        identity.newObjects().add(state);
        if (mapping.hasRelationships()) {
            loader.bindRelationships(state, false);
            relationships.cascadeAdd(state);
        }
    }

    /**
     * Adds several new objects, in order.
     *
     * <pre>{@code session.addAll(List.of(new User("ann"), new User("bob")));}</pre>
     *
     * @param entities the objects to add
     */
    public void addAll(Collection<?> entities) {
        ensureActive();
        identity.reserveNew(entities.size());
        for (Object e : entities) {
            add(e);
        }
    }

    /**
     * Marks a persistent object for DELETE at the next flush; a pending object is simply forgotten.
     *
     * <pre>{@code session.delete(session.getOne(User.class, id));}</pre>
     *
     * @param entity an object of this session
     */
    public void delete(Object entity) {
        ensureActive();
        EntityState state = identity.stateOf(Objects.requireNonNull(entity, "entity"));
        if (state == null) {
            throw new OrmException(EntityState.describe(entity) + " is not in this session; merge() it first");
        }
        if (state.status == EntityState.Status.PENDING) {
            identity.newObjects().remove(state);
            identity.untrack(entity);
            return;
        }
        identity.deletedObjects().add(state);
    }

    /**
     * Forgets an object without touching the database; it becomes detached.
     *
     * <pre>{@code
     * session.expunge(ann);   // no longer tracked: later changes are not flushed
     * }</pre>
     *
     * @param entity an object of this session
     */
    public void expunge(Object entity) {
        ensureOpen();
        EntityState state = identity.untrack(entity);
        if (state != null) {
            identity.newObjects().remove(state);
            identity.deletedObjects().remove(state);
            if (state.hasKey()) {
                identity.removeKey(state.key());
            }
        }
    }

    /**
     * Forgets every object without touching the database (they become detached); pending changes
     * are dropped. Useful to bound memory in long batch loops: the identity map holds its objects strongly.
     *
     * <pre>{@code
     * session.expungeAll();   // an empty identity map
     * }</pre>
     */
    public void expungeAll() {
        ensureOpen();
        identity.clear();
    }

    /**
     * Whether this session tracks the object (pending or persistent).
     *
     * <pre>{@code
     * boolean tracked = session.contains(ann);
     * }</pre>
     *
     * @param entity any object
     * @return true if the session tracks it
     */
    public boolean contains(Object entity) {
        return identity.contains(entity);
    }

    /**
     * Marks an object to be reloaded by the next get, query or refresh that touches it.
     *
     * <pre>{@code
     * session.expire(ann);   // the next access reloads it
     * }</pre>
     *
     * @param entity an object of this session
     */
    public void expire(Object entity) {
        persistentState(entity, "expire").expired = true;
    }

    /**
     * Expires every persistent object of the session.
     *
     * <pre>{@code
     * session.expireAll();   // every object reloads on next access
     * }</pre>
     */
    public void expireAll() {
        ensureOpen();
        for (EntityState s : identity.states()) {
            if (s.status == EntityState.Status.PERSISTENT) {
                s.expired = true;
            }
        }
    }

    /**
     * Whether the object's fields may be stale (expired and not reloaded since).
     *
     * <pre>{@code
     * boolean stale = session.isExpired(ann);
     * }</pre>
     *
     * @param entity an object of this session
     * @return true if expired and not reloaded
     */
    public boolean isExpired(Object entity) {
        EntityState s = identity.stateOf(entity);
        return s != null && s.expired;
    }

    /**
     * Whether the object has changes the next flush would write (new, deleted, or changed columns).
     *
     * <pre>{@code
     * ann.name = "Ann";
     * boolean changed = session.isModified(ann);   // true until the next flush
     * }</pre>
     *
     * @param entity an object of this session
     * @return true if the next flush would write it
     */
    public boolean isModified(Object entity) {
        EntityState s = identity.stateOf(entity);
        if (s == null) {
            return false;
        }
        return s.status == EntityState.Status.PENDING || identity.isDeleted(s) || !s.changedColumns().isEmpty();
    }

    /**
     * Reloads every column of a persistent object from the database now, discarding its unflushed changes.
     *
     * <pre>{@code session.refresh(user);   // SELECT by primary key; unflushed changes are lost}</pre>
     *
     * @param entity a persistent object of this session
     */
    public void refresh(Object entity) {
        EntityState state = persistentState(entity, "refresh");
        Row row = connection().execute(state.mapping.select().where(state.mapping.whereKey(state.key()))).oneOrNull();
        if (row == null) {
            expunge(entity);
            throw new OrmException("cannot refresh " + state.key() + ": its row in " + state.mapping.table().name() + " is gone");
        }
        loader.apply(state, state.mapping.fromRow(row), false);
        loader.bindRelationships(state, true);
    }

    /**
     * Copies the state of a (typically detached) object onto the session's persistent object with
     * the same key, loading it if needed, and returns that object; an object with no row yet is
     * copied into a new pending object. The argument itself is never attached.
     *
     * <pre>{@code User attached = session.merge(detached);   // attached != detached}</pre>
     *
     * @param <T> the entity type
     * @param entity the object whose state is copied
     * @return the session's object with that state
     */
    public <T> T merge(T entity) {
        ensureActive();
        if (identity.contains(entity)) {
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
     *
     * <pre>{@code User ann = session.get(User.class, 1L);}</pre>
     *
     * @param <T> the entity type
     * @param entityClass the mapped class
     * @param id the primary key value (a List or array for a composite key)
     * @return the object, or {@code null}
     */
    public <T> @Nullable T get(Class<T> entityClass, Object id) {
        ensureActive();
        EntityMapping<T> mapping = Mapper.mapping(entityClass);
        EntityKey key = mapping.keyOfIdentity(id);
        EntityState state = identity.byKey(key);
        if (state != null && !state.expired) {
            return identity.isDeleted(state) ? null : entityClass.cast(state.entity);
        }
        List<T> found = loader.load(mapping, mapping.select().where(mapping.whereKey(key)), List.of());
        if (found.isEmpty()) {
            if (state != null) {
                identity.forgetDeleted(state);
            }
            return null;
        }
        return found.get(0);
    }

    /**
     * Like {@link #get} but fails with a clear message when there is no such row.
     *
     * <pre>{@code User ann = session.getOne(User.class, 1L);}</pre>
     *
     * @param <T> the entity type
     * @param entityClass the mapped class
     * @param id the primary key value (a List or array for a composite key)
     * @return the object
     * @throws org.tabula.error.NoResultException when there is no such row
     */
    public <T> T getOne(Class<T> entityClass, Object id) {
        T found = get(entityClass, id);
        if (found == null) {
            throw new org.tabula.error.NoResultException("no " + entityClass.getSimpleName() + " with primary key " + id
                    + " in " + Mapper.table(entityClass).name());
        }
        return found;
    }

    /**
     * An entity query: {@code session.select(User.class).where(name.eq("ann")).all()}.
     *
     * <pre>{@code
     * List<User> adults = session.select(User.class).where(User_.age.ge(18)).all();
     * }</pre>
     *
     * @param <T> the entity type
     * @param entityClass the mapped class
     * @return a query of all its rows, to refine
     */
    public <T> EntityQuery<T> select(Class<T> entityClass) {
        ensureActive();
        EntityMapping<T> mapping = Mapper.mapping(entityClass);
        return new EntityQuery<>(this, mapping, mapping.select());
    }

    /**
     * SQLAlchemy's legacy spelling: {@code session.query(User.class).filterBy("name", "ann").first()}.
     *
     * <pre>{@code
     * User ann = session.query(User.class).filterBy(User_.name, "ann").first();   // the same as select
     * }</pre>
     *
     * @param <T> the entity type
     * @param entityClass the mapped class
     * @return the same query as {@link #select(Class)}
     */
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
     *
     * @param statement a Core statement
     * @return its result
     */
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    /**
     * {@link #execute(Statement)} with values for named parameters ({@code text()} statements, bind params).
     *
     * <pre>{@code session.execute(text("DELETE FROM users WHERE age < :age"), Map.of("age", 18));}</pre>
     *
     * @param statement a Core statement
     * @param parameters values of its named parameters
     * @return its result
     */
    public Result execute(Statement statement, Map<String, ?> parameters) {
        ensureActive();
        autoflush();
        Result result = connection().execute(statement, parameters);
        if (result.changedRowsOf() != null) {
            loader.synchronize(result.changedRowsOf());
        }
        return result;
    }

    /** Rows of an entity query with loading options, as objects (internal to {@link EntityQuery}; see {@link Loader}). */
    <T> List<T> load(EntityMapping<T> mapping, Select select, List<LoadOption> options) {
        return loader.load(mapping, select, options);
    }

    /**
     * A streaming cursor over an entity query, read in chunks (internal to {@link EntityQuery#partitions}):
     * undeferred columns ride in the statement, eager relationship options load per chunk.
     */
    <T> EntityPartitions<T> partitions(EntityMapping<T> mapping, Select select, int size, boolean expunge, List<LoadOption> options) {
        ensureActive();
        Undeferred undeferred = options.isEmpty() ? null : Undeferred.of(mapping, options);
        LoadStrategies eager = options.isEmpty() || mapping.isReadOnly() || !mapping.hasRelationships()
                ? null : new LoadStrategies(mapping, select, options, false);
        if (eager != null && eager.runsStatements() && !connection().runsStatementsWhileStreaming()) {
            List<LoadOption> eagerOptions = options.stream()
                    .filter(o -> o.isThrough() || o.column() == null && (o.loading() == Loading.SELECT_IN || o.loading() == Loading.JOINED || o.tail() != null))
                    .toList();
            throw new OrmException("load options " + eagerOptions + " on a stream of " + mapping.entityClass().getSimpleName()
                    + " need a SELECT per chunk while the stream's result is open, which " + connection().dialect().name()
                    + " (MySQL/MariaDB) cannot run on the same connection while it streams row by row: add useCursorFetch=true"
                    + " to the JDBC URL (streams then read through a server-side cursor), read with all() in pages (limit and"
                    + " offset, or a keyset), or load the relationships after the stream; undefer, lazy and raise options work in streams");
        }
        autoflush();
        Select statement = undeferred == null ? select : undeferred.extend(select);
        return new EntityPartitions<>(this, mapping, connection().stream(statement, size), size, expunge,
                undeferred, select.selections().size(), eager);
    }

    /** Eager loading of one streamed chunk (see {@link Loader#loadChunk}). */
    void loadChunk(List<?> chunk, LoadStrategies eager, @Nullable List<Object> fresh) {
        loader.loadChunk(chunk, eager, fresh);
    }

    /** The object of one streamed row; when {@code fresh} is given, an object new to the session is added to it. */
    <T> T materialize(EntityMapping<T> mapping, Object[] values, List<Object> fresh) {
        ensureOpen();
        if (fresh != null && !mapping.isReadOnly()) {
            EntityKey key = mapping.keyOf(values);
            if (key == null || identity.byKey(key) == null) {
                T entity = loader.materialize(mapping, values);
                fresh.add(entity);
                return entity;
            }
        }
        return loader.materialize(mapping, values);
    }

    Result run(Select select) {
        autoflush();
        return connection().execute(select);
    }

    /**
     * Loads one relationship of a persistent object (the loader behind unloaded {@link Ref} and
     * {@link RelatedList} holders): an object or null for to-one, a list for to-many.
     */
    Object loadRelationship(Object owner, RelationshipAttribute attr) {
        ensureOpen();
        checkLazyLoad(owner, attr, attr.qualifiedName());
        return loader.loadRelationship(owner, attr);
    }

    /**
     * The related object of a to-one relationship as far as the session knows it without SQL
     * (many-to-one: the object the identity map holds for the foreign key), for keeping back
     * references in sync when the lazy-load policy refuses to load it; null when unknown.
     */
    Object relatedWithoutLoading(Object owner, RelationshipAttribute attr) {
        return loader.relatedWithoutLoading(owner, attr);
    }

    // ---------------------------------------------------------------- lazy-load policy

    /**
     * Sets what implicit lazy loads (an unloaded {@link Ref}, {@link RelatedList} or deferred
     * {@link Lazy} read) may do in this session; {@code null}, the default, lets them all run.
     * Loads the session makes itself (eager options, cascades at flush) are not asked.
     *
     * <pre>{@code
     * session.lazyLoadPolicy((owner, attr, name) -> new OrmException(name + " is not loaded"));
     * }</pre>
     *
     * @param policy the policy, or {@code null} to let every load run
     */
    public void lazyLoadPolicy(@Nullable LazyLoadPolicy policy) {
        this.lazyLoadPolicy = policy;
    }

    /**
     * The policy set by {@link #lazyLoadPolicy(LazyLoadPolicy)}, or {@code null}.
     *
     * <pre>{@code
     * LazyLoadPolicy policy = session.lazyLoadPolicy();   // null: lazy loads run
     * }</pre>
     *
     * @return the policy, or {@code null}
     */
    public @Nullable LazyLoadPolicy lazyLoadPolicy() {
        return lazyLoadPolicy;
    }

    /** Throws the policy's refusal of an implicit load of {@code name}, if it refuses. */
    void checkLazyLoad(Object owner, Attribute attribute, String name) {
        RuntimeException refused = refusesLazyLoad(owner, attribute, name);
        if (refused != null) {
            throw refused;
        }
    }

    /** The policy's refusal of an implicit load of {@code name}, or null when it may run. */
    RuntimeException refusesLazyLoad(Object owner, Attribute attribute, String name) {
        LazyLoadPolicy policy = lazyLoadPolicy;
        return policy == null ? null : policy.refusal(owner, attribute, name);
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

    /** Flushes before a query, unless turned off, already flushing, or suppressed. */
    void autoflush() {
        // An empty session has nothing to flush: a query in a fresh session skips the flush's bookkeeping.
        if (autoflush && !work.isFlushing() && !suppressAutoflush && !identity.isEmpty()) {
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
     *
     * <pre>{@code
     * session.add(new User("ann"));
     * session.flush();   // INSERT now, in the session's transaction; COMMIT later
     * }</pre>
     */
    public void flush() {
        ensureActive();
        work.flush();
    }

    // ---------------------------------------------------------------- helpers

    /** The mapping of a class being added; the last one is remembered, since objects are mostly added in runs of one class. */
    private EntityMapping<?> mappingOf(Class<?> type) {
        if (type != lastAddedClass) {
            lastAddedMapping = Mapper.mapping(type);
            lastAddedClass = type;
        }
        return lastAddedMapping;
    }

    private EntityState persistentState(Object entity, String operation) {
        ensureOpen();
        EntityState state = identity.stateOf(Objects.requireNonNull(entity, "entity"));
        if (state == null || state.status != EntityState.Status.PERSISTENT) {
            throw new OrmException("cannot " + operation + " " + EntityState.describe(entity) + ": it is not a persistent object of this session"
                    + (state == null ? "" : " (it is pending; flush first)"));
        }
        return state;
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
