package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.Model;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** A role, many-to-many with {@link User} and {@link Permission}, for the Javadoc examples. */
@Entity
public class Role extends Model {
    public String name;
    @Relationship(secondary = UserRole.class, backPopulates = "roles")
    public final RelatedList<User> users = new RelatedList<>(this);
    @Relationship(secondary = RolePermission.class, backPopulates = "roles")
    public final RelatedList<Permission> permissions = new RelatedList<>(this);
}
