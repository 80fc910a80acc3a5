package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** Self-referencing through a nullable key: rows may reference rows written after them, or each other. */
@Entity(table = "rel_orm_employees")
public class RelEmployee {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(length = 50)
    public String name;

    @Column(references = RelEmployee.class, nullable = true)
    public Long managerId;

    @Relationship(foreignKey = "managerId")
    public final Ref<RelEmployee> manager = new Ref<>(this);

    public RelEmployee() {
    }

    public RelEmployee(String name) {
        this.name = name;
    }
}
