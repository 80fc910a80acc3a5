package org.tabula.docs.orm;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;
import org.tabula.schema.ReferentialAction;

// tag::address[]
@Entity(table = "addresses")
public class Address {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;
    @MappedColumn(references = User.class, onDelete = ReferentialAction.CASCADE)
    public Long userId;                                        // column user_id
    public String email;                                       // NOT NULL unless nullable = true
    @Relationship(backPopulates = "addresses")
    public final Ref<User> user = new Ref<>(this);             // many-to-one

    public Address() {
    }

    public Address(String email) {
        this.email = email;
    }
}
// end::address[]
