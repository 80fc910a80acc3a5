package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import org.tabula.Sql.text
import org.tabula.kotlin.count
import org.tabula.kotlin.gt
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.AsyncSessionFactory
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.get
import org.tabula.kotlin.orm.getOne
import org.tabula.kotlin.orm.query
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.table
import org.tabula.kotlin.update
import org.tabula.kotlin.eq
import org.tabula.kotlin.select

// Samples of AsyncSession.kt, shown by Dokka under each member and run by SamplesSpec.

suspend fun asyncSessionTour(sessions: AsyncSessionFactory) {
    val id = 1L
    sessions.begin { session ->
        val ann = session.get<User>(id) ?: error("no user $id")
        ann.name = "Ann"                                        // UPDATE at the next flush or commit
        val posts = session.load(ann, User::posts)             // a relationship, loaded with a suspend call
        val adults = session.select<User>().where { User::age.column gt 18 }.all()
        session.stream(session.select<User>()).collect { println(it.name) }   // chunked, bounded identity map
        session.delete(adults.last())
        println(posts.size)
    }
}

suspend fun asyncSessionJava(session: AsyncSession): Boolean = session.call { it.isClosed }

suspend fun asyncSessionCore(session: AsyncSession): Long {
    session.add(User("kim"))
    session.flush()
    // the same transaction: the Core statement sees kim
    return session.connection.execute(table<User>().select(count())).scalarOne()
}

suspend fun asyncSessionBlockingLazyLoads(session: AsyncSession): Int {
    session.blockingLazyLoads = true
    val ann = session.get<User>(1L)!!
    return ann.posts.size                                      // SELECT on this thread: allowed now
}

suspend fun asyncSessionCall(session: AsyncSession): List<String> {
    val user = session.get<User>(1L)!!
    val titles = session.call { user.posts.map { it.title } }  // lazy loads are explicit inside call
    return titles
}

suspend fun asyncSessionAdd(session: AsyncSession): Long? {
    val kim = User("kim", 20)
    session.add(kim)
    session.flush()                                            // INSERT; kim.id set
    return kim.id
}

suspend fun asyncSessionAddAll(session: AsyncSession) {
    session.addAll(listOf(User("kim"), User("lou")))
}

suspend fun asyncSessionDelete(session: AsyncSession) {
    val bob = session.getOne<User>(2L)
    session.delete(bob)                                        // DELETE at the next flush or commit
}

suspend fun asyncSessionMerge(sessions: AsyncSessionFactory): String {
    val detached = sessions.begin { s -> s.getOne<User>(1L) }  // the session has ended
    detached.name = "Ann"
    return sessions.begin { s -> s.merge(detached).name }     // UPDATE at commit
}

suspend fun asyncSessionExpunge(session: AsyncSession): Boolean {
    val ann = session.getOne<User>(1L)
    session.expunge(ann)
    return ann in session                                      // false: detached
}

suspend fun asyncSessionExpungeAll(session: AsyncSession) {
    session.select<User>().all()
    session.expungeAll()                                       // a bounded identity map for long batches
}

suspend fun asyncSessionContains(session: AsyncSession): Boolean {
    val ann = session.getOne<User>(1L)
    return ann in session
}

suspend fun asyncSessionExpire(session: AsyncSession): String {
    val ann = session.getOne<User>(1L)
    session.execute(table<User>().update({ User::id.column eq 1L }) { it[User::name.column] = "Ann" })
    session.expire(ann)
    return session.load(ann).name                              // "Ann", reloaded
}

suspend fun asyncSessionExpireAll(session: AsyncSession) {
    session.execute(text("UPDATE members SET age = age + 1"))
    session.expireAll()                                        // every object reloads on its next get or query
}

suspend fun asyncSessionIsExpired(session: AsyncSession): Boolean {
    val ann = session.getOne<User>(1L)
    session.expire(ann)
    return session.isExpired(ann)                              // true until reloaded
}

suspend fun asyncSessionIsModified(session: AsyncSession): Boolean {
    val ann = session.getOne<User>(1L)
    ann.age = 32
    return session.isModified(ann)                             // true until flushed
}

