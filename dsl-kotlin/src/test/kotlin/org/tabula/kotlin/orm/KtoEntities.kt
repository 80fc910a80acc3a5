package org.tabula.kotlin.orm

import org.tabula.orm.Column
import org.tabula.orm.Entity
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
