package org.tabula;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

public final class Users extends Table {
    public static final Users USERS = new Users();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<String> name = varchar("name", 50);
    public final Column<Integer> age = integer("age").nullable();
    public final Column<String> email = varchar("email", 120).nullable().unique();

    private Users() {
        super("users");
    }
}
