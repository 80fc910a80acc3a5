package org.tabula.docs;

import org.tabula.schema.Column;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

// tag::addresses[]
/** The address table: each row belongs to a user. */
public final class Addresses extends Table {
    public static final Addresses ADDRESSES = new Addresses();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<Long> userId = bigint("user_id")
            .references(Users.USERS.id, ReferentialAction.CASCADE);
    public final Column<String> email = varchar("email_address", 120);

    private Addresses() {
        super("address");
    }
}
// end::addresses[]
