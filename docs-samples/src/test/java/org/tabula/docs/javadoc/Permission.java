package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.Model;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** A permission of a {@link Role}, for the Javadoc examples. */
@Entity
public class Permission extends Model {
    public String name;
    @Relationship(secondary = RolePermission.class, backPopulates = "permissions")
    public final RelatedList<Role> roles = new RelatedList<>(this);
}
