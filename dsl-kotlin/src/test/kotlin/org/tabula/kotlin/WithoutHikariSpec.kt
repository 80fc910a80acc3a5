package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.net.URL
import java.net.URLClassLoader
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Function
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.runBlocking
import org.sqlite.SQLiteDataSource
import org.tabula.Sql
import org.tabula.dialect.Dialect
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions

/** Runs in [WithoutHikariSpec]'s class loader: the coroutine layer over a plain driver data source. */
class WithoutHikariProbe : Function<String, String> {
    override fun apply(dbFile: String): String {
        val ds = SQLiteDataSource().apply { url = "jdbc:sqlite:$dbFile" }
        return AsyncEngine(Engine.create(ds, Dialect.SQLITE, EngineOptions.defaults())).use { async ->
            runBlocking {
                async.begin {
                    execute(Sql.text("CREATE TABLE t (x INTEGER)"))
                    execute(Sql.text("INSERT INTO t VALUES (42)"))
                }
                async.connect { execute(Sql.text("SELECT x FROM t")).scalarOne<Any>().toString() }
            }
        }
    }
}

/**
 * HikariCP is optional for the Kotlin layer too: the probe runs in a class loader made of Tabula's
 * classes, the Kotlin and coroutine libraries, the SQLite driver and SLF4J only.
 */
class WithoutHikariSpec : FunSpec({

    fun location(type: Class<*>): URL = Path.of(type.protectionDomain.codeSource.location.toURI()).toUri().toURL()

    test("AsyncEngine over a plain DataSource works with no HikariCP on the class path") {
        val classPath = listOf(
            AsyncEngine::class.java, WithoutHikariProbe::class.java, Engine::class.java, Unit::class.java,
            CoroutineScope::class.java, SQLiteDataSource::class.java,
            // By name: SLF4J reaches this module only through dsl-java.
            Class.forName("org.slf4j.LoggerFactory"), Class.forName("org.slf4j.simple.SimpleServiceProvider"),
        ).map(::location).distinct().toTypedArray()
        val dir = Files.createTempDirectory("without-hikari")
        URLClassLoader("without-hikari", classPath, ClassLoader.getPlatformClassLoader()).use { loader ->
            shouldThrow<ClassNotFoundException> { loader.loadClass("com.zaxxer.hikari.HikariDataSource") }
            @Suppress("UNCHECKED_CAST")
            val probe = loader.loadClass(WithoutHikariProbe::class.java.name).getConstructor().newInstance()
                as Function<String, String>
            probe.apply(dir.resolve("plain.db").toString()) shouldBe "42"
        }
        dir.toFile().deleteRecursively()
    }
})
