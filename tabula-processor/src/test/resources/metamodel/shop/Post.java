package shop;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

@Entity
public class Post {
    @IntPk public Long id;
    @MappedColumn(references = Member.class, nullable = true) public Long authorId;
    public String title;
    @Relationship(backPopulates = "posts") public final Ref<Member> author = new Ref<>(this);
}
