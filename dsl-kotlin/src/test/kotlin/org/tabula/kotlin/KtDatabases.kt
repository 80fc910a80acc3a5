package org.tabula.kotlin

import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions

/**
 * The databases the Kotlin specs run on, read from the same system properties (and defaults) as
 * integration-tests' Databases: SQLite always, plus `mysql` and `postgresql` when listed in
 * `tabula.it.databases`.
 */
object KtDatabases {
    private val engines = ConcurrentHashMap<String, Engine>()

    fun names(): List<String> {
        val out = System.getProperty("tabula.it.databases", "sqlite").split(",").map { it.trim() }
            .filter { it.isNotEmpty() }.toMutableList()
        if ("sqlite" !in out) {
            out.add(0, "sqlite")
        }
        return out
    }

    fun url(name: String): String = when (name) {
        "sqlite" -> "jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/tabula-kt-" + ProcessHandle.current().pid() + ".db"
        "mysql" -> System.getProperty(
            "tabula.it.mysql.url",
            "jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true",
        )
        "postgresql" -> System.getProperty("tabula.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test?user=root")
        else -> throw IllegalArgumentException("unknown test database $name")
    }

    /** The shared engine for a database, with the kt_ tables created. */
    fun engine(name: String): Engine = engines.computeIfAbsent(name) {
        val engine = newEngine(name, EngineOptions.defaults().poolSize(4).maxOverflow(6))
        KT_METADATA.dropAll(engine)
        KT_METADATA.createAll(engine)
        Runtime.getRuntime().addShutdownHook(Thread { engine.close() })
        engine
    }

    fun newEngine(name: String, options: EngineOptions): Engine =
        Engine.create(url(name), options.leakDetectionThreshold(Duration.ofSeconds(30)))

    /** Empties the kt_ tables. */
    fun clean(engine: Engine) {
        engine.connect().use { conn ->
            conn.execute(KtPosts.deleteAll())
            conn.execute(KtUsers.deleteAll())
            conn.commit()
        }
    }
}
