package shop;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

@Entity
public class Role {
    @MappedColumn(primaryKey = true, autoIncrement = true) public Long id;
    public String name;
    @Relationship(secondary = MemberRole.class, backPopulates = "roles") public final RelatedList<Member> members = new RelatedList<>(this);
}
