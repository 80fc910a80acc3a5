package org.tabula.kotlin.orm

import org.tabula.orm.Cascade
import org.tabula.orm.MappedColumn
import org.tabula.orm.Entity
import org.tabula.orm.Lazy
import org.tabula.orm.Ref
import org.tabula.orm.RelatedList
import org.tabula.orm.Relationship
import org.tabula.orm.Transient
import org.tabula.schema.ReferentialAction

/** A Kotlin class with `var` properties: `@MappedColumn` lands on the backing field without `@field:`. */
@Entity(table = "kto_users")
class KtoUser() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(length = 50)
    var name: String = ""

    var age: Int? = null                   // nullable: the `?` is read

    /** No backing field: not a column. */
    val display: String get() = "$name ($age)"

    @Transient
    var note: String? = null

    @kotlin.jvm.Transient
    var cache: Int = 0

    constructor(name: String, age: Int? = null) : this() {
        this.name = name
        this.age = age
    }
}

@Entity(table = "kto_addresses")
class KtoAddress() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(references = KtoUser::class, onDelete = ReferentialAction.CASCADE)
    var userId: Long? = null

    var email: String = ""

    constructor(userId: Long?, email: String) : this() {
        this.userId = userId
        this.email = email
    }
}

/** A read model: a data class of `val`s, built through its constructor; annotations on its parameters. */
@Entity(table = "kto_tags")
data class KtoTag(
    @MappedColumn(primaryKey = true) val id: Long,
    @MappedColumn(length = 20) val label: String,
    val weight: Int?,
)

/** An author with a deferred column and a one-to-many relationship: what the suspend loads read. */
@Entity(table = "kto_authors")
class KtoAuthor() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(length = 50)
    var name: String = ""

    /** Deferred: left out of queries, loaded on first read. */
    @MappedColumn(text = true, nullable = true)
    var bio: Lazy<String?> = Lazy.of(null)

    @Relationship(backPopulates = "author", cascade = [Cascade.ALL], orderBy = "title")
    val posts = RelatedList<KtoPost>(this)

    constructor(name: String, bio: String? = null) : this() {
        this.name = name
        this.bio = Lazy.of(bio)
    }
}

@Entity(table = "kto_posts")
class KtoPost() {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @MappedColumn(references = KtoAuthor::class, nullable = true)
    var authorId: Long? = null

    @MappedColumn(length = 80)
    var title: String = ""

    @Relationship(backPopulates = "posts")
    val author = Ref<KtoAuthor>(this)

    constructor(title: String) : this() {
        this.title = title
    }
}
