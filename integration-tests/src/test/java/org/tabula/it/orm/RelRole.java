package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relation;
import org.tabula.orm.Relationship;

/** Roles: many-to-many with users (composite-key link) and permissions (link with its own key). */
@Entity(table = "rel_orm_roles")
public class RelRole {
    public static final Relation<RelRole, RelPermission> PERMISSIONS = Relation.of(RelRole.class, "permissions", RelPermission.class);

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50, unique = true)
    public String name;

    @Relationship(secondary = RelUserRole.class, backPopulates = "roles")
    public final RelatedList<RelUser> users = new RelatedList<>(this);

    @Relationship(secondary = RelRolePermission.class, backPopulates = "roles", orderBy = "name")
    public final RelatedList<RelPermission> permissions = new RelatedList<>(this);

    public RelRole() {
    }

    public RelRole(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "RelRole(" + name + ")";
    }
}
