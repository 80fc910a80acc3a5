package org.tabula.docs.kotlin

import org.tabula.orm.Cascade
import org.tabula.orm.Entity
import org.tabula.orm.MappedColumn
import org.tabula.orm.Ref
import org.tabula.orm.RelatedList
import org.tabula.orm.Relation
import org.tabula.orm.Relationship
import org.tabula.schema.ReferentialAction

// tag::entities[]
@Entity(table = "users")
class User() {
    @MappedColumn(primaryKey = true, autoIncrement = true) var id: Long? = null
    @MappedColumn(length = 30, unique = true) var name: String = ""
    var fullname: String? = null   // Kotlin's `?` makes the column nullable
    @Relationship(backPopulates = "user", cascade = [Cascade.ALL, Cascade.DELETE_ORPHAN])
    val addresses = RelatedList<Address>(this)               // one-to-many

    constructor(name: String, fullname: String?) : this() {
        this.name = name
        this.fullname = fullname
    }
}

@Entity(table = "addresses")
class Address() {
    @MappedColumn(primaryKey = true, autoIncrement = true) var id: Long? = null
    @MappedColumn(references = User::class, onDelete = ReferentialAction.CASCADE) var userId: Long? = null
    var email: String = ""
    @Relationship(backPopulates = "addresses")
    val user = Ref<User>(this)                               // many-to-one

    constructor(email: String) : this() { this.email = email }
}

/** The relationship as a typed handle, for loading options and joins. */
val USER_ADDRESSES: Relation<User, Address> = Relation.of(User::class.java, "addresses", Address::class.java)
// end::entities[]
