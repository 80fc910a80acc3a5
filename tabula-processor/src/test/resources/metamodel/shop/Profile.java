package shop;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

@Entity
class Profile {
    @MappedColumn(primaryKey = true, autoIncrement = true) Long id;
    @MappedColumn(references = Member.class, unique = true, nullable = true) Long memberId;
    @MappedColumn(nullable = true) String bio;
    @Relationship(backPopulates = "profile") final Ref<Member> member = new Ref<>(this);
}
