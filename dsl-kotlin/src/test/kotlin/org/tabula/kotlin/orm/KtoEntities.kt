package org.tabula.kotlin.orm

import org.tabula.orm.MappedColumn
import org.tabula.orm.Entity
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
