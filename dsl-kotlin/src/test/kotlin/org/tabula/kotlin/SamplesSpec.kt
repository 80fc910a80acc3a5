package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import java.io.File
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.nio.file.Files
import kotlin.reflect.KClass
import kotlin.reflect.full.callSuspend
import kotlin.reflect.jvm.kotlinFunction
import kotlinx.coroutines.withTimeout
import org.tabula.engine.Connection
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.AsyncSessionFactory
import org.tabula.kotlin.samples.Orders
import org.tabula.kotlin.samples.Post
import org.tabula.kotlin.samples.Posts
import org.tabula.kotlin.samples.SAMPLE_ENTITIES
import org.tabula.kotlin.samples.SAMPLE_METADATA
import org.tabula.kotlin.samples.User
import org.tabula.kotlin.samples.Users
import org.tabula.orm.Lazy
import org.tabula.orm.SessionFactory

/**
 * Runs every sample function of `org.tabula.kotlin.samples` (the `@sample`s of dsl-kotlin's KDoc) on SQLite,
 * each on freshly created tables holding the same few rows, so that the examples in the API docs
 * do not only compile but work. A sample asks for what it needs by its parameters' types: a
 * [Connection], an [Engine], an [AsyncEngine], an [AsyncSessionFactory], or an [AsyncSession]
 * (given inside `sessions.begin { }`).
 */
class SamplesSpec : FunSpec({

    val file = Files.createTempFile("tabula-kt-samples", ".db").toFile().also { it.deleteOnExit() }
    val engine = Engine.create("jdbc:sqlite:${file.path}", EngineOptions.defaults().poolSize(4))
    val db = AsyncEngine(engine)
    val sessions = AsyncSessionFactory(db)
    afterSpec { engine.close() }

    val samples = sampleMethods()

    test("the samples are found") {
        samples.size shouldBeGreaterThan 150
    }

    for (method in samples) {
        test("${method.declaringClass.simpleName.removeSuffix("Kt")}.${method.name}") {
            reset(engine)
            val function = method.kotlinFunction ?: error("${method.name} is not a Kotlin function")
            val types = function.parameters.map { it.type.classifier as KClass<*> }
            suspend fun call(session: AsyncSession?, conn: Connection?): Any? = function.callSuspend(*types.map {
                when (it) {
                    Connection::class -> conn ?: error("no connection")
                    Engine::class -> engine
                    AsyncEngine::class -> db
                    AsyncSessionFactory::class -> sessions
                    AsyncSession::class -> session ?: error("no session")
                    else -> error("${method.name} asks for a ${it.simpleName}, which SamplesSpec does not make")
                }
            }.toTypedArray())
            withTimeout(30_000) {
                when {
                    AsyncSession::class in types -> sessions.begin { s -> call(s, null) }
                    Connection::class in types -> engine.connect().use { conn -> call(null, conn) }
                    else -> call(null, null)
                }
            }
        }
    }
})

/** The public top-level functions of the `*Samples.kt` files, by file and name. */
private fun sampleMethods(): List<Method> {
    val dir = File(SamplesSpec::class.java.protectionDomain.codeSource.location.toURI()).resolve("org/tabula/kotlin/samples")
    return dir.listFiles { f -> f.name.endsWith("SamplesKt.class") }!!.sortedBy { it.name }
        .map { Class.forName("org.tabula.kotlin.samples." + it.name.removeSuffix(".class")) }
        .flatMap { c -> c.declaredMethods.filter { Modifier.isPublic(it.modifiers) && Modifier.isStatic(it.modifiers) && !it.isSynthetic && '$' !in it.name }.sortedBy { it.name } }
}

/** The sample tables, empty but for ann, bob and cid, their posts, two orders; and the entities' tables. */
private fun reset(engine: Engine) {
    for (metadata in listOf(SAMPLE_METADATA, SAMPLE_ENTITIES)) {
        metadata.dropAll(engine)
        metadata.createAll(engine)
    }
    engine.connect().use { conn ->
        conn.batchInsert(Users, listOf(Triple("ann", 31, "ann@example.com"), Triple("bob", 25, "bob@example.org"), Triple("cid", null, null))) { row, u ->
            row[name] = u.first; row[age] = u.second; row[email] = u.third
        }
        conn.batchInsert(Posts, listOf(Triple(1L, "first", 4.5), Triple(1L, "second", null), Triple(2L, "third", 2.0))) { row, p ->
            row[userId] = p.first; row[title] = p.second; row[score] = p.third
        }
        conn.execute(Orders.insert { it[item] = "book"; it[quantity] = 1L; it[amount] = "9.90".toBigDecimal(); it[paid] = "9.90".toBigDecimal() })
        conn.execute(Orders.insert { it[item] = "pen"; it[quantity] = 3L; it[amount] = "4.50".toBigDecimal(); it[paid] = "0.00".toBigDecimal() })
        conn.commit()
    }
    SessionFactory.of(engine).openSession().use { s ->
        s.add(User("ann", 31).also { it.bio = Lazy.of("writes"); it.posts.add(Post("first")); it.posts.add(Post("second")) })
        s.add(User("bob", 25))
        s.commit()
    }
}
