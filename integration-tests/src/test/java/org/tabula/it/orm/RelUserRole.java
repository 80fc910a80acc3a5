package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

/** A pure link table: its primary key is the pair of foreign keys. */
@Entity(table = "rel_orm_user_roles")
public class RelUserRole {
    @MappedColumn(primaryKey = true, references = RelUser.class, onDelete = ReferentialAction.CASCADE)
    public Long userId;

    @MappedColumn(primaryKey = true, references = RelRole.class, onDelete = ReferentialAction.CASCADE)
    public Long roleId;
}
