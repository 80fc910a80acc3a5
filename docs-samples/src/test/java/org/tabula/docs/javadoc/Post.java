package org.tabula.docs.javadoc;

import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Model;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** A post of a {@link User}, for the Javadoc examples. */
@Entity
public class Post extends Model {
    public String title;
    @MappedColumn(references = User.class)
    public Long authorId;
    /** Deferred: read on first access, or with {@code LoadOption.undefer(User_.posts, Post_.body)}. */
    @MappedColumn(text = true, nullable = true)
    public Lazy<String> body = Lazy.of(null);
    @Relationship(foreignKey = "authorId", backPopulates = "posts")
    public final Ref<User> author = new Ref<>(this);

    public Post() {
    }

    public Post(String title) {
        this.title = title;
    }
}
