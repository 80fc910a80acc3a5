package org.tabula.kotlin.orm

import kotlin.reflect.KProperty1
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.withContext
import org.tabula.engine.Connection
import org.tabula.kotlin.AsyncConnection
import org.tabula.orm.Attribute
import org.tabula.orm.ColumnAttribute
import org.tabula.orm.EntityPartitions
import org.tabula.orm.Lazy
import org.tabula.orm.LazyLoadPolicy
import org.tabula.orm.Mapper
import org.tabula.orm.Ref
import org.tabula.orm.RelatedList
import org.tabula.orm.Session
import org.tabula.result.Result
import org.tabula.statement.Statement

/**
 * A unit of work for coroutines (SQLAlchemy's `AsyncSession`): the Java [Session] of
 * [AsyncSessionFactory.begin], whose database calls are suspend functions running on the
 * engine's JDBC threads, one at a time; cancelling the coroutine cancels the running
 * statement and rolls the transaction back.
 *
 * ```
 * sessions.begin { session ->
 *     val ann = session.get<User>(id) ?: error("no user $id")
 *     ann.name = "Ann"                                        // UPDATE at the next flush or commit
 *     val posts = session.load(ann, User::posts)             // a relationship, loaded with a suspend call
 *     val adults = session.select<User>().where { User::age.column gt 18 }.all()
 *     session.stream(session.select<User>()).collect { println(it.name) }   // chunked, bounded identity map
 *     session.delete(adults.first())
 * }
 * ```
 *
 * **No hidden blocking.** Reading an unloaded relationship ([Ref], [RelatedList]) or deferred
 * column ([Lazy]) would run blocking JDBC on whatever thread reads it; in an async session it
 * throws [BlockingLazyLoadException] instead, naming the attribute and the fixes: [load] it (a
 * suspend call on the engine's JDBC threads), or load it eagerly with the query
 * (`options(selectIn(User_.posts))`, `joined(...)`). Inside [call] (explicit blocking work) lazy
 * loads run as in Java. To let them block anywhere, opt in with
 * [AsyncSessionFactory.blockingLazyLoads] or [blockingLazyLoads]. Reading an expired object's
 * fields never runs SQL (they keep their last values until a get, query, [refresh] or [load]).
 */
