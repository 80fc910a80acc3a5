package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.undefer
import org.tabula.orm.Relation

// Samples of LoadOptions.kt, run by SamplesSpec.

suspend fun undeferColumn(session: AsyncSession) {
    val users = session.select(User::class.java).options(undefer(User::bio)).all()   // one SELECT
    users[0].bio.get()                                                       // no SQL, no BlockingLazyLoadException
    session.select(User::class.java).options(undefer(User::bio)).stream().collect { println(it.bio.get()) }
}

suspend fun undeferThrough(session: AsyncSession) {
    val author = Relation.of(Post::class.java, "author", User::class.java)   // or the generated Post_.author
    val posts = session.select(Post::class.java).options(undefer(author, User::bio)).all()   // two SELECTs
    posts.forEach { println(it.author.get()?.bio?.get()) }                                 // no SQL
}
