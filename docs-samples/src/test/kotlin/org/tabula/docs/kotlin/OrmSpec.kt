package org.tabula.docs.kotlin

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.tabula.engine.Engine
import org.tabula.kotlin.contains
import org.tabula.kotlin.eq
import org.tabula.kotlin.orm.column
import org.tabula.orm.LoadOption.selectIn
import org.tabula.orm.Mapper
import org.tabula.orm.SessionFactory

/** docs/tutorial/orm.md, Kotlin. */
class OrmSpec : FunSpec({

    lateinit var engine: Engine
    lateinit var sessions: SessionFactory

    beforeTest {
        engine = Engine.create("jdbc:sqlite::memory:")
        // tag::create-tables[]
        Mapper.metaData(User::class.java, Address::class.java).createAll(engine)
        val factory = SessionFactory.of(engine)
        // end::create-tables[]
        sessions = factory
        sessions.begin { session ->
            val sandy = User("sandy", "Sandy Cheeks")
            sandy.addresses.add(Address("sandy@sqlalchemy.org"))
            sandy.addresses.add(Address("sandy@squirrelpower.org"))
            session.add(sandy)
            session.add(User("patrick", "Patrick Star"))
        }
    }

    afterTest { engine.close() }

    test("add and commit") {
        // tag::add[]
        sessions.openSession().use { session ->
            val squidward = User("squidward", "Squidward Tentacles")
            session.add(squidward)
            session.flush()                                   // INSERT ... RETURNING: id set
            squidward.id shouldBe 3L
            session.commit()                                  // one transaction
        }
        // end::add[]
    }

    test("get and query") {
        // tag::query[]
        sessions.openSession().use { session ->
            val sandy = session.select(User::class.java)
                .where(User::name.column eq "sandy")          // typed by the property
                .one()
            session.get(User::class.java, sandy.id!!) shouldBeSameInstanceAs sandy   // identity map
            val all = session.select(User::class.java).orderBy(User::name.column).all()
            all.size shouldBe 2
            val patrick = session.select(User::class.java).filterBy(User::name.column, "patrick").first()
            patrick?.fullname shouldBe "Patrick Star"
        }
        // end::query[]
    }

    test("update and delete") {
        // tag::update[]
        sessions.begin { session ->                           // commit, or rollback on exception
            val patrick = session.select(User::class.java).filterBy(User::name.column, "patrick").one()
            patrick.fullname = "Patrick the Star"             // UPDATE at flush
            val sandy = session.select(User::class.java).filterBy(User::name.column, "sandy").one()
            session.delete(sandy)                             // and her addresses (cascade)
        }
        // end::update[]
        sessions.begin { session -> session.select(User::class.java).all().size shouldBe 1 }
    }

    test("relationships") {
        // tag::relationships[]
        sessions.begin { session ->
            val patrick = session.select(User::class.java).filterBy(User::name.column, "patrick").one()
            val home = Address("patrick@rock.org")
            patrick.addresses.add(home)                       // loads the list, then adds
            home.user.get() shouldBeSameInstanceAs patrick    // the back reference follows
            // at commit: INSERT INTO addresses (user_id, email) VALUES (patrick's id, ...)
        }
        // end::relationships[]
    }

    test("loading") {
        // tag::loading[]
        sessions.openSession().use { session ->
            val users = session.select(User::class.java)
                .options(selectIn(USER_ADDRESSES))            // 2 statements for any number of users
                .orderBy(User::name.column)
                .all()
            users[0].addresses.size shouldBe 0                // patrick
            users[1].addresses.size shouldBe 2                // sandy
            val withSqlalchemy = session.select(User::class.java)
                .where(USER_ADDRESSES.any(Address::email.column contains "sqlalchemy"))   // EXISTS (...)
                .all()
            withSqlalchemy.size shouldBe 1
        }
        // end::loading[]
    }
})
