package org.tabula.kotlin.samples

import kotlinx.serialization.Serializable
import org.tabula.kotlin.kotlinxJson
import org.tabula.orm.Cascade
import org.tabula.orm.Entity
import org.tabula.orm.Lazy
import org.tabula.orm.MappedColumn
import org.tabula.orm.Mapper
import org.tabula.orm.Ref
import org.tabula.orm.RelatedList
import org.tabula.orm.Relationship
import org.tabula.schema.MetaData
import org.tabula.schema.Table

/*
 * The tables, entities and classes the KDoc samples use, as a reader of the docs would declare
 * them. SamplesSpec creates them (and a few rows) before it runs each sample.
 */

object Users : Table("users") {
    val id = bigint("id").primaryKey().autoIncrement()
    val name = varchar("name", 64)
    val age = integer("age").nullable()
    val email = varchar("email", 120).nullable()
}

object Posts : Table("posts") {
    val id = bigint("id").primaryKey().autoIncrement()
    val userId = bigint("user_id").references(Users.id)
    val title = varchar("title", 200)
    val score = doublePrecision("score").nullable()
}

object Orders : Table("orders") {
    val id = bigint("id").primaryKey().autoIncrement()
    val item = varchar("item", 80)
    val quantity = bigint("quantity")
    val amount = decimal("amount", 10, 2)
    val paid = decimal("paid", 10, 2)
}

object Audit : Table("audit") {
    val id = bigint("id").primaryKey().autoIncrement()
    val event = varchar("event", 80)
}

@Serializable
data class Settings(val theme: String, val fontSize: Int = 12)

object Profiles : Table("profiles") {
    val id = bigint("id").primaryKey().autoIncrement()
    val settings = kotlinxJson<Settings>("settings")
}

data class UserDto(val id: Long, val name: String, val age: Int?)

data class Person(val name: String, val age: Int?)

@Entity(table = "members")
class User() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(length = 50)
    var name: String = ""

    var age: Int? = null

    var status: String = "active"

    @MappedColumn(text = true, nullable = true)
    var bio: Lazy<String?> = Lazy.of(null)

    @Relationship(backPopulates = "author", cascade = [Cascade.ALL], orderBy = "title")
    val posts = RelatedList<Post>(this)

    constructor(name: String, age: Int? = null) : this() {
        this.name = name
        this.age = age
    }
}

@Entity(table = "member_posts")
class Post() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(references = User::class, nullable = true)
    var authorId: Long? = null

    @MappedColumn(length = 80)
    var title: String = ""

    @Relationship(backPopulates = "posts")
    val author = Ref<User>(this)

    constructor(title: String) : this() {
        this.title = title
    }
}

/** Every table of the samples. */
val SAMPLE_METADATA: MetaData = MetaData(Users, Posts, Orders, Audit, Profiles)

/** The entities' tables. */
val SAMPLE_ENTITIES: MetaData = Mapper.metaData(User::class.java, Post::class.java)
