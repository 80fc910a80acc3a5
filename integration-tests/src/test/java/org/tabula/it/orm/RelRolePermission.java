package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/** A link table with its own primary key. */
@Entity(table = "rel_orm_role_permissions")
public class RelRolePermission {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = RelRole.class)
    public Long roleId;

    @MappedColumn(references = RelPermission.class)
    public Long permissionId;
}
