package org.tabula.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.math.BigInteger
import java.time.Duration
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit
import org.tabula.engine.EngineOptions
import org.tabula.orm.Entity
import org.tabula.orm.MappedColumn
import org.tabula.orm.Mapper
import org.tabula.orm.SessionFactory
import org.tabula.schema.MetaData
import org.tabula.schema.Table
import org.tabula.type.SqlTypes
import org.tabula.type.TypeKind

/** A user-defined type: an amount of cents, stored as BIGINT. */
@JvmInline
value class Money(val cents: Long)

/** The column type of [Money]. */
val MONEY = SqlTypes.BIGINT.converted(::Money, Money::cents)

object KtPrices : Table("kt_prices") {
    val id = bigint("id").primaryKey().autoIncrement()
    val price = column("price", MONEY)
    val tip = column("tip", MONEY).nullable()
    val opensAt = time("opens_at").nullable()
    val startsAt = offsetDateTime("starts_at").nullable()
    val took = duration("took").nullable()
    val supply = bigInteger("supply").nullable()
}

/**
 * A Kotlin entity with Money properties: `price` is erased to a `long` field (a BIGINT column, no
 * registration needed); `tip: Money?` is a boxed `Money` field, mapped through Mapper.registerType.
 */
@Entity(table = "kt_carts")
class KtCart() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null
    var price: Money = Money(0)
    var tip: Money? = null
    var took: Duration? = null
    var supply: BigInteger? = null
}

/** A Kotlin value class as a user-defined column type, and the new built-ins, on every database. */
class MoneySpec : FunSpec({

    Mapper.registerType(MONEY)

    test("MONEY is a BIGINT column holding Money") {
        MONEY.kind() shouldBe TypeKind.BIGINT
        MONEY.javaType() shouldBe Money::class.java
        MONEY.toDatabase(Money(250)) shouldBe 250L
        MONEY.coerce(7L) shouldBe Money(7)
        Mapper.table(KtCart::class.java).column("price").type() shouldBe SqlTypes.BIGINT
        Mapper.table(KtCart::class.java).column("tip").type() shouldBe MONEY
        Mapper.table(KtCart::class.java).column("tip").isNullable shouldBe true
    }

    for (db in KtDatabases.names()) {
        test("$db: Money and the new types round-trip through the Kotlin DSL, and Money entities through sessions") {
            val engine = KtDatabases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0))
            engine.use {
                val md = MetaData(KtPrices)
                md.dropAll(engine)
                md.createAll(engine)
                val big = BigInteger.TWO.pow(70).negate()
                val starts = OffsetDateTime.parse("2024-06-01T08:00:00.5+09:00")
                val took = Duration.ofMinutes(-90).minusNanos(1500)
                engine.connect().use { conn ->
                    val id = conn.execute(KtPrices.insert {
                        it[price] = Money(1999)
                        it[opensAt] = LocalTime.of(9, 30, 0, 1000)
                        it[startsAt] = starts
                        it[this.took] = took
                        it[supply] = big
                    }).insertedPrimaryKey()[KtPrices.id]
                    conn.execute(KtPrices.insert { it[price] = Money(-1); it[tip] = Money(Long.MAX_VALUE) })
                    val row = conn.execute(KtPrices.select(KtPrices.price, KtPrices.tip, KtPrices.opensAt, KtPrices.startsAt,
                        KtPrices.took, KtPrices.supply).where { KtPrices.id eq id }).one()
                    row[KtPrices.price] shouldBe Money(1999)
                    row[KtPrices.tip] shouldBe null
                    row[KtPrices.opensAt] shouldBe LocalTime.of(9, 30, 0, 1000)
                    row[KtPrices.startsAt]!!.toInstant() shouldBe starts.toInstant()
                    row[KtPrices.startsAt]!!.offset shouldBe ZoneOffset.UTC
                    row[KtPrices.took] shouldBe took.truncatedTo(ChronoUnit.MICROS)
                    row[KtPrices.supply] shouldBe big
                    conn.execute(KtPrices.select(KtPrices.tip).where { KtPrices.price eq Money(-1) }).scalarOne() shouldBe
                        Money(Long.MAX_VALUE)
                    conn.commit()
                }
                md.dropAll(engine)

                val carts = Mapper.metaData(KtCart::class.java)
                carts.dropAll(engine)
                carts.createAll(engine)
                val sessions = SessionFactory.of(engine)
                val cartId = sessions.inTransaction { s: org.tabula.orm.Session ->
                    val cart = KtCart()
                    cart.price = Money(4200)
                    cart.tip = Money(300)
                    cart.took = took
                    cart.supply = big
                    s.add(cart)
                    s.flush()
                    cart.id!!
                }
                sessions.inTransaction { s: org.tabula.orm.Session ->
                    val cart = s.get(KtCart::class.java, cartId)!!
                    cart.price shouldBe Money(4200)
                    cart.tip shouldBe Money(300)
                    cart.took shouldBe took.truncatedTo(ChronoUnit.MICROS)
                    cart.supply shouldBe big
                    cart.tip = null
                    cart.price = Money(1)
                    true
                }
                sessions.inTransaction { s: org.tabula.orm.Session ->
                    val cart = s.get(KtCart::class.java, cartId)!!
                    cart.price shouldBe Money(1)
                    cart.tip shouldBe null
                    true
                }
                carts.dropAll(engine)
            }
        }
    }
})
