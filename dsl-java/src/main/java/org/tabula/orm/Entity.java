package org.tabula.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a declarative entity: Tabula builds its {@link org.tabula.schema.Table} from
 * the class's fields (and its superclasses' fields, such as those of {@link Model}).
 *
 * <pre>{@code
 * @Entity                                    // table "users", derived from the class name
 * public class User extends Model {
 *     @MappedColumn(length = 50) public String name;
 *     @MappedColumn(nullable = true) public Integer age;
 * }
 *
 * @Entity(table = "address_book")
 * public class Address {
 *     @MappedColumn(primaryKey = true, autoIncrement = true) public Long id;
 *     @MappedColumn(references = User.class) public Long userId;     // column user_id
 *     public String email;                                      // varchar(255) NOT NULL
 * }
 * }</pre>
 *
 * <p>Every non-static, non-{@code transient} field not marked {@link Transient} is a column named
 * by {@link Naming snake case} ({@code createdAt} is {@code created_at}) unless
 * {@link MappedColumn#name()} says otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {

    /**
     * The table name; empty means derived from the class name ({@code User} is {@code users}).
     *
     * @return the table name, or empty for the derived one
     */
    String table() default "";
}
