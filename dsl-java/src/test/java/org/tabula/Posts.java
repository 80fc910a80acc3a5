package org.tabula;

import org.tabula.schema.Column;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

public final class Posts extends Table {
    public static final Posts POSTS = new Posts();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<Long> userId = bigint("user_id").references(Users.USERS.id, ReferentialAction.CASCADE).index();
    public final Column<String> title = varchar("title", 200);
    public final Column<Integer> likes = integer("likes").defaultValue(0);

    private Posts() {
        super("posts");
    }
}
