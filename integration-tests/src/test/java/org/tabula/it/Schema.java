package org.tabula.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.tabula.Sql;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;
import org.tabula.type.SqlTypes;

/** The tables every integration scenario uses. */
public final class Schema {

    private Schema() {
    }

    public static final class Users extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<String> name = varchar("name", 50);
        public final Column<Integer> age = integer("age").nullable();
        public final Column<String> email = varchar("email", 120).nullable().unique();
        public final Column<Boolean> active = bool("active").defaultValue(true);
        public final Column<LocalDateTime> createdAt = timestamp("created_at").serverDefault(Sql.now());

        Users() {
            super("it_users");
        }
    }

    public static final class Posts extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<Long> userId = bigint("user_id").references(USERS.id, ReferentialAction.CASCADE).index();
        public final Column<String> title = varchar("title", 200);
        public final Column<Integer> likes = integer("likes").defaultValue(0);

        Posts() {
            super("it_posts");
        }
    }

    /** One column of every type, for round trips. */
    public static final class Values extends Table {
        public final Column<UUID> id = uuid("id").primaryKey().defaultValue(UUID::randomUUID);
        public final Column<Boolean> flag = bool("flag").nullable();
        public final Column<Integer> small = integer("small").nullable();
        public final Column<Long> big = bigint("big").nullable();
        public final Column<BigDecimal> money = decimal("money", 12, 2).nullable();
        public final Column<Double> ratio = doublePrecision("ratio").nullable();
        public final Column<String> label = varchar("label", 100).nullable();
        public final Column<String> body = text("body").nullable();
        public final Column<LocalDate> day = date("day").nullable();
        public final Column<LocalDateTime> at = timestamp("at").nullable();
        public final Column<Instant> instant = instant("instant").nullable();
        public final Column<byte[]> blob = bytes("blob").nullable();
        public final Column<UUID> ref = uuid("ref").nullable();

        Values() {
            super("it_values");
        }
    }

    /** Odd identifiers: spaces, quotes, reserved words. */
    public static final class Weird extends Table {
        public final Column<Long> id = column("select", SqlTypes.BIGINT).primaryKey();
        public final Column<String> name = varchar("my \"name\" `x`", 50).nullable();
        public final Column<Integer> order = integer("order").nullable();

        Weird() {
            super("it weird \"table\"");
        }
    }

    public static final Users USERS = new Users();
    public static final Posts POSTS = new Posts();
    public static final Values VALUES = new Values();
    public static final Weird WEIRD = new Weird();

    public static final MetaData METADATA = new MetaData(USERS, POSTS, VALUES, WEIRD);
}
