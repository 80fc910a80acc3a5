package org.tabula.kotlin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import org.tabula.dialect.Dialect
import org.tabula.error.NotNullViolationException
import org.tabula.result.Row

/** The Kotlin builders run on SQLite, MariaDB and PostgreSQL through the Java engine. */
class BuildersSpec : FunSpec({

    for (db in KtDatabases.names()) {
        context(db) {
            val engine = KtDatabases.engine(db)
            val u = KtUsers
            val p = KtPosts

            beforeEach { KtDatabases.clean(engine) }

            test("insert, select with and/or/inList/contains, typed row access") {
                engine.connect().use { conn ->
                    val ann = conn.execute(u.insert { it[name] = "ann"; it[age] = 31 }).insertedPrimaryKey()[u.id]
                    val bob = conn.execute(u.insert { it[name] = "bob"; it[email] = "bob@x.org" }).insertedPrimaryKey()[u.id]
                    conn.execute(u.insert { it[name] = "cid 50%"; it[age] = 12 })
                    conn.commit()

                    val rows = conn.execute(
                        u.select(u.id, u.name, u.age)
                            .where { ((u.age gt 18) or (u.id inList listOf(bob))) and not(u.name contains "%") }
                            .orderBy(u.id to SortOrder.ASC)
                    ).all()
                    rows.map { it[u.name] } shouldContainExactly listOf("ann", "bob")
                    val first: Row = rows[0]
                    val id: Long = first[u.id]
                    val age: Int? = first[u.age]
                    id shouldBe ann
                    age shouldBe 31
                    rows[1][u.age] shouldBe null

                    conn.execute(u.select(u.name).where { u.name contains "50%" }).one()[u.name] shouldBe "cid 50%"
                    conn.execute(u.select(u.name).where { u.age between 10..20 }).one()[u.name] shouldBe "cid 50%"
                    conn.execute(u.select(u.name).where { u.email ilike "BOB@%" }).one()[u.name] shouldBe "bob"
                    conn.execute(u.select(u.name).where { u.age.isNull() }).one()[u.name] shouldBe "bob"
                    conn.execute(u.select(u.name).where { (u.age + 1) eq 32 }).one()[u.name] shouldBe "ann"
                    conn.execute(u.select(count()).where { u.id notInList listOf(ann, bob) }).scalarOne<Long>() shouldBe 1L
                }
            }

            test("update and delete") {
                engine.connect().use { conn ->
                    val id = conn.execute(u.insert { it[name] = "ann"; it[age] = 30 }).insertedPrimaryKey()[u.id]
                    conn.execute(u.update({ u.id eq id }) { it[name] = "bob"; it[age] = age + 1 }).rowCount() shouldBe 1L
                    conn.execute(u.select(u.name, u.age).where { u.id eq id }).one().let {
                        it[u.name] shouldBe "bob"
                        it[u.age] shouldBe 31
                    }
                    conn.execute(u.updateAll { it[age] = null }).rowCount() shouldBe 1L
                    conn.execute(u.deleteWhere { u.id eq 999L }).rowCount() shouldBe 0L
                    conn.execute(u.deleteWhere { name eq "bob" }).rowCount() shouldBe 1L
                    conn.commit()
                }
            }

            test("returning variants where the dialect has them") {
                engine.connect().use { conn ->
                    val inserted = conn.execute(u.insertReturning(u.id, u.name) { it[name] = "ann" }).one()
                    inserted[u.name] shouldBe "ann"
                    if (engine.dialect() != Dialect.MYSQL && engine.dialect() != Dialect.MARIADB) {
                        conn.execute(u.updateReturning(u.age, where = { id eq inserted[u.id] }) { it[age] = 5 })
                            .one()[u.age] shouldBe 5
                    }
                    if (engine.dialect() != Dialect.MYSQL) {
                        conn.execute(u.deleteReturning(u.name) { id eq inserted[u.id] }).one()[u.name] shouldBe "ann"
                    }
                    conn.commit()
                }
            }

            test("batch insert of any Iterable binds one row per item, sets in any order; a row lacking a column is named") {
                engine.begin { conn ->
                    conn.batchInsert(u, 1..2500) { row, i ->
                        if (i % 2 == 0) {
                            row[name] = "u$i"
                            row[age] = i
                        } else {
                            row[age] = i
                            row[name] = "u$i"
                        }
                    }.rowCount() shouldBe 2500L
                    conn.execute(u.select(count()).where { u.name eq "u1717" and (u.age eq 1717) }).scalarOne<Long>() shouldBe 1L
                    val ages: Long? = conn.execute(u.select(u.age.sum())).scalarOne()
                    ages shouldBe 2500L * 2501 / 2
                }
                engine.connect().use { conn ->
                    val e = shouldThrow<IllegalArgumentException> {
                        conn.batchInsert(u, listOf("ann", "bob")) { row, n ->
                            row[name] = n
                            if (n == "ann") row[age] = 1
                        }
                    }
                    (e.message!!.contains("row 1") && e.message!!.contains("age")) shouldBe true
                    conn.rollback()
                }
            }

            test("batch insert (executemany), join, group by, having, aggregates, mapTo") {
                engine.begin { conn ->
                    conn.batchInsert(u, listOf("ann" to 30, "bob" to null, "cid" to 40)) { row, (n, a) ->
                        row[name] = n
                        row[age] = a
                    }.rowCount() shouldBe 3L
                    val ids = conn.execute(u.select(u.id, u.name)).all().associate { it[u.name] to it[u.id] }
                    conn.batchInsert(p, listOf("ann" to 1.5, "ann" to 2.5, "bob" to null)) { row, (n, s) ->
                        row[userId] = ids.getValue(n)
                        row[title] = "post of $n"
                        row[score] = s
                    }
                }
                engine.connect().use { conn ->
                    val counts = conn.execute(
                        u.select(u.name, p.id.count().`as`("posts")).join(p).groupBy(u.name)
                            .having { p.id.count() ge 1L }.orderBy(u.name to SortOrder.ASC)
                    ).mapTo<PostCount>()
                    counts shouldContainExactly listOf(PostCount("ann", 2L), PostCount("bob", 1L))

                    val totals = conn.execute(
                        u.select(u.name, p.score.sum(), p.score.avg(), p.score.max()).leftJoin(p) { p.userId eq u.id }
                            .groupBy(u.name).orderBy(u.name to SortOrder.ASC)
                    ).all()
                    totals[0][p.score.sum()] shouldBe 4.0
                    totals[0][p.score.avg()] shouldBe 2.0
                    totals[1][p.score.max()] shouldBe null

                    val ageSum: Long? = conn.execute(u.select(u.age.sum())).scalarOne()
                    ageSum shouldBe 70L

                    val users = conn.execute(u.selectAll().orderBy(u.name to SortOrder.ASC)).mapTo<UserDto>()
                    users.map { it.name } shouldContainExactly listOf("ann", "bob", "cid")
                    users[1].age shouldBe null
                    conn.execute(u.selectAll().orderBy(u.name to SortOrder.ASC))
                        .map { UserDto(it[u.id], it[u.name], it[u.age]) } shouldBe users
                }
            }

            test("NULL for a NOT NULL column is refused naming the column") {
                engine.connect().use { conn ->
                    @Suppress("UNCHECKED_CAST")
                    val name = u.name as org.tabula.schema.Column<String?>
                    val e = shouldThrow<NotNullViolationException> { conn.execute(u.insert { it[name] = null }) }
                    e.message!!.contains("kt_users.name") shouldBe true
                }
            }
        }
    }
})
