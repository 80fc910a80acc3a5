package org.tabula.examples;

import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.or;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;

import java.util.List;
import java.util.Map;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

/**
 * Tabula in one file, on an in-memory SQLite database: two related tables, inserts, queries
 * with and/or/in/contains, an update and a delete.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java}.
 */
public final class QuickStart {

    /** Users, declared once as typed fields. */
    static final class Users extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 30);
        final Column<String> fullname = varchar("fullname", 100).nullable();

        Users() {
            super("user_account");
        }
    }

    /** Addresses, each belonging to a user. */
    static final class Addresses extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<Long> userId = bigint("user_id").references(USERS.id, ReferentialAction.CASCADE);
        final Column<String> email = varchar("email_address", 120);

        Addresses() {
            super("address");
        }
    }

    static final Users USERS = new Users();
    static final Addresses ADDRESSES = new Addresses();

    public static void main(String[] args) {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:", EngineOptions.defaults().echo(false))) {
            new MetaData(USERS, ADDRESSES).createAll(engine);

            // One transaction: commits at the end of the block, rolls back if it throws.
            engine.begin(conn -> {
                long spongebob = conn.execute(insert(USERS).set(USERS.name, "spongebob")
                        .set(USERS.fullname, "Spongebob Squarepants")).insertedPrimaryKey().get(USERS.id);
                conn.execute(insert(USERS).columns(USERS.name, USERS.fullname)
                        .values("sandy", "Sandy Cheeks")
                        .values("patrick", "Patrick Star"));
                conn.execute(insert(ADDRESSES), List.of(                 // executemany
                        Map.of("user_id", spongebob, "email_address", "spongebob@sqlalchemy.org"),
                        Map.of("user_id", spongebob + 1, "email_address", "sandy@sqlalchemy.org"),
                        Map.of("user_id", spongebob + 1, "email_address", "sandy@squirrelpower.org")));
            });

            try (Connection conn = engine.connect()) {
                System.out.println("-- users named sandy or patrick, with an address containing 'sqlalchemy':");
                var query = select(USERS.name, ADDRESSES.email)
                        .from(USERS).join(ADDRESSES)                      // ON inferred from the foreign key
                        .where(or(USERS.name.eq("sandy"), USERS.name.eq("patrick")))
                        .where(ADDRESSES.email.contains("sqlalchemy"))   // AND-ed, wildcards escaped
                        .orderBy(USERS.name.asc());
                System.out.println(query.toSql(engine.dialect()).sql());
                for (Row row : conn.execute(query)) {
                    System.out.println("  " + row.get(USERS.name) + " <" + row.get(ADDRESSES.email) + ">");
                }

                System.out.println("-- addresses per user, for users in a list:");
                var perUser = select(USERS.name, count(ADDRESSES.id).as("addresses"))
                        .from(USERS).leftJoin(ADDRESSES)
                        .where(USERS.name.in(List.of("spongebob", "sandy", "patrick")))
                        .groupBy(USERS.name).orderBy(USERS.name);
                conn.execute(perUser).mappings().forEach(m -> System.out.println("  " + m));

                long changed = conn.execute(update(USERS).set(USERS.fullname, "Patrick the Star")
                        .where(USERS.name.eq("patrick"))).rowCount();
                System.out.println("-- updated " + changed + " row: "
                        + conn.execute(select(USERS.fullname).where(USERS.name.eq("patrick"))).scalarOne());

                long removed = conn.execute(delete(USERS).where(USERS.name.eq("sandy"))).rowCount();
                long addressesLeft = conn.execute(select(count()).from(ADDRESSES)).scalarOne();
                System.out.println("-- deleted " + removed + " user; addresses left (ON DELETE CASCADE): " + addressesLeft);
                conn.commit();

                System.out.println("-- everyone now:");
                conn.execute(select(USERS).orderBy(USERS.id)).all().forEach(r -> System.out.println("  " + r));
            }
        }
    }

    private QuickStart() {
    }
}
