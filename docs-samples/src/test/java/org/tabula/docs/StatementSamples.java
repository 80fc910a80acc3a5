package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.count;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.or;
import static org.tabula.Sql.select;
import static org.tabula.Sql.update;
import static org.tabula.docs.Addresses.ADDRESSES;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Row;
import org.tabula.statement.Select;

/** docs/tutorial/statements.md: select, insert, update and delete. */
class StatementSamples {

    @Test
    void insertRows() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::insert[]
            long id = conn.execute(insert(USERS)
                            .set(USERS.name, "squidward")
                            .set(USERS.fullname, "Squidward Tentacles"))
                    .insertedPrimaryKey().get(USERS.id);
            conn.execute(insert(USERS).columns(USERS.name, USERS.fullname)   // one multi-row INSERT
                    .values("gary", "Gary the Snail")
                    .values("larry", null));
            conn.execute(insert(ADDRESSES), List.of(                         // executemany
                    Map.of("user_id", id, "email_address", "squidward@krusty.com"),
                    Map.of("user_id", id, "email_address", "squidward@clarinet.org")));
            conn.commit();
            // end::insert[]
            assertEquals(4L, id);
        }
    }

    @Test
    void selectRows() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::select[]
            Select query = select(USERS.name, ADDRESSES.email)
                    .from(USERS).join(ADDRESSES)                // ON inferred from the foreign key
                    .where(or(USERS.name.eq("sandy"), USERS.name.eq("patrick")))
                    .where(ADDRESSES.email.contains("sqlalchemy"))   // AND-ed; % and _ match themselves
                    .orderBy(USERS.name.asc());
            System.out.println(query.toSql(Dialect.POSTGRES));   // the SQL and its bound values
            List<Row> rows = conn.execute(query).all();
            assertEquals("sandy@sqlalchemy.org", rows.get(0).get(ADDRESSES.email));
            // end::select[]
        }
    }

    @Test
    void groupBy() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::group-by[]
            var perUser = select(USERS.name, count(ADDRESSES.id).as("addresses"))
                    .from(USERS).leftJoin(ADDRESSES)
                    .where(USERS.name.in(List.of("spongebob", "sandy", "patrick")))
                    .groupBy(USERS.name)
                    .having(count(ADDRESSES.id).gt(1L))
                    .orderBy(USERS.name);
            Row sandy = conn.execute(perUser).one();
            assertEquals(2L, (Long) sandy.get("addresses"));
            // end::group-by[]
        }
    }

    @Test
    void subquery() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::subquery[]
            Select withAddress = select(ADDRESSES.userId).from(ADDRESSES);
            List<String> names = conn.execute(select(USERS.name)
                    .where(USERS.id.in(withAddress))
                    .orderBy(USERS.name)).scalars();
            assertEquals(List.of("sandy", "spongebob"), names);
            // end::subquery[]
        }
    }

    @Test
    void updateAndDelete() {
        try (Engine engine = SampleData.engine(); Connection conn = engine.connect()) {
            // tag::update[]
            long changed = conn.execute(update(USERS)
                    .set(USERS.fullname, "Patrick the Star")
                    .where(USERS.name.eq("patrick"))).rowCount();
            assertEquals(1L, changed);
            // end::update[]
            // tag::delete[]
            long removed = conn.execute(delete(USERS).where(USERS.name.eq("sandy"))).rowCount();
            long addressesLeft = conn.execute(select(count()).from(ADDRESSES)).scalarOne();
            assertEquals(1L, removed);
            assertEquals(1L, addressesLeft);                    // ON DELETE CASCADE
            conn.execute(delete(ADDRESSES).allRows());         // no WHERE: say so
            conn.commit();
            // end::delete[]
        }
    }
}
