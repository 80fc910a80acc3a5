package org.tabula.kotlin.orm

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import kotlinx.coroutines.flow.toList
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.TransactionOptions
import org.tabula.error.NoResultException
import org.tabula.error.ReadOnlyTransactionException
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.KtDatabases
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.select
import org.tabula.kotlin.update
import org.tabula.orm.LoadOption
import org.tabula.orm.Relation
import org.tabula.Sql

/**
 * One test per row of the parity table in docs/async-orm.md: every public operation of the
 * Java `SessionFactory`, `Session` and `EntityQuery` through its `AsyncSessionFactory`,
 * `AsyncSession` and `AsyncEntityQuery` counterpart, on every database.
 */
class AsyncSessionParitySpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val async = AsyncEngine(engine)
            val sessions = async.sessionFactory()
            KtoTables.create(engine)
            val userId = column<KtoUser, Long>("id")
            val userName = column<KtoUser, String>("name")
            val userAge = column<KtoUser, Int?>("age")

            beforeEach { KtoTables.clear(async) }

            suspend fun addUsers(vararg names: String): List<Long> = sessions.begin { s ->
                val users = names.mapIndexed { i, n -> KtoUser(n, 20 + i) }
                s.addAll(users)
                s.flush()
                users.map { it.id!! }
            }

            suspend fun names(): List<String> =
                sessions.session { s -> s.select<KtoUser>().orderBy(userName to SortOrder.ASC).all().map { it.name } }

            // ------------------------------------------------------------ SessionFactory

            test("SessionFactory.of -> sessionFactory()") {
                async.sessionFactory().engine shouldBeSameInstanceAs async
                AsyncSessionFactory(async).factory.engine() shouldBeSameInstanceAs engine
            }

            test("SessionFactory.autoflush(boolean), autoflush() -> autoflush(value), autoflush") {
                sessions.autoflush shouldBe true
                val manual = sessions.autoflush(false)
                manual.autoflush shouldBe false
                manual.begin { s ->
                    s.add(KtoUser("ann"))
                    s.select<KtoUser>().count() shouldBe 0L      // not flushed before the query
                }
                names() shouldBe listOf("ann")
            }

            test("SessionFactory.expireOnCommit(boolean), expireOnCommit() -> expireOnCommit(value), expireOnCommit") {
                val id = addUsers("ann")[0]
                sessions.expireOnCommit(false).expireOnCommit shouldBe false
                sessions.expireOnCommit(false).session { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.commit()
                    s.isExpired(ann) shouldBe false
                }
                sessions.session { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.commit()
                    s.isExpired(ann) shouldBe true
                }
            }

            test("SessionFactory.engine() -> engine (the AsyncEngine), factory.engine()") {
                sessions.engine shouldBeSameInstanceAs async
                sessions.factory.engine() shouldBeSameInstanceAs engine
            }

            test("SessionFactory.openSession() + close() -> session { } (commit as you go)") {
                sessions.session { s ->
                    s.add(KtoUser("kept"))
                    s.commit()
                    s.add(KtoUser("dropped"))
                }
                names() shouldBe listOf("kept")
            }

            test("SessionFactory.openSession(connection) -> session(asyncConnection) { }") {
                async.begin {
                    sessions.session(this) { s -> s.add(KtoUser("ann")); s.flush() }
                    execute(table<KtoUser>().select(userName)).scalars() shouldBe listOf("ann")
                }
                names() shouldBe listOf("ann")
            }

            test("SessionFactory.begin(work), inTransaction(work) -> begin { }") {
                val id = sessions.begin { s -> KtoUser("ann").also { s.add(it); s.flush() }.id!! }
                id shouldNotBe null
                shouldThrow<IllegalStateException> { sessions.begin { s -> s.add(KtoUser("bob")); error("boom") } }
                names() shouldBe listOf("ann")
            }

            test("SessionFactory.begin/inTransaction(TransactionOptions) -> begin(options) { }, begin(isolation, readOnly, propagation, retry) { }") {
                val id = addUsers("ann")[0]
                shouldThrow<ReadOnlyTransactionException> {
                    sessions.begin(TransactionOptions.readOnlyTransaction()) { s -> s.getOne<KtoUser>(id).age = 99 }
                }
                sessions.begin(isolation = Isolation.SERIALIZABLE) { s -> s.jdbc.isolation() shouldBe Isolation.SERIALIZABLE }
                async.begin {
                    sessions.begin(propagation = Propagation.REQUIRED) { s -> s.jdbc shouldBeSameInstanceAs connection }
                    sessions.begin(propagation = Propagation.MANDATORY) { s -> s.add(KtoUser("joined")) }
                }
                names() shouldBe listOf("ann", "joined")
            }

            // ------------------------------------------------------------ Session: transaction

            test("Session.connection() -> connection (AsyncConnection), jdbc") {
                sessions.begin { s ->
                    s.add(KtoUser("ann"))
                    s.flush()
                    s.connection.execute(table<KtoUser>().select(userName)).scalars() shouldBe listOf("ann")
                    s.jdbc shouldBeSameInstanceAs s.connection.connection
                }
            }

            test("Session.commit() -> commit()") {
                sessions.session { s -> s.add(KtoUser("ann")); s.commit() }
                names() shouldBe listOf("ann")
            }

            test("Session.rollback() -> rollback()") {
                sessions.session { s ->
                    val ann = KtoUser("ann")
                    s.add(ann)
                    s.flush()
                    s.rollback()
                    (ann in s) shouldBe false
                }
                names() shouldBe emptyList()
            }

            test("Session.begin(work), inTransaction(work) -> inTransaction { }") {
                sessions.session { s ->
                    s.inTransaction { it.add(KtoUser("ann")) }
                    shouldThrow<IllegalStateException> { s.inTransaction { it.add(KtoUser("bob")); error("boom") } }
                }
                names() shouldBe listOf("ann")
            }

            test("Session.close(), isClosed() -> the end of the factory block, isClosed") {
                val kept = sessions.session { s -> s.isClosed shouldBe false; s }
                kept.isClosed shouldBe true
            }

            test("Session.flush() -> flush()") {
                sessions.begin { s ->
                    val ann = KtoUser("ann")
                    s.add(ann)
                    ann.id shouldBe null
                    s.flush()
                    ann.id shouldNotBe null
                }
            }

            // ------------------------------------------------------------ Session: object states

            test("Session.add(entity) -> add(entity)") {
                sessions.begin { s -> s.add(KtoUser("ann")) }
                names() shouldBe listOf("ann")
            }

            test("Session.addAll(entities) -> addAll(entities)") {
                sessions.begin { s -> s.addAll(listOf(KtoUser("ann"), KtoUser("bob"))) }
                names() shouldBe listOf("ann", "bob")
            }

            test("Session.delete(entity) -> delete(entity)") {
                val id = addUsers("ann", "bob")[0]
                sessions.begin { s -> s.delete(s.getOne<KtoUser>(id)) }
                names() shouldBe listOf("bob")
            }

            test("Session.merge(entity) -> merge(entity)") {
                val id = addUsers("ann")[0]
                val detached = sessions.session { s -> s.get<KtoUser>(id)!! }
                detached.name = "Ann"
                sessions.begin { s -> s.merge(detached) shouldNotBe detached }
                names() shouldBe listOf("Ann")
            }

            test("Session.expunge(entity) -> expunge(entity)") {
                val id = addUsers("ann")[0]
                sessions.begin { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.expunge(ann)
                    (ann in s) shouldBe false
                    s.get<KtoUser>(id) shouldNotBe ann
                }
            }

            test("Session.expungeAll() -> expungeAll()") {
                val ids = addUsers("ann", "bob")
                sessions.begin { s ->
                    val users = ids.map { s.get<KtoUser>(it)!! }
                    s.expungeAll()
                    users.none { it in s } shouldBe true
                }
            }

            test("Session.contains(entity) -> entity in session") {
                sessions.begin { s ->
                    val ann = KtoUser("ann")
                    (ann in s) shouldBe false
                    s.add(ann)
                    (ann in s) shouldBe true
                }
            }

            test("Session.expire(entity), isExpired(entity) -> expire(entity), isExpired(entity)") {
                val id = addUsers("ann")[0]
                sessions.begin { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.isExpired(ann) shouldBe false
                    s.expire(ann)
                    s.isExpired(ann) shouldBe true
                    s.get<KtoUser>(id) shouldBeSameInstanceAs ann   // reloaded by the get
                    s.isExpired(ann) shouldBe false
                }
            }

            test("Session.expireAll() -> expireAll()") {
                val ids = addUsers("ann", "bob")
                sessions.begin { s ->
                    val users = ids.map { s.get<KtoUser>(it)!! }
                    s.expireAll()
                    users.all { s.isExpired(it) } shouldBe true
                }
            }

            test("Session.isModified(entity) -> isModified(entity)") {
                val id = addUsers("ann")[0]
                sessions.begin { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.isModified(ann) shouldBe false
                    ann.age = 77
                    s.isModified(ann) shouldBe true
                }
            }

            test("Session.refresh(entity) -> refresh(entity)") {
                val id = addUsers("ann")[0]
                sessions.begin { s ->
                    val ann = s.get<KtoUser>(id)!!
                    ann.name = "changed"
                    s.refresh(ann)
                    ann.name shouldBe "ann"
                }
            }

            // ------------------------------------------------------------ Session: loading

            test("Session.get(class, id) -> get<T>(id), get(class, id)") {
                val id = addUsers("ann")[0]
                sessions.session { s ->
                    s.get<KtoUser>(id)!!.name shouldBe "ann"
                    s.get(KtoUser::class.java, id) shouldBeSameInstanceAs s.get<KtoUser>(id)
                    s.get<KtoUser>(id + 1000) shouldBe null
                }
            }

            test("Session.getOne(class, id) -> getOne<T>(id), getOne(class, id)") {
                val id = addUsers("ann")[0]
                sessions.session { s ->
                    s.getOne<KtoUser>(id).name shouldBe "ann"
                    shouldThrow<NoResultException> { s.getOne(KtoUser::class.java, id + 1000) }.message shouldContain "KtoUser"
                }
            }

            test("Session.select(class) -> select<T>(), select(class)") {
                addUsers("ann", "bob")
                sessions.session { s ->
                    s.select<KtoUser>().count() shouldBe 2L
                    s.select(KtoUser::class.java).where { userName eq "bob" }.one().name shouldBe "bob"
                }
            }

            test("Session.query(class) -> query<T>(), query(class)") {
                addUsers("ann")
                sessions.session { s ->
                    s.query<KtoUser>().first()!!.name shouldBe "ann"
                    s.query(KtoUser::class.java).count() shouldBe 1L
                }
            }

            test("Session.execute(statement) -> execute(statement)") {
                val id = addUsers("ann")[0]
                sessions.begin { s ->
                    val ann = s.get<KtoUser>(id)!!
                    s.execute(table<KtoUser>().update({ userId eq id }) { it[userAge] = 50 })
                    ann.age shouldBe 50                          // bulk UPDATE synchronized into the session
                }
            }

            test("Session.execute(statement, parameters) -> execute(statement, parameters)") {
                addUsers("ann", "bob")
                sessions.session { s ->
                    s.execute(Sql.text("SELECT name FROM kto_users WHERE name = :who"), mapOf("who" to "bob"))
                        .scalars<String>() shouldBe listOf("bob")
                }
            }

            test("Ref.get() / RelatedList / Lazy.get() (lazy loads) -> load(entity, Type::attribute), load(holder)") {
                val id = sessions.begin { s ->
                    KtoAuthor("ann", "bio").also { it.posts.add(KtoPost("p")); s.add(it); s.flush() }.id!!
                }
                sessions.session { s ->
                    val ann = s.get<KtoAuthor>(id)!!
                    s.load(ann, KtoAuthor::posts).single().title shouldBe "p"
                    s.load(ann.posts.single().author) shouldBeSameInstanceAs ann
                    s.load(ann, KtoAuthor::bio) shouldBe "bio"
                }
            }

            test("Session.lazyLoadPolicy(policy) -> blockingLazyLoads (refusal by default)") {
                val id = sessions.begin { s -> KtoAuthor("ann").also { s.add(it); s.flush() }.id!! }
                sessions.session { s ->
                    s.session.lazyLoadPolicy() shouldNotBe null
                    shouldThrow<BlockingLazyLoadException> { s.get<KtoAuthor>(id)!!.posts.size }
                    s.blockingLazyLoads = true
                    s.session.lazyLoadPolicy() shouldBe null
                }
            }

            // ------------------------------------------------------------ EntityQuery

            test("EntityQuery.where, filter -> where { }, where(...), filter(...)") {
                addUsers("ann", "bob", "cid")
                sessions.session { s ->
                    s.select<KtoUser>().where { userAge gt 20 }.filter(userName eq "cid").all().map { it.name } shouldBe listOf("cid")
                }
            }

            test("EntityQuery.filterBy(column, value), filterBy(map) -> filterBy(column, value), filterBy(map)") {
                addUsers("ann", "bob")
                sessions.session { s ->
                    s.select<KtoUser>().filterBy(userName, "bob").one().age shouldBe 21
                    s.select<KtoUser>().filterBy(mapOf("name" to "ann", "age" to 20)).one().name shouldBe "ann"
                }
            }

            test("EntityQuery.join(relation), join(table), join(table, on), leftJoin(table, on) -> the same") {
                val id = addUsers("ann", "bob")[0]
                sessions.begin { s -> s.add(KtoAddress(id, "ann@example.com")) }
                sessions.begin { s -> s.add(KtoAuthor("writer").also { it.posts.add(KtoPost("t")) }); s.add(KtoAuthor("idle")) }
                val addresses = table<KtoAddress>()
                val addressUser = column<KtoAddress, Long?>("userId")
                sessions.session { s ->
                    s.select<KtoUser>().join(addresses).all().map { it.name } shouldBe listOf("ann")
                    s.select<KtoUser>().join(addresses, addressUser eq userId).all().map { it.name } shouldBe listOf("ann")
                    s.select<KtoUser>().leftJoin(addresses, addressUser eq userId).orderBy(userName).all().map { it.name } shouldBe
                        listOf("ann", "bob")
                    s.select<KtoAuthor>().join(Relation.of(KtoAuthor::class.java, "posts", KtoPost::class.java)).all()
                        .map { it.name } shouldBe listOf("writer")
                }
            }

            test("EntityQuery.options(LoadOption...) (load options) -> options(...)") {
                sessions.begin { s -> s.add(KtoAuthor("ann").also { it.posts.add(KtoPost("p")) }) }
                sessions.session { s ->
                    val ann = s.select<KtoAuthor>().options(LoadOption.selectIn("posts")).one()
                    ann.posts.isLoaded shouldBe true
                    ann.posts.single().title shouldBe "p"                  // no lazy load: no refusal
                    val post = s.select<KtoPost>().options(LoadOption.joined("author")).one()
                    post.author.get() shouldBeSameInstanceAs ann
                }
            }

            test("LoadOption.undefer(column), undefer(through, column) -> undefer(T::property), undefer(relation, T::property)") {
                sessions.begin { s -> s.add(KtoAuthor("ann", "ann's bio").also { it.posts.add(KtoPost("p")) }) }
                sessions.session { s ->
                    s.select<KtoAuthor>().options(undefer(KtoAuthor::bio)).one().bio.get() shouldBe "ann's bio"
                }
                sessions.session { s ->
                    val author = Relation.of(KtoPost::class.java, "author", KtoAuthor::class.java)
                    val post = s.select<KtoPost>().options(undefer(author, KtoAuthor::bio)).one()
                    post.author.get()!!.bio.get() shouldBe "ann's bio"            // loaded with the IN query: no refusal
                }
            }

            test("EntityQuery.orderBy, distinct, limit, offset -> the same (orderBy also with Kotlin pairs)") {
                addUsers("ann", "bob", "cid", "dan")
                sessions.session { s ->
                    s.select<KtoUser>().orderBy(userName to SortOrder.DESC).offset(1).limit(2).distinct().all()
                        .map { it.name } shouldBe listOf("cid", "bob")
                }
            }

            test("EntityQuery.forUpdate() -> forUpdate()") {
                val id = addUsers("ann")[0]
                sessions.begin { s -> s.select<KtoUser>().where { userId eq id }.forUpdate().one().name shouldBe "ann" }
            }

            test("EntityQuery.toSelect() -> toSelect()") {
                sessions.session { s -> s.select<KtoUser>().where { userName eq "x" }.toSelect().where() shouldNotBe null }
            }

            test("EntityQuery.all, first, one, oneOrNull, scalarOneOrNull -> the same, suspend") {
                addUsers("ann", "bob")
                sessions.session { s ->
                    val q = s.select<KtoUser>().orderBy(userName)
                    q.all().size shouldBe 2
                    q.first()!!.name shouldBe "ann"
                    q.where { userName eq "bob" }.one().name shouldBe "bob"
                    q.where { userName eq "nobody" }.oneOrNull() shouldBe null
                    q.where { userName eq "ann" }.scalarOneOrNull()!!.name shouldBe "ann"
                }
            }

            test("EntityQuery.count() -> count()") {
                addUsers("ann", "bob")
                sessions.session { s -> s.select<KtoUser>().count() shouldBe 2L }
            }

            test("EntityQuery.partitions(size, expunge) -> stream(chunkSize, expunge), session.stream(query)") {
                addUsers(*Array(25) { "u%02d".format(it) })
                sessions.session { s ->
                    s.stream(s.select<KtoUser>().orderBy(userName), chunkSize = 10).toList().map { it.name } shouldBe
                        (0 until 25).map { "u%02d".format(it) }
                    s.select<KtoUser>().stream(chunkSize = 4, expunge = false).toList().all { it in s } shouldBe true
                }
            }
        }
    }
})
