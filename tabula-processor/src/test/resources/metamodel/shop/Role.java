package shop;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

@Entity
public class Role {
    @Column(primaryKey = true, autoIncrement = true) public Long id;
    public String name;
    @Relationship(secondary = MemberRole.class, backPopulates = "roles") public final RelatedList<Member> members = new RelatedList<>(this);
}
