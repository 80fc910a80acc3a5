package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

@Entity(table = "rel_orm_permissions")
public class RelPermission {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50, unique = true)
    public String name;

    @Relationship(secondary = RelRolePermission.class, backPopulates = "permissions")
    public final RelatedList<RelRole> roles = new RelatedList<>(this);

    public RelPermission() {
    }

    public RelPermission(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "RelPermission(" + name + ")";
    }
}
