package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
import org.tabula.orm.Model;

/** id, created_at (server now()), updated_at (client) from Model. */
@Entity(table = "orm_users")
public class OrmUser extends Model {

    @MappedColumn(length = 50, unique = true)
    public String name;

    @MappedColumn(nullable = true)
    public Integer age;

    @MappedColumn(length = 20, serverDefault = "'active'")
    public String status;

    /** Deferred: selected on first access. */
    @MappedColumn(text = true, nullable = true)
    public Lazy<String> bio = Lazy.of(null);

    public OrmUser() {
    }

    public OrmUser(String name) {
        this.name = name;
    }
}
