package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** One-to-one with RelUser (the foreign key is here, unique). */
@Entity(table = "rel_orm_profiles")
public class RelProfile {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = RelUser.class, unique = true, nullable = true)
    public Long userId;

    @MappedColumn(length = 200)
    public String bio;

    @Relationship(backPopulates = "profile")
    public final Ref<RelUser> user = new Ref<>(this);

    public RelProfile() {
    }

    public RelProfile(String bio) {
        this.bio = bio;
    }
}
