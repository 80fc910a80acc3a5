package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

@Entity(table = "orm_addresses")
public class OrmAddress {

    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(references = OrmUser.class, onDelete = ReferentialAction.CASCADE)
    public Long userId;

    @Column(length = 120)
    public String email;

    public OrmAddress() {
    }

    public OrmAddress(Long userId, String email) {
        this.userId = userId;
        this.email = email;
    }
}
