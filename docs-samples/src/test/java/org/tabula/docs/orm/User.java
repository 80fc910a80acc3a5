package org.tabula.docs.orm;

import org.tabula.orm.Cascade;
import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

// tag::user[]
@Entity(table = "users")
public class User {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;
    @MappedColumn(length = 30, unique = true)
    public String name;
    @MappedColumn(nullable = true)
    public String fullname;
    @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Address> addresses = new RelatedList<>(this);   // one-to-many

    public User() {                        // the session builds loaded objects through it
    }

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
}
// end::user[]
