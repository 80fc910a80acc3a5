package org.tabula.kotlin.orm

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.Sql
import org.tabula.error.NotNullViolationException
import org.tabula.kotlin.KtDatabases
import org.tabula.orm.Entity
import org.tabula.orm.MappedColumn
import org.tabula.orm.Mapper
import org.tabula.orm.SessionFactory
import org.tabula.schema.Column

enum class KtcLevel { LOW, HIGH }

/** Nullability from `?`, defaults from initialisers: no @MappedColumn(nullable = ...) anywhere. */
@Entity(table = "ktc_items")
class KtcItem() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null
    var name: String = "unnamed"
    var count: Int = 3
    var level: KtcLevel = KtcLevel.LOW
    var note: String? = "ignored"      // nullable: its initialiser is no default
    var weight: Double? = null

    constructor(name: String) : this() {
        this.name = name
    }
}

/** A data class of vals: nullability from the types; no no-argument instance, so no defaults. */
@Entity(table = "ktc_readings")
data class KtcReading(
    @MappedColumn(primaryKey = true) val id: Long,
    val unit: String = "kg",
    val value: Double? = null,
)

class KotlinConventionsSpec : FunSpec({

    test("a property's `?` decides NULL / NOT NULL; a non-null initialiser is the client-side default") {
        val items = Mapper.table(KtcItem::class.java)
        items.column("id").isNullable shouldBe false
        items.column("name").isNullable shouldBe false
        items.column("count").isNullable shouldBe false
        items.column("note").isNullable shouldBe true
        items.column("weight").isNullable shouldBe true
        items.column("name").defaultValue()!!.get() shouldBe "unnamed"
        items.column("count").defaultValue()!!.get() shouldBe 3
        items.column("level").defaultValue()!!.get() shouldBe KtcLevel.LOW
        items.column("note").defaultValue() shouldBe null
        items.column("id").defaultValue() shouldBe null

        val readings = Mapper.table(KtcReading::class.java)
        readings.column("unit").isNullable shouldBe false
        readings.column("unit").defaultValue() shouldBe null   // no instance without arguments to read it from
        readings.column("value").isNullable shouldBe true
    }

    for (db in KtDatabases.names()) {
        test("$db: defaults fill Core inserts, NOT NULL is enforced, the session writes what the object holds") {
            val engine = KtDatabases.engine(db)
            val metadata = Mapper.metaData(KtcItem::class.java, KtcReading::class.java)
            metadata.dropAll(engine)
            metadata.createAll(engine)
            val items = Mapper.table(KtcItem::class.java)
            @Suppress("UNCHECKED_CAST")
            val weight = items.column("weight") as Column<Double?>
            @Suppress("UNCHECKED_CAST")
            val name = items.column("name") as Column<String>
            engine.connect().use { conn ->
                conn.execute(Sql.insert(items).set(weight, 1.5))          // name, count, level from initialisers
                val row = conn.execute(Sql.select(items)).one()
                row.get<String>("name") shouldBe "unnamed"
                (row.get<Any>("count") as Number).toInt() shouldBe 3
                row.get<Any>("level").toString() shouldBe "LOW"
                row.get<Any?>("note") shouldBe null
                conn.commit()
                shouldThrow<NotNullViolationException> { conn.execute(Sql.insert(items).setNull(name)) }
                conn.rollback()
            }
            SessionFactory.of(engine).openSession().use { session ->
                val pen = KtcItem("pen").apply { count = 7; note = null }
                session.add(pen)
                session.add(KtcReading(1))
                session.commit()
                val back = session.get(KtcItem::class.java, pen.id!!)!!
                back.count shouldBe 7
                back.note shouldBe null
                session.get(KtcReading::class.java, 1L)!!.unit shouldBe "kg"
            }
        }
    }
})