class AsyncSession internal constructor(
    /** The Java session underneath; use it only inside [call]. */
    val session: Session,
    /** The connection the session works on, for Core statements in the same transaction. */
    val connection: AsyncConnection,
    blockingLazyLoads: Boolean = false,
) {
    // The JDBC thread running this session's call() right now: lazy loads there are explicit.
    @Volatile
    private var callThread: Thread? = null

    private val refuseHiddenLoads = LazyLoadPolicy { owner, attribute, name ->
        if (Thread.currentThread() === callThread) null else refusal(owner, attribute, name)
    }

    /**
     * Whether implicit lazy loads may run blocking JDBC on the thread that reads the attribute
     * (false by default: they throw [BlockingLazyLoadException]). Set it for code that reads
     * lazy attributes on purpose outside [call], knowing it blocks its thread.
     */
    var blockingLazyLoads: Boolean = blockingLazyLoads
        set(value) {
            field = value
            session.lazyLoadPolicy(if (value) null else refuseHiddenLoads)
        }

    init {
        this.blockingLazyLoads = blockingLazyLoads
    }

    /**
     * Runs blocking work on the session, on the engine's JDBC threads (Java-only APIs, or lazy
     * attributes read on purpose: implicit lazy loads are allowed inside).
     *
     * ```
     * val titles = session.call { user.posts.map { it.title } }
     * ```
     */
    suspend fun <R> call(work: (Session) -> R): R = connection.call {
        val outer = callThread
        callThread = Thread.currentThread()
        try {
            work(session)
        } finally {
            callThread = outer
        }
    }

    // ---------------------------------------------------------------- object states

    /** Adds a new object (INSERT at the next flush) and what its save-update cascades reach. */
    suspend fun add(entity: Any): Unit = call { it.add(entity) }

    /** Adds several new objects, in order. */
    suspend fun addAll(entities: Collection<Any>): Unit = call { it.addAll(entities) }

    /** Marks a persistent object for DELETE at the next flush. */
    suspend fun delete(entity: Any): Unit = call { it.delete(entity) }

    /** Copies a detached object onto the session's persistent one (loading it if needed) and returns that. */
    suspend fun <T : Any> merge(entity: T): T = call { it.merge(entity) }

    /** Detaches an object from the session (no SQL). */
    fun expunge(entity: Any): Unit = session.expunge(entity)

    /** Detaches every object (no SQL); pending changes are dropped. */
    fun expungeAll(): Unit = session.expungeAll()

    /** Whether the object is in this session. */
    operator fun contains(entity: Any): Boolean = session.contains(entity)

    /** Marks an object to reload on its next get, query, [refresh] or [load] (no SQL now). */
    fun expire(entity: Any): Unit = session.expire(entity)

    /** Expires every persistent object of the session (no SQL now). */
    fun expireAll(): Unit = session.expireAll()

    /** Whether the object's fields may be stale (expired and not reloaded since). */
    fun isExpired(entity: Any): Boolean = session.isExpired(entity)

    /** Whether a tracked object has changes not yet flushed. */
    fun isModified(entity: Any): Boolean = session.isModified(entity)

    /** Reloads every column of an object from the database now, discarding its unflushed changes. */
    suspend fun refresh(entity: Any): Unit = call { it.refresh(entity) }

    // ---------------------------------------------------------------- suspend loading

    /**
     * Reloads an expired object (one SELECT by key on the engine's JDBC threads; nothing when it
     * is not expired) and returns it: `session.load(user).name` after a commit expired it.
     */
    suspend fun <T : Any> load(entity: T): T = call {
        if (it.isExpired(entity)) {
            it.refresh(entity)
        }
        entity
    }

    /** Loads a to-many relationship if needed and returns it: `session.load(user.posts)`. */
    suspend fun <E : Any> load(relationship: RelatedList<E>): List<E> =
        if (relationship.isLoaded) relationship else call { relationship.also { loaded -> loaded.size } }

    /** Loads a to-one relationship if needed and returns the related object: `session.load(post.author)`. */
    suspend fun <E : Any> load(relationship: Ref<E>): E? =
        if (relationship.isLoaded) relationship.get() else call { relationship.get() }

    /** Loads a deferred column if needed and returns its value: `session.load(user.bio)`. */
    suspend fun <V> load(column: Lazy<V>): V =
        if (column.isLoaded) column.get() else call { column.get() }

    /**
     * A to-many relationship of [entity], loaded with a suspend call if needed:
     * `session.load(user, User::posts)` (SQLAlchemy's `await user.awaitable_attrs.posts`).
     */
    @JvmName("loadRelatedList")
    suspend fun <T : Any, E : Any> load(entity: T, relationship: KProperty1<T, RelatedList<E>>): List<E> =
        load(relationship.get(entity))

    /** A to-one relationship of [entity], loaded with a suspend call if needed: `session.load(post, Post::author)`. */
    @JvmName("loadRef")
    suspend fun <T : Any, E : Any> load(entity: T, relationship: KProperty1<T, Ref<E>>): E? = load(relationship.get(entity))

    /** A deferred column of [entity], loaded with a suspend call if needed: `session.load(user, User::bio)`. */
    @JvmName("loadLazy")
    suspend fun <T : Any, V> load(entity: T, column: KProperty1<T, Lazy<V>>): V = load(column.get(entity))

    // ---------------------------------------------------------------- queries

    /** The object with this primary key, from the identity map or the database, or null. */
    suspend fun <T : Any> get(entityClass: Class<T>, id: Any): T? = call { it.get(entityClass, id) }

    /** Like [get] but fails when there is no such row. */
    suspend fun <T : Any> getOne(entityClass: Class<T>, id: Any): T = call { it.getOne(entityClass, id) }

    /** A typed query of an entity class; run it with its suspend terminals. */
    fun <T : Any> select(entityClass: Class<T>): AsyncEntityQuery<T> = AsyncEntityQuery(this, session.select(entityClass))

    /** SQLAlchemy's legacy spelling of [select]: `session.query(User::class.java).filterBy(...).first()`. */
    fun <T : Any> query(entityClass: Class<T>): AsyncEntityQuery<T> = select(entityClass)

    /**
     * The objects of [query] as a cold [Flow], read from a cursor [chunkSize] rows at a time as
     * the collector asks (see [AsyncEntityQuery.stream]).
     */
    fun <T : Any> stream(query: AsyncEntityQuery<T>, chunkSize: Int = 1000, expunge: Boolean = true): Flow<T> =
        query.stream(chunkSize, expunge)

    /** Executes a Core statement in the session's transaction (after an autoflush). */
    suspend fun execute(statement: Statement): Result = call { it.execute(statement) }

    /** Executes a Core statement with values for its named parameters (after an autoflush). */
    suspend fun execute(statement: Statement, parameters: Map<String, Any?>): Result =
        call { it.execute(statement, parameters) }

    // ---------------------------------------------------------------- transaction

    /** Writes pending changes (INSERT, UPDATE, DELETE) without committing; generated ids are set. */
    suspend fun flush(): Unit = call { it.flush() }

    /** Flushes and commits; the session goes on in a new transaction. */
    suspend fun commit(): Unit = call { it.commit() }

    /** Rolls back and discards pending changes (see [Session.rollback]). */
    suspend fun rollback(): Unit = call { it.rollback() }

    /**
     * Runs [block], then commits (Java's `session.inTransaction`); when it throws or is
     * cancelled, rolls back and rethrows. For a session of its own ([AsyncSessionFactory.session]).
     *
     * ```
     * sessions.session { s -> s.inTransaction { s.add(User("ann")) } }
     * ```
     */
    suspend fun <R> inTransaction(block: suspend (AsyncSession) -> R): R {
        val value = try {
            block(this)
        } catch (t: Throwable) {
            discard(t)
            throw t
        }
        commit()
        return value
    }

    /** Whether the session has ended (its [AsyncSessionFactory] block returned). */
    val isClosed: Boolean get() = session.isClosed

    /** The blocking connection underneath (Java APIs); only from this coroutine, via [call]. */
    val jdbc: Connection get() = connection.connection

    internal fun closeQuietly() {
        try {
            session.close()
        } catch (e: RuntimeException) {
            // the connection is the engine's to roll back and release
        }
    }

    internal fun <T : Any> partitions(
        query: org.tabula.orm.EntityQuery<T>,
        chunkSize: Int,
        expunge: Boolean,
    ): Flow<T> = flow {
        val parts: EntityPartitions<T> = call { query.partitions(chunkSize, expunge) }
        try {
            while (true) {
                val chunk = call { if (parts.hasNext()) parts.next() else null } ?: break
                for (entity in chunk) {
                    emit(entity)
                }
            }
        } finally {
            withContext(NonCancellable) { call { parts.close() } }
        }
    }

    /** `AsyncSession[Session[...]]`: the Java session's state, for logs. */
    override fun toString(): String = "AsyncSession[$session]"

    private fun refusal(owner: Any?, attribute: Attribute?, name: String): BlockingLazyLoadException {
        val of = if (owner == null) "" else " of ${describe(owner)}"
        val property = attribute?.let { "${it.entityClass().simpleName}::${it.name()}" }
        val fixes = when {
            attribute is ColumnAttribute ->
                "load it with a suspend call: session.load(entity, $property) (or session.load(entity.${attribute.name()}))," +
                    " or with the query's row: .options(undefer($property))"
            attribute != null ->
                "load it with a suspend call: session.load(entity, $property) (or session.load(entity.${attribute.name()}))," +
                    " or eagerly with the query: .options(selectIn(${attribute.entityClass().simpleName}_.${attribute.name()}))" +
                    " or joined(...)"
            else -> "load it with a suspend call: session.load(lazy), or inside session.call { }"
        }
        return BlockingLazyLoadException(
            name,
            "$name$of is not loaded, and loading it here would run blocking JDBC on thread " +
                "'${Thread.currentThread().name}' behind the back of the AsyncSession: $fixes. " +
                "To let lazy loads block the reading thread: AsyncSessionFactory.blockingLazyLoads(true) " +
                "or session.blockingLazyLoads = true",
        )
    }
}

/** `User(id=1)`: an object by its class and primary key, for messages. */
private fun describe(entity: Any): String {
    val type = entity.javaClass
    if (!Mapper.isMapped(type)) {
        return type.simpleName
    }
    val key = Mapper.mapping(type).primaryKey().joinToString(", ") { "${it.name()}=${it.get(entity)}" }
    return "${type.simpleName}($key)"
}

/** `session.get<User>(id)`: the object with this primary key, or null. */
suspend inline fun <reified T : Any> AsyncSession.get(id: Any): T? = get(T::class.java, id)

/** `session.getOne<User>(id)`: the object with this primary key, or an exception. */
suspend inline fun <reified T : Any> AsyncSession.getOne(id: Any): T = getOne(T::class.java, id)

/** `session.select<User>().where { User::age.column gt 18 }.all()`. */
inline fun <reified T : Any> AsyncSession.select(): AsyncEntityQuery<T> = select(T::class.java)

/** `session.query<User>()`: the same as [select]. */
inline fun <reified T : Any> AsyncSession.query(): AsyncEntityQuery<T> = select(T::class.java)
