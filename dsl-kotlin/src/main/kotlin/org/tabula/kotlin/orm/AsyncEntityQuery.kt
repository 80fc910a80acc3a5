package org.tabula.kotlin.orm

import org.tabula.expr.Condition
import org.tabula.expr.Expression
import org.tabula.expr.OrderItem
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.sorted
import org.tabula.orm.EntityQuery
import org.tabula.orm.LoadOption
import org.tabula.orm.Relation
import kotlinx.coroutines.flow.Flow
import org.tabula.orm.RelationshipAttribute
import org.tabula.schema.Column
import org.tabula.statement.FromItem
import org.tabula.statement.Select

/**
 * A typed entity query of an [AsyncSession]: the builders return new queries (as
 * [EntityQuery] does), the terminals are suspend functions.
 *
 * ```
 * val adults: List<User> = session.select<User>()
 *     .where { (User::age.column gt 18) and (User::name.column startsWith "a") }
 *     .orderBy(User::name.column)
 *     .all()
 * ```
 */
class AsyncEntityQuery<T : Any> internal constructor(
    private val session: AsyncSession,
    /** The Java query underneath. */
    val query: EntityQuery<T>,
) {
    private fun next(q: EntityQuery<T>) = AsyncEntityQuery(session, q)

    /** Adds a WHERE condition (AND-ed with earlier ones). */
    inline fun where(condition: () -> Condition): AsyncEntityQuery<T> = where(condition())

    /** Adds WHERE conditions (AND-ed with earlier ones). */
    fun where(vararg conditions: Condition): AsyncEntityQuery<T> = next(query.where(*conditions))

    /** `column = value` (`null` is IS NULL), type-checked: `filterBy(User::name.column, "ann")`. */
    fun <V> filterBy(column: Column<V>, value: V): AsyncEntityQuery<T> = next(query.filterBy(column, value))

    /** `attribute = value` by attribute name. */
    @Deprecated("name the column: filterBy(User::name.column, value)")
    @Suppress("DEPRECATION")
    fun filterBy(attribute: String, value: Any?): AsyncEntityQuery<T> = next(query.filterBy(attribute, value))

    /** Inner join along a relationship (a [Relation] handle), to filter by the related table's columns. */
    fun join(relation: Relation<T, *>): AsyncEntityQuery<T> = next(query.join(relation))

    /** Inner join along a relationship by name. */
    @Deprecated("use a Relation handle: join(Relation.of(User::class.java, \"posts\", Post::class.java))")
    @Suppress("DEPRECATION")
    fun join(relationship: String): AsyncEntityQuery<T> = next(query.join(relationship))

    /** Adds WHERE conditions (SQLAlchemy's `filter`, the same as [where]). */
    fun filter(vararg conditions: Condition): AsyncEntityQuery<T> = next(query.filter(*conditions))

    /** `attribute = value` for each entry, by attribute name: `filterBy(mapOf("name" to "ann"))`. */
    fun filterBy(attributes: Map<String, *>): AsyncEntityQuery<T> = next(query.filterBy(attributes))

    /** Inner join along a relationship attribute. */
    fun join(relationship: RelationshipAttribute): AsyncEntityQuery<T> = next(query.join(relationship))

    /** Inner join of another table or subquery on its foreign key to the entity's table. */
    fun join(right: FromItem): AsyncEntityQuery<T> = next(query.join(right))

    /** Inner join of another table or subquery on [on]. */
    fun join(right: FromItem, on: Condition): AsyncEntityQuery<T> = next(query.join(right, on))

    /** Left outer join of another table or subquery on [on]. */
    fun leftJoin(right: FromItem, on: Condition): AsyncEntityQuery<T> = next(query.leftJoin(right, on))

    /** Loading strategies for relationships and deferred columns: `options(selectIn(User_.posts), undefer(User::bio))`. */
    fun options(vararg options: LoadOption): AsyncEntityQuery<T> = next(query.options(*options))

    /** ORDER BY sort items: `orderBy(User_.name.desc(), User_.id.asc())`. */
    fun orderBy(vararg items: OrderItem): AsyncEntityQuery<T> = next(query.orderBy(*items))

    /** ORDER BY expressions, ascending: `orderBy(User::name.column)`. */
    fun orderBy(vararg expressions: Expression<*>): AsyncEntityQuery<T> = next(query.orderBy(*expressions))

    /** ORDER BY with Kotlin pairs: `orderBy(User::name.column to SortOrder.DESC)`. */
    fun orderBy(vararg order: Pair<Expression<*>, SortOrder>): AsyncEntityQuery<T> =
        next(query.orderBy(*order.map { (e, o) -> e.sorted(o) }.toTypedArray()))

    /** SELECT DISTINCT, for joins that repeat the entity's rows: `select<User>().join(roles).distinct()`. */
    fun distinct(): AsyncEntityQuery<T> = next(query.distinct())

    /** At most [rows] entities: `select<User>().orderBy(User::id.column).limit(10)`. */
    fun limit(rows: Long): AsyncEntityQuery<T> = next(query.limit(rows))

    /** Skips the first [rows] entities (with [orderBy], for paging): `.limit(10).offset(20)`. */
    fun offset(rows: Long): AsyncEntityQuery<T> = next(query.offset(rows))

    /** SELECT ... FOR UPDATE (where the dialect has it). */
    fun forUpdate(): AsyncEntityQuery<T> = next(query.forUpdate())

    /** The Core SELECT this query runs. */
    fun toSelect(): Select = query.toSelect()

    /** Every matching object (tracked by the session). */
    suspend fun all(): List<T> = session.call { query.all() }

    /** The first matching object, or null. */
    suspend fun first(): T? = session.call { query.first() }

    /** Exactly one matching object, or an exception. */
    suspend fun one(): T = session.call { query.one() }

    /** One matching object or null; more than one is an exception. */
    suspend fun oneOrNull(): T? = session.call { query.oneOrNull() }

    /** SQLAlchemy's `scalar_one_or_none()`: the same as [oneOrNull]. */
    suspend fun scalarOneOrNull(): T? = session.call { query.scalarOneOrNull() }

    /**
     * The matching objects as a cold [Flow], read from a cursor [chunkSize] rows at a time: the
     * next chunk is fetched on the engine's JDBC threads only when the collector has taken the
     * previous one. With [expunge] (the default), the objects a chunk brought into the session
     * leave it when the next chunk is read, unless you changed them: the identity map stays
     * bounded by one chunk, and emitted objects become detached (load their relationships while
     * collecting, with [AsyncSession.load]). Objects the session held before stay. Collect it
     * inside the session's block; cancelling the collecting coroutine cancels the statement and
     * rolls the transaction back; a collector that stops early (`take`, `first`) only closes the
     * cursor. Load options apply per chunk ([org.tabula.orm.EntityQuery.partitions]): `undefer`
     * columns ride in the streamed statement, `selectIn`/`joined` relationships load with one IN
     * query per chunk before its objects are emitted (so they need no suspend call), and leave
     * with the chunk; on MySQL/MariaDB, which cannot run a statement while a stream is open, those
     * two are refused with an [org.tabula.orm.OrmException].
     *
     * ```
     * session.select<User>().orderBy(User::id.column).stream(chunkSize = 500).collect { export(it) }
     * session.select<User>().options(selectIn(User_.posts), undefer(User::bio)).stream().collect { u -> show(u.bio.get(), u.posts) }
     * ```
     */
    fun stream(chunkSize: Int = 1000, expunge: Boolean = true): Flow<T> {
        require(chunkSize > 0) { "chunkSize must be positive, got $chunkSize" }
        return session.partitions(query, chunkSize, expunge)
    }

    /** The number of matching rows. */
    suspend fun count(): Long = session.call { query.count() }

    /** The query as the Java [org.tabula.orm.EntityQuery] prints it, for logs. */
    override fun toString(): String = query.toString()
}
