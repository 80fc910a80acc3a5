package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;

/** The association of {@link Role} and {@link Permission}. */
@Entity
public class RolePermission {
    @MappedColumn(primaryKey = true, references = Role.class)
    public Long roleId;
    @MappedColumn(primaryKey = true, references = Permission.class)
    public Long permissionId;
}
