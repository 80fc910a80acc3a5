package shop;

import java.util.List;
import java.util.Map;
import org.tabula.orm.Cascade;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
import org.tabula.orm.Model;
import org.tabula.orm.Ref;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;
import org.tabula.orm.Transient;

/** Every kind of attribute: inherited Model fields, renamed, primitive, Lazy, enums, JSON, arrays, bytes, relationships. */
@Entity
public class Member extends Model {
    public enum Status { ACTIVE, BANNED }

    public enum Mood {
        HAPPY("h"), SAD("s");
        private final String code;
        Mood(String code) { this.code = code; }
        public String code() { return code; }
    }

    public static final String NOT_A_COLUMN = "x";

    @MappedColumn(length = 50, unique = true) public String name;
    @MappedColumn(nullable = true) public Integer age;
    @MappedColumn(name = "mail_address") public String email;
    public int visits;
    @MappedColumn(nullable = true) public double score;
    @MappedColumn(text = true, nullable = true) public Lazy<String> bio = Lazy.of(null);
    public Lazy<Integer> rank = Lazy.of(0);
    @MappedColumn(serverDefault = "ACTIVE") public Status status;
    @MappedColumn(nullable = true, enumByValue = "code") public Mood mood;
    @MappedColumn(json = true, nullable = true) public Map<String, Object> attributes;
    @MappedColumn(nullable = true) public List<String> labels;
    @MappedColumn(nullable = true) public byte[] avatar;
    @Transient public String scratch;
    public transient int cache;

    @Relationship(backPopulates = "member", cascade = Cascade.ALL) public final Ref<Profile> profile = new Ref<>(this);
    @Relationship(backPopulates = "author") public final RelatedList<Post> posts = new RelatedList<>(this);
    @Relationship(secondary = MemberRole.class, backPopulates = "members") public final RelatedList<Role> roles = new RelatedList<>(this);
}
