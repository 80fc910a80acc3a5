package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

@Entity(table = "orm_addresses")
public class OrmAddress {

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = OrmUser.class, onDelete = ReferentialAction.CASCADE)
    public Long userId;

    @MappedColumn(length = 120)
    public String email;

    public OrmAddress() {
    }

    public OrmAddress(Long userId, String email) {
        this.userId = userId;
        this.email = email;
    }
}
