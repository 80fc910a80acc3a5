package shop;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;

@Entity
public class MemberRole {
    @Column(primaryKey = true, references = Member.class) public Long memberId;
    @Column(primaryKey = true, references = Role.class) public Long roleId;
}
