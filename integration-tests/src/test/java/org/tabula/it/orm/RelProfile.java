package org.tabula.it.orm;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** One-to-one with RelUser (the foreign key is here, unique). */
@Entity(table = "rel_orm_profiles")
public class RelProfile {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(references = RelUser.class, unique = true, nullable = true)
    public Long userId;

    @Column(length = 200)
    public String bio;

    @Relationship(backPopulates = "profile")
    public final Ref<RelUser> user = new Ref<>(this);

    public RelProfile() {
    }

    public RelProfile(String bio) {
        this.bio = bio;
    }
}
