package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.core.test.Enabled
import io.kotest.matchers.shouldBe
import java.sql.DriverManager
import java.time.Duration
import java.util.UUID
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import org.tabula.Sql
import org.tabula.engine.Engine
import org.tabula.engine.EngineOptions
import org.tabula.engine.ReplicaOptions
import org.tabula.kotlin.orm.AsyncSessionFactory
import org.tabula.schema.MetaData
import org.tabula.schema.Table

object KtReplicaRows : Table("kt_replica_rows") {
    val token = varchar("token", 40).primaryKey()
}

/**
 * The coroutine path of `Engine.replicated` on real replication (PostgreSQL 5434 -> 5433, MariaDB
 * 3307 -> 3308, started by `.ci/replication/up.sh`; skipped when they are not up): `connect` and
 * `execute` outside a transaction read a replica, `begin` and ORM sessions run on the primary,
 * and a coroutine's write sends its own reads (and those of a [readYourWrites] block) to the
 * primary for the window.
 */
class ReplicationSpec : FunSpec({

    data class Pair(val name: String, val primary: String, val replica: String, val whereSql: String)

    val pairs = listOf(
        Pair("postgresql", "jdbc:postgresql://127.0.0.1:5434/test?user=postgres&connectTimeout=2",
            "jdbc:postgresql://127.0.0.1:5433/test?user=postgres&connectTimeout=2", "SELECT pg_is_in_recovery()"),
        Pair("mariadb", "jdbc:mysql://127.0.0.1:3307/test?user=tabula&password=&useSSL=false&connectTimeout=2000",
            "jdbc:mysql://127.0.0.1:3308/test?user=tabula&password=&useSSL=false&connectTimeout=2000", "SELECT @@read_only"),
    )

    for (p in pairs) {
        val problem = runCatching {
            DriverManager.getConnection(p.primary).close()
            DriverManager.getConnection(p.replica).close()
        }.exceptionOrNull()
        val enabled = if (problem == null) Enabled.enabled
        else Enabled.disabled("${p.name} primary and replica not up (${problem.message}): start them with .ci/replication/up.sh")

        context(p.name).config(enabledOrReasonIf = { enabled }) {
            /** "replica" or "primary": where the last statement of [conn] ran, asked on the same physical connection. */
            fun where(conn: AsyncConnection): String =
                conn.connection.jdbc().createStatement().use { st ->
                    st.executeQuery(p.whereSql).use { rs -> rs.next(); if (rs.getBoolean(1)) "replica" else "primary" }
                }

            suspend fun AsyncEngine.readWhere(): String = connect {
                execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).limit(1))
                where(this)
            }

            fun replicated(window: Duration): AsyncEngine {
                val options = EngineOptions.defaults().poolSize(1).maxOverflow(4)
                val engine = Engine.replicated(
                    ReplicaOptions.defaults().readYourWritesWindow(window).healthCheckInterval(Duration.ofMillis(50)),
                    Engine.create(p.primary, options), Engine.create(p.replica, options),
                )
                MetaData(KtReplicaRows).createAll(engine)
                return AsyncEngine(engine)
            }

            /**
             * Waits until the router's last health check finds the replica usable: right after a
             * write the standby can look far behind for a moment (PostgreSQL measures lag from the
             * last replayed transaction, which after an idle spell is old), and reads then go to
             * the primary by design.
             */
            suspend fun awaitReplicaUsable(db: AsyncEngine) {
                repeat(200) {
                    if (db.engine.replicaStatus().all { it.usable() }) return
                    delay(50)
                }
                error("the ${p.name} replica never became usable: ${db.engine.replicaStatus()}")
            }

            suspend fun awaitOnReplica(db: AsyncEngine, token: String) {
                repeat(600) {
                    val found = runCatching {
                        db.replica().connect {
                            execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).where(KtReplicaRows.token.eq(token)))
                                .scalars<String>()
                        }
                    }.getOrNull()
                    if (found == listOf(token)) return awaitReplicaUsable(db)
                    delay(50)
                }
                error("$token never reached the ${p.name} replica")
            }

            test("connect reads a replica, begin runs on the primary, execute outside a transaction reads a replica") {
                replicated(Duration.ZERO).use { db ->
                    val token = UUID.randomUUID().toString()
                    db.begin {
                        execute(Sql.insert(KtReplicaRows).set(KtReplicaRows.token, token))
                        where(this) shouldBe "primary"
                    }
                    awaitOnReplica(db, token)
                    db.readWhere() shouldBe "replica"
                    db.begin {
                        execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).limit(1))
                        where(this) shouldBe "primary"
                    }
                    db.execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).where(KtReplicaRows.token.eq(token)))
                        .scalars<String>() shouldBe listOf(token)
                    db.primary().readWhere() shouldBe "primary"
                    db.replica().readWhere() shouldBe "replica"
                }
            }

            test("after a write the same coroutine reads the primary for the window, another coroutine a replica") {
                replicated(Duration.ofSeconds(2)).use { db ->
                    awaitReplicaUsable(db)
                    db.readWhere() shouldBe "replica"
                    val token = UUID.randomUUID().toString()
                    db.begin { execute(Sql.insert(KtReplicaRows).set(KtReplicaRows.token, token)) }
                    db.readWhere() shouldBe "primary"
                    awaitReplicaUsable(db) // within the window: this coroutine still reads the primary after it
                    db.readWhere() shouldBe "primary"
                    coroutineScope { async { db.readWhere() }.await() } shouldBe "replica"
                    readYourWrites {
                        db.begin { execute(Sql.insert(KtReplicaRows).set(KtReplicaRows.token, UUID.randomUUID().toString())) }
                        async { db.readWhere() }.await() shouldBe "primary"
                    }
                    delay(2100)
                    awaitReplicaUsable(db)
                    db.readWhere() shouldBe "replica"
                }
            }

            test("an ORM session of its own runs on the primary") {
                replicated(Duration.ZERO).use { db ->
                    val sessions = AsyncSessionFactory(db)
                    sessions.session { session ->
                        session.connection.execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).limit(1))
                        where(session.connection)
                    } shouldBe "primary"
                    sessions.begin { session ->
                        session.connection.execute(Sql.select(KtReplicaRows.token).from(KtReplicaRows).limit(1))
                        where(session.connection)
                    } shouldBe "primary"
                }
            }
        }
    }
})