suspend fun asyncSessionRefresh(session: AsyncSession): Int? {
    val ann = session.getOne<User>(1L)
    ann.age = 99                                               // discarded
    session.refresh(ann)
    return ann.age
}

suspend fun asyncSessionLoadExpired(sessions: AsyncSessionFactory): String = sessions.session { session ->
    val ann = session.getOne<User>(1L)
    session.commit()                                           // expires ann
    session.load(ann).name
}

suspend fun asyncSessionLoadList(session: AsyncSession): Int {
    val ann = session.getOne<User>(1L)
    return session.load(ann.posts).size
}

suspend fun asyncSessionLoadRef(session: AsyncSession): String? {
    val post = session.select<Post>().first()!!
    return session.load(post.author)?.name
}

suspend fun asyncSessionLoadLazy(session: AsyncSession): String? {
    val ann = session.getOne<User>(1L)
    return session.load(ann.bio)                               // the deferred column, read now
}

suspend fun asyncSessionLoadListProperty(session: AsyncSession): Int {
    val ann = session.getOne<User>(1L)
    return session.load(ann, User::posts).size
}

suspend fun asyncSessionLoadRefProperty(session: AsyncSession): String? {
    val post = session.select<Post>().first()!!
    return session.load(post, Post::author)?.name
}

suspend fun asyncSessionLoadLazyProperty(session: AsyncSession): String? {
    val ann = session.getOne<User>(1L)
    return session.load(ann, User::bio)
}

suspend fun asyncSessionGetClass(session: AsyncSession): User? = session.get(User::class.java, 1L)

suspend fun asyncSessionGetOneClass(session: AsyncSession): User = session.getOne(User::class.java, 1L)

suspend fun asyncSessionSelectClass(session: AsyncSession): List<User> = session.select(User::class.java).all()

suspend fun asyncSessionQueryClass(session: AsyncSession): User? =
    session.query(User::class.java).filterBy(User::name.column, "ann").first()

suspend fun asyncSessionStream(session: AsyncSession) {
    session.stream(session.select<User>().orderBy(User::id.column), chunkSize = 500).collect { println(it.name) }
}

suspend fun asyncSessionExecute(session: AsyncSession): Long =
    session.execute(table<User>().update({ User::age.column gt 60 }) { it[User::age.column] = 60 }).rowCount()

suspend fun asyncSessionExecuteParameters(session: AsyncSession): Int =
    session.execute(text("SELECT name FROM members WHERE name = :name"), mapOf("name" to "ann")).all().size

suspend fun asyncSessionFlush(session: AsyncSession): Long? {
    val kim = User("kim")
    session.add(kim)
    session.flush()                                            // INSERT now, in the transaction
    return kim.id
}

suspend fun asyncSessionCommit(sessions: AsyncSessionFactory) {
    sessions.session { session ->
        session.add(User("kim"))
        session.commit()                                       // kept; the session goes on
    }
}

suspend fun asyncSessionRollback(sessions: AsyncSessionFactory) {
    sessions.session { session ->
        session.add(User("kim"))
        session.rollback()                                     // kim is not written
    }
}

suspend fun asyncSessionInTransaction(sessions: AsyncSessionFactory) {
    sessions.session { s -> s.inTransaction { s.add(User("ann")) } }
}

suspend fun asyncSessionIsClosed(sessions: AsyncSessionFactory): Boolean {
    var kept: AsyncSession? = null
    sessions.session { s -> kept = s }
    return kept!!.isClosed                                     // true: the block has returned
}

suspend fun asyncSessionJdbc(session: AsyncSession): Boolean = session.call { session.jdbc.jdbc().autoCommit }

suspend fun asyncSessionGet(session: AsyncSession): User? = session.get<User>(1L)

suspend fun asyncSessionGetOne(session: AsyncSession): User = session.getOne<User>(1L)

suspend fun asyncSessionSelect(session: AsyncSession): List<User> = session.select<User>().where { User::age.column gt 18 }.all()

suspend fun asyncSessionQuery(session: AsyncSession): User? = session.query<User>().filterBy(User::name.column, "ann").first()
