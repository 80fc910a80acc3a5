package org.tabula.kotlin

import org.tabula.schema.MetaData
import org.tabula.schema.ReferentialAction
import org.tabula.schema.Table

/** Test tables, prefixed `kt_` so they never meet the Java integration tests' `it_` tables. */
object KtUsers : Table("kt_users") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 64)
    val age = integer("age").nullable()
    val email = varchar("email", 120).nullable()
}

object KtPosts : Table("kt_posts") {
    val id = bigint("id").primaryKey().autoIncrement()
    val userId = bigint("user_id").references(KtUsers.id, ReferentialAction.CASCADE)
    val title = varchar("title", 200)
    val score = doublePrecision("score").nullable()
}

val KT_METADATA = MetaData(KtUsers, KtPosts)

data class UserDto(val id: Long, val name: String, val age: Int?)

data class PostCount(val name: String, val posts: Long)
