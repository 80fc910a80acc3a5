package org.tabula.docs.javadoc;

import org.tabula.orm.Cascade;
import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Model;
import org.tabula.orm.Ref;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** The user entity the Javadoc examples of dsl-java use ({@code User_} is its generated metamodel). */
@Entity
public class User extends Model {
    @MappedColumn(length = 50)
    public String name;
    @MappedColumn(nullable = true)
    public Integer age;
    @MappedColumn(nullable = true)
    public String email;
    public int balance;
    @MappedColumn(text = true, nullable = true)
    public Lazy<String> bio = Lazy.of(null);
    @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<Post> posts = new RelatedList<>(this);
    @Relationship(backPopulates = "user")
    public final Ref<Profile> profile = new Ref<>(this);
    @Relationship(secondary = UserRole.class, backPopulates = "users")
    public final RelatedList<Role> roles = new RelatedList<>(this);

    public User() {
    }

    public User(String name) {
        this.name = name;
    }
}
