package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;

/** An address of a {@link User}, for the Javadoc examples. */
@Entity(table = "address_book")
public class Address {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;
    @MappedColumn(references = User.class)
    public Long userId;
    public String email;

    public Address() {
    }

    public Address(Long userId, String email) {
        this.userId = userId;
        this.email = email;
    }
}
