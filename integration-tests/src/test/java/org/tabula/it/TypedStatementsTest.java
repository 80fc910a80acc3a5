package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tabula.Sql.count;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.result.Result1;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.statement.InsertRow;
import org.tabula.statement.Select1;
import org.tabula.type.SqlTypes;

/**
 * The typed forms of issue 14: setNull, scalars typed by a one-expression select, typed
 * {@code text()} scalars, and executemany rows built from column handles.
 */
class TypedStatementsTest {

    static final class People extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> name = varchar("name", 40);
        final Column<Integer> age = integer("age").nullable();
        final Column<UUID> token = uuid("token").nullable();

        People() {
            super("ts_people");
        }
    }

    record Person(String name, Integer age) {
    }

    static final People P = new People();
    static final MetaData METADATA = new MetaData(P);

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void setNullAndTypedScalars(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        try (Connection conn = engine.connect()) {
            long ann = conn.execute(insert(P).set(P.name, "ann").setNull(P.age)).insertedPrimaryKey().get(P.id);
            conn.execute(insert(P).set(P.name, "bob").set(P.age, 40));
            Select1<Long> ids = select(P.id).where(P.name.eq("ann"));
            Long id = conn.execute(ids).scalarOne();
            assertEquals(ann, id);
            Result1<Integer> ages = conn.execute(select(P.age).where(P.id.eq(ann)));
            assertNull(ages.scalarOneOrNull());
            List<String> names = conn.execute(select(P.name).orderBy(P.name)).scalars();
            assertEquals(List.of("ann", "bob"), names);
            Long n = conn.execute(select(count()).from(P)).scalarOne();
            assertEquals(2L, n);
            Integer bobAge = conn.execute(select(P.age).where(P.name.eq("bob")).limit(1)).scalar();
            assertEquals(40, bobAge);

            conn.execute(update(P).setNull(P.age).where(P.name.eq("bob")));
            assertNull(conn.execute(select(P.age).where(P.name.eq("bob"))).scalarOne());

            String table = engine.dialect().quote("ts_people");
            assertEquals(2L, conn.execute(text("SELECT count(*) FROM " + table)).scalarOne(Long.class));
            assertEquals(2, conn.execute(text("SELECT count(*) FROM " + table)).scalarOne(Integer.class));
            assertEquals(List.of("ann", "bob"), conn.execute(text("SELECT name FROM " + table + " ORDER BY name"))
                    .scalars(SqlTypes.TEXT));
            assertNull(conn.execute(text("SELECT name FROM " + table + " WHERE name = :n").bind("n", "zed"))
                    .scalarOneOrNull(String.class));
            UUID token = UUID.randomUUID();
            conn.execute(update(P).set(P.token, token).where(P.id.eq(ann)));
            assertEquals(token, conn.execute(text("SELECT token FROM " + table + " WHERE token IS NOT NULL"))
                    .scalarOne(SqlTypes.UUID_TYPE));
            assertThrows(NullPointerException.class, () -> conn.execute(
                    text("SELECT age FROM " + table + " WHERE name = 'ann'")).scalarOne(Integer.class));
            conn.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void typedRows(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(P).values(row -> row.set(P.name, "ann").set(P.age, 31))
                    .values(row -> row.set(P.name, "bob").set(P.age, null)));
            List<Person> people = List.of(new Person("cid", 20), new Person("dan", null), new Person("eve", 50));
            long written = conn.execute(insert(P), InsertRow.batch(P, people,
                    (row, p) -> row.set(P.name, p.name()).set(P.age, p.age()))).rowCount();
            assertEquals(3, written);
            assertEquals(List.of("ann", "bob", "cid", "dan", "eve"),
                    conn.execute(select(P.name).orderBy(P.name)).scalars());
            assertEquals(List.of("bob", "dan"), conn.execute(select(P.name).where(P.age.isNull()).orderBy(P.name)).scalars());
            People other = new People();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InsertRow.of(P).set(other.name, "x"));
            assertEquals(true, e.getMessage().contains("ts_people.name"), e.getMessage());
            conn.commit();
        }
    }

    /** One typed row refilled per item and bound straight into the batch: the rows arrive in input order, across batches. */
    @ParameterizedTest
    @MethodSource("databases")
    void typedExecutemanyRefillsOneRowPerItem(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            people.add(new Person("p" + (2500 - i), i % 7 == 0 ? null : i));   // names sort against input order
        }
        try (Connection conn = engine.connect()) {
            long written = conn.execute(insert(P), people, (row, p) -> {
                if (p.age() != null && p.age() % 2 == 0) {
                    row.set(P.age, p.age()).set(P.name, p.name());
                } else {
                    row.set(P.name, p.name()).set(P.age, p.age());
                }
            }).rowCount();
            assertEquals(2500, written);
            List<String> names = conn.execute(select(P.name).orderBy(P.id)).scalars();
            assertEquals(people.stream().map(Person::name).toList(), names);
            List<Integer> ages = conn.execute(select(P.age).orderBy(P.id)).scalars();
            assertEquals(people.stream().map(Person::age).toList(), ages);
            conn.commit();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.execute(insert(P), people.subList(0, 1500), (row, p) -> {
                        row.set(P.name, p.name());
                        if (!p.name().equals("p1200")) {
                            row.set(P.age, p.age());
                        }
                    }));
            assertEquals(true, e.getMessage().contains("row 1300") && e.getMessage().contains("age"), e.getMessage());
            conn.rollback();
            Long n = conn.execute(select(count()).from(P)).scalarOne();
            assertEquals(2500L, n, "a failed executemany leaves nothing of its rows once rolled back");
        }
    }
}
