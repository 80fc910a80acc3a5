package shop;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

@Entity
class Profile {
    @Column(primaryKey = true, autoIncrement = true) Long id;
    @Column(references = Member.class, unique = true, nullable = true) Long memberId;
    @Column(nullable = true) String bio;
    @Relationship(backPopulates = "profile") final Ref<Member> member = new Ref<>(this);
}
