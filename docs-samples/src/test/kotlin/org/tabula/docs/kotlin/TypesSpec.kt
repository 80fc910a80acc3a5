package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.tabula.engine.Engine
import org.tabula.kotlin.converted
import org.tabula.kotlin.eq
import org.tabula.kotlin.insert
import org.tabula.kotlin.select
import org.tabula.kotlin.where
import org.tabula.orm.Entity
import org.tabula.orm.MappedColumn
import org.tabula.orm.Mapper
import org.tabula.orm.SessionFactory
import org.tabula.schema.MetaData
import org.tabula.schema.Table
import org.tabula.type.SqlTypes

// tag::money[]
@JvmInline
value class Money(val cents: Long)

val MONEY = SqlTypes.BIGINT.converted(::Money, Money::cents)   // a BIGINT column holding Money

object Invoices : Table("invoices") {
    val id = bigint("id").primaryKey().autoIncrement()
    val total = column("total", MONEY)                        // Column<Money>
    val tip = column("tip", MONEY).nullable()                 // Column<Money?>
    val due = duration("due").nullable()                      // java.time.Duration
}

@Entity(table = "carts")
class Cart() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null
    var total: Money = Money(0)    // erased to a `long` field: a BIGINT column, no registration needed
    var tip: Money? = null         // a boxed Money field: mapped through Mapper.registerType(MONEY)
}
// end::money[]

/** docs/types.md, Kotlin. */
class TypesSpec : FunSpec({

    test("money") {
        Engine.create("jdbc:sqlite::memory:").use { engine ->
            // tag::money-use[]
            Mapper.registerType(MONEY)                            // at start-up, before Cart is mapped
            MetaData(Invoices).createAll(engine)
            engine.connect().use { conn ->
                val id = conn.execute(Invoices.insert { it[total] = Money(1999) }).insertedPrimaryKey()[Invoices.id]
                conn.execute(Invoices.select(Invoices.total).where { Invoices.id eq id }).scalarOne() shouldBe Money(1999)
            }
            Mapper.metaData(Cart::class.java).createAll(engine)
            val sessions = SessionFactory.of(engine)
            val cartId = sessions.inTransaction { s: org.tabula.orm.Session ->
                s.add(Cart().apply { total = Money(500); tip = Money(50) })
                s.flush()
                s.select(Cart::class.java).one().id!!
            }
            val tip = sessions.inTransaction { s: org.tabula.orm.Session -> s.get(Cart::class.java, cartId)!!.tip!! }
            tip shouldBe Money(50)
            // end::money-use[]
        }
    }
})
