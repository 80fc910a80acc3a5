package org.tabula.kotlin.samples

import kotlinx.coroutines.flow.collect
import org.tabula.kotlin.SortOrder
import org.tabula.kotlin.and
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.table
import org.tabula.kotlin.orm.undefer
import org.tabula.kotlin.startsWith
import org.tabula.orm.LoadOption.selectIn
import org.tabula.orm.Mapper
import org.tabula.orm.Relation
import org.tabula.statement.Select

// Samples of AsyncEntityQuery.kt, shown by Dokka under each member and run by SamplesSpec.

suspend fun entityQueryTour(session: AsyncSession): List<User> {
    val adults: List<User> = session.select<User>()
        .where { (User::age.column gt 18) and (User::name.column startsWith "a") }
        .orderBy(User::name.column)
        .all()
    return adults
}

fun entityQueryJava(session: AsyncSession): String = session.select<User>().query.toSelect().toString()

suspend fun entityQueryWhereBlock(session: AsyncSession): List<User> =
    session.select<User>().where { User::age.column gt 18 }.all()

suspend fun entityQueryWhere(session: AsyncSession): List<User> =
    session.select<User>().where(User::age.column gt 18, User::name.column startsWith "a").all()

suspend fun entityQueryFilterByColumn(session: AsyncSession): User = session.select<User>().filterBy(User::name.column, "ann").one()

@Suppress("DEPRECATION")
suspend fun entityQueryFilterByName(session: AsyncSession): User = session.select<User>().filterBy("name", "ann").one()

suspend fun entityQueryJoinRelation(session: AsyncSession): List<User> {
    val posts = Relation.of(User::class.java, "posts", Post::class.java)
    return session.select<User>().join(posts).where { Post::title.column eq "first" }.all()
}

@Suppress("DEPRECATION")
suspend fun entityQueryJoinName(session: AsyncSession): List<User> =
    session.select<User>().join("posts").where { Post::title.column eq "first" }.all()

suspend fun entityQueryFilter(session: AsyncSession): List<User> = session.select<User>().filter(User::age.column gt 18).all()

suspend fun entityQueryFilterByMap(session: AsyncSession): User? =
    session.select<User>().filterBy(mapOf("name" to "ann", "age" to 31)).oneOrNull()

suspend fun entityQueryJoinAttribute(session: AsyncSession): List<User> =
    session.select<User>().join(Mapper.relationship(User::class.java, "posts")).distinct().all()

suspend fun entityQueryJoinTable(session: AsyncSession): List<User> =
    session.select<User>().join(table<Post>()).distinct().all()

suspend fun entityQueryJoinOn(session: AsyncSession): List<User> =
    session.select<User>().join(table<Post>(), Post::authorId.column eq User::id.column).distinct().all()

suspend fun entityQueryLeftJoin(session: AsyncSession): List<User> =
    session.select<User>().leftJoin(table<Post>(), Post::authorId.column eq User::id.column).distinct().all()

suspend fun entityQueryOptions(session: AsyncSession): Int {
    val posts = Relation.of(User::class.java, "posts", Post::class.java)   // or the generated User_.posts
    val users = session.select<User>().options(selectIn(posts), undefer(User::bio)).all()
    // both loaded with the query: reading them runs no lazy load
    return users.sumOf { it.posts.size + (it.bio.get()?.length ?: 0) }
}

suspend fun entityQueryOrderByItems(session: AsyncSession): List<User> =
    session.select<User>().orderBy(User::age.column.desc(), User::id.column.asc()).all()

suspend fun entityQueryOrderBy(session: AsyncSession): List<User> = session.select<User>().orderBy(User::name.column).all()

suspend fun entityQueryOrderByPairs(session: AsyncSession): List<User> =
    session.select<User>().orderBy(User::name.column to SortOrder.DESC, User::id.column to SortOrder.ASC).all()

suspend fun entityQueryDistinct(session: AsyncSession): List<User> = session.select<User>().join(table<Post>()).distinct().all()

suspend fun entityQueryLimit(session: AsyncSession): List<User> = session.select<User>().orderBy(User::id.column).limit(10).all()

suspend fun entityQueryOffset(session: AsyncSession): List<User> =
    session.select<User>().orderBy(User::id.column).limit(10).offset(20).all()

suspend fun entityQueryForUpdate(session: AsyncSession): User {
    val ann = session.select<User>().filterBy(User::name.column, "ann").forUpdate().one()   // locked until commit
    ann.age = (ann.age ?: 0) + 1
    return ann
}

fun entityQueryToSelect(session: AsyncSession): Select = session.select<User>().where { User::age.column gt 18 }.toSelect()

suspend fun entityQueryAll(session: AsyncSession): List<String> = session.select<User>().all().map { it.name }

suspend fun entityQueryFirst(session: AsyncSession): User? = session.select<User>().orderBy(User::age.column).first()

suspend fun entityQueryOne(session: AsyncSession): User = session.select<User>().filterBy(User::name.column, "ann").one()

suspend fun entityQueryOneOrNull(session: AsyncSession): User? = session.select<User>().filterBy(User::name.column, "zoe").oneOrNull()

suspend fun entityQueryScalarOneOrNull(session: AsyncSession): User? =
    session.select<User>().filterBy(User::name.column, "bob").scalarOneOrNull()

suspend fun entityQueryStream(session: AsyncSession) {
    session.select<User>().orderBy(User::id.column).stream(chunkSize = 500).collect { println(it.name) }
    val posts = Relation.of(User::class.java, "posts", Post::class.java)
    session.select<User>().options(selectIn(posts), undefer(User::bio)).stream().collect { u -> println("${u.bio.get()} ${u.posts.size}") }
}

suspend fun entityQueryCount(session: AsyncSession): Long = session.select<User>().where { User::age.column gt 18 }.count()
