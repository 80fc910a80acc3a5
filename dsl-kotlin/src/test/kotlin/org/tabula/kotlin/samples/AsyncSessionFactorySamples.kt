package org.tabula.kotlin.samples

import org.tabula.engine.Engine
import org.tabula.engine.Isolation
import org.tabula.engine.Propagation
import org.tabula.engine.TransactionOptions
import org.tabula.kotlin.AsyncEngine
import org.tabula.kotlin.async
import org.tabula.kotlin.orm.AsyncSessionFactory
import org.tabula.kotlin.orm.get
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.sessionFactory
import org.tabula.orm.SessionFactory

// Samples of AsyncSessionFactory.kt, shown by Dokka under each member and run by SamplesSpec.

suspend fun sessionFactoryTour(asyncEngine: AsyncEngine) {
    val sessions = asyncEngine.sessionFactory()
    val id = sessions.begin { session ->                 // commit at the end, rollback on exception or cancellation
        val kim = User().apply { name = "kim" }
        session.add(kim)
        session.flush()                                  // kim.id set
        kim.id!!
    }
    sessions.begin { session -> session.get<User>(id)!!.age = 32 }
}

fun sessionFactoryEngine(engine: Engine): AsyncEngine {
    val sessions = engine.async().sessionFactory()
    return sessions.engine                               // where the sessions take their connections
}

fun sessionFactoryJavaFactory(asyncEngine: AsyncEngine): AsyncSessionFactory {
    val java = SessionFactory.of(asyncEngine.engine).autoflush(false)
    val sessions = AsyncSessionFactory(asyncEngine, java)
    println(sessions.factory.autoflush())                // false
    return sessions
}

fun sessionFactoryBlockingLazyLoadsFlag(asyncEngine: AsyncEngine): Boolean {
    val sessions = AsyncSessionFactory(asyncEngine, blockingLazyLoads = true)
    return sessions.blockingLazyLoads
}

suspend fun sessionFactoryAutoflush(sessions: AsyncSessionFactory): Int = sessions.autoflush(false).begin { s ->
    s.add(User("kim"))
    s.select<User>().all().size                          // kim is not flushed: not counted
}

suspend fun sessionFactoryExpireOnCommit(sessions: AsyncSessionFactory): String = sessions.expireOnCommit(false).session { s ->
    val ann = s.get<User>(1L)!!
    s.commit()
    ann.name                                             // not expired: no reload needed
}

suspend fun sessionFactoryBlockingLazyLoads(asyncEngine: AsyncEngine): Int {
    val sessions = asyncEngine.sessionFactory().blockingLazyLoads(true)
    return sessions.begin { s -> s.get<User>(1L)!!.posts.size }   // SELECT on the reading thread
}

fun sessionFactoryAutoflushFlag(sessions: AsyncSessionFactory): Boolean = sessions.autoflush

fun sessionFactoryExpireOnCommitFlag(sessions: AsyncSessionFactory): Boolean = sessions.expireOnCommit

suspend fun sessionFactoryBegin(sessions: AsyncSessionFactory): Int {
    val total = sessions.begin(isolation = Isolation.REPEATABLE_READ, readOnly = true) { session ->
        session.select<User>().all().sumOf { it.age ?: 0 }
    }
    sessions.begin(propagation = Propagation.REQUIRES_NEW) { session -> session.add(User("kim")) }
    return total
}

suspend fun sessionFactoryBeginOptions(sessions: AsyncSessionFactory): Int =
    sessions.begin(TransactionOptions.readOnlyTransaction()) { session -> session.select<User>().all().size }

suspend fun sessionFactorySession(sessions: AsyncSessionFactory) {
    sessions.session { session ->
        session.add(User("kim"))
        session.commit()                                 // kept
        session.add(User("lou"))                         // rolled back at the end: not committed
    }
}

suspend fun sessionFactorySessionOnConnection(asyncEngine: AsyncEngine, sessions: AsyncSessionFactory) {
    asyncEngine.begin { sessions.session(this) { s -> s.add(User("ann")) } }
}

fun sessionFactoryOfEngine(asyncEngine: AsyncEngine): AsyncSessionFactory = asyncEngine.sessionFactory()
