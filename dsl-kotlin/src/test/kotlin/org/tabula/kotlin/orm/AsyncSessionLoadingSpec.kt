package org.tabula.kotlin.orm

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeSameInstanceAs
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.KtDatabases
import org.tabula.kotlin.awaitPoolIdle
import org.tabula.kotlin.eq
import org.tabula.kotlin.update
import org.tabula.orm.LoadOption
import org.tabula.orm.OrmException
import org.tabula.orm.Relation

/**
 * Suspend loading of relationships, deferred columns and expired objects, the refusal of hidden
 * blocking lazy loads, and entity streams, on every database. Every statement's thread is
 * recorded by a statement listener: outside the blocking opt-in, all are the engine's JDBC threads.
 */
class AsyncSessionLoadingSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val statements = CopyOnWriteArrayList<Pair<String, String>>()
            val engine = KtDatabases.newEngine(
                db,
                EngineOptions.defaults().poolSize(2).maxOverflow(0)
                    .listener { sql, _ -> statements.add(Thread.currentThread().name to sql) },
            )
            val async = AsyncEngine(engine)
            val sessions = async.sessionFactory()
            KtoTables.create(engine)
            afterSpec { engine.close() }

            suspend fun seed(): Long = sessions.begin { s ->
                val ann = KtoAuthor("ann", "ann's long bio")
                ann.posts.add(KtoPost("b-post"))
                ann.posts.add(KtoPost("a-post"))
                s.add(ann)
                s.flush()
                ann.id!!
            }

            beforeEach {
                KtoTables.clear(async)
                statements.clear()
            }

            /** No statement ran on a thread other than the engine's JDBC threads. */
            fun onlyEngineThreads() {
                statements.filterNot { it.first.startsWith("tabula-jdbc-") }.shouldBeEmpty()
            }

            test("session.load reads a to-many, a to-one and a deferred column with suspend calls on the JDBC threads") {
                val id = seed()
                sessions.begin { s ->
                    withContext(Dispatchers.Default) {            // a caller that must never block
                        val ann = s.get<KtoAuthor>(id)!!
                        ann.posts.isLoaded shouldBe false
                        ann.bio.isLoaded shouldBe false
                        s.load(ann, KtoAuthor::posts).map { it.title } shouldBe listOf("a-post", "b-post")
                        s.load(ann.posts) shouldBeSameInstanceAs ann.posts
                        val post = s.select<KtoPost>().where { KtoPost::title.column eq "a-post" }.one()
                        s.load(post, KtoPost::author) shouldBeSameInstanceAs ann
                        s.load(post.author) shouldBeSameInstanceAs ann
                        s.load(ann, KtoAuthor::bio) shouldBe "ann's long bio"
                        s.load(ann.bio) shouldBe "ann's long bio"
                    }
                }
                onlyEngineThreads()
            }

            test("implicit lazy access throws, naming the entity, the attribute and both fixes, and runs no SQL") {
                val id = seed()
                sessions.begin { s ->
                    val ann = s.get<KtoAuthor>(id)!!
                    val post = s.select<KtoPost>().where { KtoPost::title.column eq "a-post" }.one()
                    val before = statements.size
                    withContext(Dispatchers.Default) {
                        val e = shouldThrow<BlockingLazyLoadException> { ann.posts.size }
                        e.attribute shouldBe "KtoAuthor.posts"
                        e.message shouldContain "KtoAuthor.posts of KtoAuthor(id=$id) is not loaded"
                        e.message shouldContain "session.load(entity, KtoAuthor::posts)"
                        e.message shouldContain ".options(selectIn(KtoAuthor_.posts)) or joined(...)"
                        e.message shouldContain "blockingLazyLoads(true)"
                        shouldThrow<BlockingLazyLoadException> { post.author.get() }.message shouldContain
                            "KtoPost.author of KtoPost(id=${post.id})"
                        shouldThrow<BlockingLazyLoadException> { ann.bio.get() }.message shouldContain
                            "session.load(entity, KtoAuthor::bio)"
                    }
                    // The block itself runs on a JDBC thread, but an implicit load there is refused too.
                    shouldThrow<BlockingLazyLoadException> { ann.posts.size }
                    statements.size shouldBe before
                    ann.posts.isLoaded shouldBe false
                    // Explicit blocking work and eager options load as usual.
                    s.call { ann.posts.size } shouldBe 2
                    s.expunge(ann)
                    val eager = s.select<KtoAuthor>().options(LoadOption.selectIn("posts")).one()
                    eager.posts.map { it.title } shouldBe listOf("a-post", "b-post")
                }
                onlyEngineThreads()
            }

            test("setting a to-one whose old value is not loaded keeps the back reference in sync without loading") {
                val id = seed()
                sessions.begin { s ->
                    val ann = s.get<KtoAuthor>(id)!!
                    s.load(ann.posts)
                    val bob = KtoAuthor("bob")
                    s.add(bob)
                    val post = ann.posts.first { it.title == "a-post" }
                    post.author.set(bob)                        // the old author is ann, found in the identity map
                    ann.posts.map { it.title } shouldBe listOf("b-post")
                    s.load(bob.posts).map { it.title } shouldBe listOf("a-post")
                }
                onlyEngineThreads()
            }

            test("blocking lazy loads are an explicit opt-in, on the factory or the session") {
                val id = seed()
                sessions.blockingLazyLoads(true).begin { s ->
                    s.blockingLazyLoads shouldBe true
                    s.get<KtoAuthor>(id)!!.posts.size shouldBe 2
                }
                sessions.begin { s ->
                    val ann = s.get<KtoAuthor>(id)!!
                    shouldThrow<BlockingLazyLoadException> { ann.bio.get() }
                    s.blockingLazyLoads = true
                    ann.bio.get() shouldBe "ann's long bio"
                    s.blockingLazyLoads = false
                    shouldThrow<BlockingLazyLoadException> { ann.posts.size }
                }
            }

            test("session.load(entity) reloads an expired object with a suspend call; reading it alone runs no SQL") {
                val id = seed()
                sessions.session { s ->
                    val ann = s.get<KtoAuthor>(id)!!
                    s.commit()                                  // expireOnCommit
                    s.isExpired(ann) shouldBe true
                    s.connection.execute(table<KtoAuthor>().update({ column<KtoAuthor, Long>("id") eq id }) {
                        it[column<KtoAuthor, String>("name")] = "Ann"
                    })
                    val before = statements.size
                    ann.name shouldBe "ann"                     // a plain field: last known value, no SQL
                    statements.size shouldBe before
                    withContext(Dispatchers.Default) { s.load(ann).name } shouldBe "Ann"
                    s.isExpired(ann) shouldBe false
                    s.load(ann) shouldBeSameInstanceAs ann      // not expired: no SQL
                    s.rollback()
                }
                onlyEngineThreads()
            }

            test("session.stream reads objects in chunks and keeps the identity map bounded") {
                sessions.begin { s -> s.addAll((1..250).map { KtoAuthor("a%03d".format(it)) }) }
                statements.clear()
                sessions.begin { s ->
                    val held = s.select<KtoAuthor>().where { KtoAuthor::name.column eq "a001" }.one()
                    val seen = ArrayList<KtoAuthor>()
                    var changed: KtoAuthor? = null
                    withContext(Dispatchers.Default) {
                        s.stream(s.select<KtoAuthor>().orderBy(KtoAuthor::name.column), chunkSize = 100).collect { a ->
                            seen.add(a)
                            if (seen.size == 150) {
                                (seen[0] in s) shouldBe true           // held before the stream: stays
                                (seen[1] in s) shouldBe false          // first chunk: expunged when the second was read
                                (seen[149] in s) shouldBe true
                            }
                            if (a.name == "a120") {
                                a.name = "a120-changed"
                                changed = a
                            }
                        }
                    }
                    seen.size shouldBe 250
                    seen[0] shouldBeSameInstanceAs held
                    seen.count { it in s } shouldBe 2                   // held before, and the one changed
                    (changed!! in s) shouldBe true
                }
                sessions.session { s -> s.select<KtoAuthor>().where { KtoAuthor::name.column eq "a120-changed" }.count() } shouldBe 1
                onlyEngineThreads()
            }

            test("stream without expunge keeps every object; an early stop closes the cursor and the transaction goes on") {
                sessions.begin { s -> s.addAll((1..30).map { KtoAuthor("b%02d".format(it)) }) }
                sessions.begin { s ->
                    val all = s.select<KtoAuthor>().stream(chunkSize = 7, expunge = false).toList()
                    all.size shouldBe 30
                    all.all { it in s } shouldBe true
                    s.select<KtoAuthor>().stream(chunkSize = 7).take(3).toList().size shouldBe 3
                    s.add(KtoAuthor("after"))
                }
                sessions.session { s -> s.select<KtoAuthor>().count() } shouldBe 31
                awaitPoolIdle(engine)
            }

            test("undefer loads a deferred column with the row: reading it needs no suspend call and runs no SQL") {
                val id = seed()
                sessions.session { s ->
                    withContext(Dispatchers.Default) {
                        statements.clear()
                        val ann = s.select<KtoAuthor>().options(undefer(KtoAuthor::bio)).one()
                        ann.id shouldBe id
                        ann.bio.isLoaded shouldBe true
                        ann.bio.get() shouldBe "ann's long bio"        // no BlockingLazyLoadException
                        statements.size shouldBe 1
                        statements[0].second shouldContain "bio"
                    }
                }
                onlyEngineThreads()
            }

            test("a stream's load options apply per chunk: select-in between chunks, undefer in the statement (MySQL/MariaDB: with useCursorFetch)") {
                sessions.begin { s ->
                    s.addAll((1..12).map { i -> KtoAuthor("s%02d".format(i), "bio $i").also { it.posts.add(KtoPost("p$i")) } })
                }
                statements.clear()
                val query: suspend (AsyncSession) -> List<String> = { s ->
                    s.select<KtoAuthor>().orderBy(KtoAuthor::name.column)
                        .options(LoadOption.selectIn(Relation.of(KtoAuthor::class.java, "posts", KtoPost::class.java)), undefer(KtoAuthor::bio))
                        .stream(chunkSize = 5)
                        .toList()
                        .map { a -> "${a.name} ${a.bio.get()} ${a.posts.single().title}" }     // loaded: no suspend call needed
                }
                if (db == "mysql") {
                    shouldThrow<OrmException> { sessions.session { s -> query(s) } }.message shouldContain "useCursorFetch=true"
                    // Through a server-side cursor the IN queries run between chunks, on the JDBC threads.
                    val cursorStatements = CopyOnWriteArrayList<Pair<String, String>>()
                    Engine.create(
                        KtDatabases.url(db) + "&useCursorFetch=true",
                        EngineOptions.defaults().poolSize(1).listener { sql, _ -> cursorStatements.add(Thread.currentThread().name to sql) },
                    ).use { cursor ->
                        val lines = AsyncEngine(cursor).sessionFactory().session { s -> withContext(Dispatchers.Default) { query(s) } }
                        lines.first() shouldBe "s01 bio 1 p1"
                        lines.size shouldBe 12
                        cursorStatements.count { it.second.startsWith("SELECT") } shouldBe 1 + 3
                        cursorStatements.filterNot { it.first.startsWith("tabula-jdbc-") }.shouldBeEmpty()
                    }
                } else {
                    val lines = sessions.session { s -> withContext(Dispatchers.Default) { query(s) } }
                    lines.first() shouldBe "s01 bio 1 p1"
                    lines.size shouldBe 12
                    // The stream's SELECT and one IN query per chunk (5 + 5 + 2).
                    statements.count { it.second.startsWith("SELECT") } shouldBe 1 + 3
                }
                onlyEngineThreads()
                awaitPoolIdle(engine)
            }

            test("cancelling the collector cancels the stream and rolls the transaction back") {
                sessions.begin { s -> s.addAll((1..300).map { KtoAuthor("c%03d".format(it)) }) }
                val collecting = CompletableDeferred<Unit>()
                coroutineScope {
                    val job = launch {
                        sessions.begin { s ->
                            s.add(KtoAuthor("uncommitted"))
                            s.flush()
                            s.select<KtoAuthor>().stream(chunkSize = 50).collect {
                                collecting.complete(Unit)
                                delay(5)
                            }
                        }
                    }
                    collecting.await()
                    job.cancelAndJoin()
                }
                awaitPoolIdle(engine)
                sessions.session { s -> s.select<KtoAuthor>().where { KtoAuthor::name.column eq "uncommitted" }.count() } shouldBe 0
                onlyEngineThreads()
            }

            test("the JDBC threads are the engine's") {
                async.begin { Thread.currentThread().name shouldStartWith "tabula-jdbc-" }
            }
        }
    }
})
