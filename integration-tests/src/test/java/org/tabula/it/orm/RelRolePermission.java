package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;

/** A link table with its own primary key. */
@Entity(table = "rel_orm_role_permissions")
public class RelRolePermission {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(references = RelRole.class)
    public Long roleId;

    @Column(references = RelPermission.class)
    public Long permissionId;
}
