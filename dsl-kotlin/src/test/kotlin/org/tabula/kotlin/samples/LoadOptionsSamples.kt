package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.undefer

// Samples of LoadOptions.kt, run by SamplesSpec.

suspend fun undeferColumn(session: AsyncSession) {
    val users = session.select(User::class.java).options(undefer(User::bio)).all()   // one SELECT
    users[0].bio.get()                                                       // no SQL, no BlockingLazyLoadException
    session.select(User::class.java).options(undefer(User::bio)).stream().collect { println(it.bio.get()) }
}
