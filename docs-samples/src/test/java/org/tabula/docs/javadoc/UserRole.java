package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;

/** The association of {@link User} and {@link Role}. */
@Entity
public class UserRole {
    @MappedColumn(primaryKey = true, references = User.class)
    public Long userId;
    @MappedColumn(primaryKey = true, references = Role.class)
    public Long roleId;
}
