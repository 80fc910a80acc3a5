package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** Many-to-one to RelUser. */
@Entity(table = "rel_orm_posts")
public class RelPost {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = RelUser.class, nullable = true)
    public Long authorId;

    @MappedColumn(length = 200)
    public String title;

    @Relationship(foreignKey = "authorId", backPopulates = "posts")
    public final Ref<RelUser> author = new Ref<>(this);

    public RelPost() {
    }

    public RelPost(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return "RelPost(" + title + ")";
    }
}
