package org.tabula.orm;

import java.time.Instant;

/**
 * A declarative base with the columns most tables share, like SQLAlchemy's {@code AbstractModel}:
 * an auto-incremented {@code id}, {@code created_at} filled by the database ({@code now()}) and
 * {@code updated_at} set by the client at insert and at every update.
 *
 * <pre>{@code
 * @Entity                         // table "users"
 * public class User extends Model {
 *     @MappedColumn(length = 50) public String name;
 * }
 *
 * session.add(user);
 * session.flush();                // user.id, user.createdAt and user.updatedAt are set
 * }</pre>
 *
 * <p>Write your own base the same way: any superclass's fields are columns of its subclasses' tables.
 */
public abstract class Model {

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(serverDefault = "now()")
    public Instant createdAt;

    @MappedColumn(defaultValue = Now.class, onUpdate = Now.class)
    public Instant updatedAt;

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id;
    }
}
