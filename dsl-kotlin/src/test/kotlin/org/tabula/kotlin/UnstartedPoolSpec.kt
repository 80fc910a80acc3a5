package org.tabula.kotlin

import com.zaxxer.hikari.HikariDataSource
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.nio.file.Files
import org.tabula.Sql.select
import org.tabula.Sql.value
import org.tabula.dialect.Dialect
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions

/**
 * An AsyncEngine over a HikariCP pool that has not started yet (`HikariDataSource()` starts, and
 * gets its name, on its first connection): what a Spring application's data source is when the
 * engine is made with a known dialect. It used to fail with "getPoolName(...) must not be null".
 */
class UnstartedPoolSpec : FunSpec({

    test("an AsyncEngine over an unstarted HikariCP pool works") {
        val file = Files.createTempFile("tabula-unstarted", ".db")
        val pool = HikariDataSource().apply { jdbcUrl = "jdbc:sqlite:$file" }
        try {
            pool.poolName shouldBe null
            val db = AsyncEngine(Engine.create(pool, Dialect.SQLITE, EngineOptions.defaults()))
            db.connect { execute(select(value(1L))).scalarOne<Long>() } shouldBe 1L
            db.close()
        } finally {
            pool.close()
            Files.deleteIfExists(file)
        }
    }
})
