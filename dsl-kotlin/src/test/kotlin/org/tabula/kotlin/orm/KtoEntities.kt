package org.tabula.kotlin.orm

import org.tabula.orm.Cascade
import org.tabula.orm.Column
import org.tabula.orm.Entity
import org.tabula.orm.Lazy
import org.tabula.orm.Ref
import org.tabula.orm.RelatedList
import org.tabula.orm.Relationship
import org.tabula.orm.Transient
import org.tabula.schema.ReferentialAction

/** A Kotlin class with `var` properties: `@Column` lands on the backing field without `@field:`. */
@Entity(table = "kto_users")
class KtoUser() {
    @Column(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @Column(length = 50)
    var name: String = ""

    @Column(nullable = true)          // Kotlin's `?` is not read: say nullable = true
    var age: Int? = null

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
    @Column(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @Column(references = KtoUser::class, onDelete = ReferentialAction.CASCADE)
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
    @Column(primaryKey = true) val id: Long,
    @Column(length = 20) val label: String,
    @Column(nullable = true) val weight: Int?,
)

/** An author with a deferred column and a one-to-many relationship: what the suspend loads read. */
@Entity(table = "kto_authors")
class KtoAuthor() {
    @Column(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @Column(length = 50)
    var name: String = ""

    /** Deferred: left out of queries, loaded on first read. */
    @Column(text = true, nullable = true)
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
    @Column(primaryKey = true, autoIncrement = true)
    var id: Long? = null

    @Column(references = KtoAuthor::class, nullable = true)
    var authorId: Long? = null

    @Column(length = 80)
    var title: String = ""

    @Relationship(backPopulates = "posts")
    val author = Ref<KtoAuthor>(this)

    constructor(title: String) : this() {
        this.title = title
    }
}
