package org.tabula.kotlin.samples

import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.insert
import org.tabula.kotlin.orm.AsyncSession
import org.tabula.kotlin.orm.BlockingLazyLoadException
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.getOne
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.table
import org.tabula.kotlin.select
import org.tabula.schema.Column
import org.tabula.schema.Table

// Samples of EntityColumns.kt, BlockingLazyLoadException.kt and KotlinPropertyConventions.kt, run by SamplesSpec.

suspend fun propertyColumn(session: AsyncSession): List<User> {
    val age: Column<Int?> = User::age.column              // typed: User::age.column eq "x" does not compile
    return session.select<User>().where { age gt 18 }.all()
}

suspend fun columnByName(session: AsyncSession): List<User> {
    val name = column<User, String>("name")
    return session.select<User>().where { name eq "ann" }.all()
}

suspend fun tableOfEntity(session: AsyncSession): Long {
    val members: Table = table<User>()
    return session.execute(members.select(User::id.column)).all().size.toLong()
}

suspend fun blockingLazyLoadRefused(session: AsyncSession): Int {
    val user = session.getOne<User>(1L)
    try {
        user.posts.size                                   // BlockingLazyLoadException: User.posts of User(id=1) is not loaded ...
    } catch (e: BlockingLazyLoadException) {
        println(e.attribute)                              // User.posts
    }
    return session.load(user, User::posts).size           // suspends while the engine's JDBC thread loads it
}

suspend fun kotlinEntityDefaults(session: AsyncSession): String {
    // @Entity class User {
    //     @MappedColumn(primaryKey = true, autoIncrement = true) var id: Long? = null   // primary key: NOT NULL
    //     var name: String = ""              // NOT NULL, client-side default ""
    //     var age: Int? = null               // nullable: the `?` is read, no @MappedColumn(nullable = true)
    //     var status: String = "active"      // INSERTs that leave status out write "active"
    // }
    println(User::age.column.isNullable)                                 // true
    session.execute(table<User>().insert { it[User::name.column] = "kim" })   // status left out
    return session.select<User>().filterBy(User::name.column, "kim").one().status   // "active"
}
