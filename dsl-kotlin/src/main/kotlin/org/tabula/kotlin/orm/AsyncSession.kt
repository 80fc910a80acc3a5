package org.tabula.kotlin.orm

import org.tabula.engine.Connection
import org.tabula.kotlin.AsyncConnection
import org.tabula.orm.Session
import org.tabula.result.Result
import org.tabula.statement.Statement

/**
 * A unit of work for coroutines (SQLAlchemy's `AsyncSession`): the Java [Session] of
 * [AsyncSessionFactory.begin], whose database calls are suspend functions running on the
 * engine's bounded dispatcher, one at a time; cancelling the coroutine cancels the running
 * statement and rolls the transaction back.
 *
 * ```
 * sessions.begin { session ->
 *     val ann = session.get<User>(id) ?: error("no user $id")
 *     ann.name = "Ann"                                        // UPDATE at the next flush or commit
 *     val adults = session.select<User>().where { User::age.column gt 18 }.all()
 *     session.delete(adults.first())
 * }
 * ```
 *
 * Lazy relationships ([org.tabula.orm.Ref], [org.tabula.orm.RelatedList]) load with blocking
 * JDBC on the calling thread: load them eagerly with query options, or touch them inside [call].
 */
class AsyncSession internal constructor(
    /** The Java session underneath; use it only inside [call]. */
    val session: Session,
    /** The connection the session works on, for Core statements in the same transaction. */
    val connection: AsyncConnection,
) {
    /** Runs blocking work on the session, on the engine's dispatcher (lazy loads, Java-only APIs). */
    suspend fun <R> call(work: (Session) -> R): R = connection.call { work(session) }

    /** Adds a new object (INSERT at the next flush) and what its save-update cascades reach. */
    suspend fun add(entity: Any): Unit = call { it.add(entity) }

    /** Adds several new objects, in order. */
    suspend fun addAll(entities: Collection<Any>): Unit = call { it.addAll(entities) }

    /** Marks a persistent object for DELETE at the next flush. */
    suspend fun delete(entity: Any): Unit = call { it.delete(entity) }

    /** Writes pending changes (INSERT, UPDATE, DELETE) without committing; generated ids are set. */
    suspend fun flush(): Unit = call { it.flush() }

    /** Flushes and commits; the session goes on in a new transaction. */
    suspend fun commit(): Unit = call { it.commit() }

    /** Rolls back and discards pending changes (see [Session.rollback]). */
    suspend fun rollback(): Unit = call { it.rollback() }

    /** Reloads an object's columns from the database. */
    suspend fun refresh(entity: Any): Unit = call { it.refresh(entity) }

    /** Copies a detached object onto the session's persistent one and returns that. */
    suspend fun <T : Any> merge(entity: T): T = call { it.merge(entity) }

    /** The object with this primary key, from the identity map or the database, or null. */
    suspend fun <T : Any> get(entityClass: Class<T>, id: Any): T? = call { it.get(entityClass, id) }

    /** Like [get] but fails when there is no such row. */
    suspend fun <T : Any> getOne(entityClass: Class<T>, id: Any): T = call { it.getOne(entityClass, id) }

    /** A typed query of an entity class; run it with its suspend terminals. */
    fun <T : Any> select(entityClass: Class<T>): AsyncEntityQuery<T> = AsyncEntityQuery(this, session.select(entityClass))

    /** Executes a Core statement in the session's transaction (after an autoflush). */
    suspend fun execute(statement: Statement): Result = call { it.execute(statement) }

    /** Whether the object is in this session. */
    operator fun contains(entity: Any): Boolean = session.contains(entity)

    /** Detaches an object from the session. */
    fun expunge(entity: Any): Unit = session.expunge(entity)

    /** Marks an object's columns to reload on next access through the session. */
    fun expire(entity: Any): Unit = session.expire(entity)

    /** Whether a tracked object has changes not yet flushed. */
    fun isModified(entity: Any): Boolean = session.isModified(entity)

    /** The blocking connection underneath (Java APIs); only from this coroutine, via [call]. */
    val jdbc: Connection get() = connection.connection

    internal fun closeQuietly() {
        try {
            session.close()
        } catch (e: RuntimeException) {
            // the connection is the engine's to roll back and release
        }
    }

    /** `AsyncSession[Session[...]]`: the Java session's state, for logs. */
    override fun toString(): String = "AsyncSession[$session]"
}

/** `session.get<User>(id)`: the object with this primary key, or null. */
suspend inline fun <reified T : Any> AsyncSession.get(id: Any): T? = get(T::class.java, id)

/** `session.getOne<User>(id)`: the object with this primary key, or an exception. */
suspend inline fun <reified T : Any> AsyncSession.getOne(id: Any): T = getOne(T::class.java, id)

/** `session.select<User>().where { User::age.column gt 18 }.all()`. */
inline fun <reified T : Any> AsyncSession.select(): AsyncEntityQuery<T> = select(T::class.java)
