package org.tabula.it.orm;

import org.tabula.orm.Cascade;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relation;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** SQLAlchemy's classic User: one-to-one profile, posts with delete-orphan, roles many-to-many. */
@Entity(table = "rel_orm_users")
public class RelUser {
    public static final Relation<RelUser, RelPost> POSTS = Relation.of(RelUser.class, "posts", RelPost.class);
    public static final Relation<RelUser, RelRole> ROLES = Relation.of(RelUser.class, "roles", RelRole.class);
    public static final Relation<RelUser, RelProfile> PROFILE = Relation.of(RelUser.class, "profile", RelProfile.class);

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50)
    public String name;

    @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final Ref<RelProfile> profile = new Ref<>(this);

    @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    public final RelatedList<RelPost> posts = new RelatedList<>(this);

    @Relationship(secondary = RelUserRole.class, backPopulates = "users", orderBy = "name")
    public final RelatedList<RelRole> roles = new RelatedList<>(this);

    public RelUser() {
    }

    public RelUser(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "RelUser(" + name + ")";
    }
}
