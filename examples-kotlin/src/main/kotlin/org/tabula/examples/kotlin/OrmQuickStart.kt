package org.tabula.examples.kotlin

import kotlinx.coroutines.runBlocking
import org.tabula.engine.Engine
import org.tabula.kotlin.async
import org.tabula.kotlin.eq
import org.tabula.kotlin.gt
import org.tabula.kotlin.orm.column
import org.tabula.kotlin.orm.get
import org.tabula.kotlin.orm.select
import org.tabula.kotlin.orm.sessionFactory
import org.tabula.orm.MappedColumn
import org.tabula.orm.Entity
import org.tabula.orm.Mapper
import org.tabula.schema.ReferentialAction

/*
 * The ORM from Kotlin coroutines, on an in-memory SQLite database: a class with `var`
 * properties as entity, a child row, typed queries on properties, update, delete, rollback.
 *
 * Run it with: mvn -B -q -pl examples-kotlin -am compile exec:java -Dexample.main=org.tabula.examples.kotlin.OrmQuickStartKt
 */

@Entity(table = "people")
class Person() {
    @MappedColumn(primaryKey = true, autoIncrement = true) var id: Long? = null
    @MappedColumn(length = 50) var name: String = ""
    var age: Int? = null                                          // nullable: Kotlin's `?` is read

    constructor(name: String, age: Int?) : this() { this.name = name; this.age = age }
}

@Entity(table = "emails")
class Email() {
    @MappedColumn(primaryKey = true, autoIncrement = true) var id: Long? = null
    @MappedColumn(references = Person::class, onDelete = ReferentialAction.CASCADE) var personId: Long? = null
    var address: String = ""

    constructor(personId: Long?, address: String) : this() { this.personId = personId; this.address = address }
}

fun main() = runBlocking {
    Engine.create("jdbc:sqlite:file:orm?mode=memory&cache=shared").use { engine ->
        Mapper.metaData(Person::class.java, Email::class.java).createAll(engine)
        val sessions = engine.async().sessionFactory()

        val annId = sessions.begin { session ->                 // commit at the end
            val ann = Person("ann", 31)
            session.add(ann)
            session.flush()                                      // ann.id is set
            session.add(Email(ann.id, "ann@example.com"))
            session.add(Person("bob", 17))
            ann.id!!
        }

        sessions.begin { session ->
            val ann = session.get<Person>(annId)!!
            ann.name = "Ann"                                     // UPDATE at commit
            val adults = session.select<Person>().where { Person::age.column gt 18 }.all()
            println("adults: " + adults.map { it.name })
            val bob = session.select<Person>().where { Person::name.column eq "bob" }.one()
            session.delete(bob)
        }

        try {
            sessions.begin { session ->
                session.add(Person("cid", 40))
                session.flush()
                error("changed my mind")                         // rollback: cid is not kept
            }
        } catch (e: IllegalStateException) {
            println("rolled back: " + e.message)
        }

        val names = sessions.session { session -> session.select<Person>().all().map { it.name } }
        println("people: $names")                               // [Ann]
    }
}
