package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** Self-referencing through a nullable key: rows may reference rows written after them, or each other. */
@Entity(table = "rel_orm_employees")
public class RelEmployee {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50)
    public String name;

    @MappedColumn(references = RelEmployee.class, nullable = true)
    public Long managerId;

    @Relationship(foreignKey = "managerId")
    public final Ref<RelEmployee> manager = new Ref<>(this);

    public RelEmployee() {
    }

    public RelEmployee(String name) {
        this.name = name;
    }
}
