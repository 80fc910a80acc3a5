package org.tabula.docs;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

// tag::users[]
/** The user_account table: one typed field per column. */
public final class Users extends Table {
    public static final Users USERS = new Users();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<String> name = varchar("name", 30);
    public final Column<String> fullname = varchar("fullname", 100).nullable();

    private Users() {
        super("user_account");
    }
}
// end::users[]
