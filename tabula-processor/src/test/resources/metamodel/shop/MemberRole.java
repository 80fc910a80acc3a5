package shop;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

@Entity
public class MemberRole {
    @MappedColumn(primaryKey = true, references = Member.class) public Long memberId;
    @MappedColumn(primaryKey = true, references = Role.class) public Long roleId;
}
