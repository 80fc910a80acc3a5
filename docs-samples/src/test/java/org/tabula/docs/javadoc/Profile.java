package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Model;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** A user's one-to-one profile, for the Javadoc examples. */
@Entity
public class Profile extends Model {
    @MappedColumn(references = User.class)
    public Long userId;
    @Relationship(backPopulates = "profile")
    public final Ref<User> user = new Ref<>(this);
}
