package org.tabula.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** conn.fetch into records and through a values function, with and without parameters. */
class TypedFetchTest {

    static final class People extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> fullName = varchar("full_name", 40);
        final Column<Integer> age = integer("age").nullable();

        People() {
            super("tf_people");
        }
    }

    static final People PEOPLE = new People();

    record Person(long id, String fullName, Integer age) {
    }

    record Strict(long id, int age) {
    }

    record Num(Long n) {
    }

    @Test
    void recordsStraightFromJdbc() {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(PEOPLE).createAll(engine);
            check(engine);
        }
    }

    private static void check(Engine engine) {
        try (Connection conn = engine.connect()) {
            conn.execute(insert(PEOPLE).set(PEOPLE.fullName, "ann lee").set(PEOPLE.age, 31));
            conn.execute(insert(PEOPLE).set(PEOPLE.fullName, "bob").set(PEOPLE.age, (Integer) null));
            var query = select(PEOPLE.id, PEOPLE.fullName, PEOPLE.age).from(PEOPLE).orderBy(PEOPLE.id.asc());
            List<Person> people = conn.fetch(query, Person.class);
            assertEquals(List.of(new Person(1, "ann lee", 31), new Person(2, "bob", null)), people);
            assertEquals(people, conn.execute(query).into(Person.class), "same as into()");
            List<String> names = conn.fetch(select(PEOPLE.fullName).from(PEOPLE).orderBy(PEOPLE.id.asc()),
                    values -> (String) values[0]);
            assertEquals(List.of("ann lee", "bob"), names);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.fetch(select(PEOPLE.id, PEOPLE.age).from(PEOPLE), Strict.class));
            assertTrue(e.getMessage().contains("age") && e.getMessage().contains("primitive"), e.getMessage());
        }
    }

    @Test
    void aRecordFetchedThroughSelectsOfOtherColumnOrdersMapsEachByName() {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(PEOPLE).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(PEOPLE).set(PEOPLE.fullName, "ann lee").set(PEOPLE.age, 31));
                Person ann = new Person(1, "ann lee", 31);
                // The mapper made for one order of labels is reused only for the same labels.
                for (int i = 0; i < 3; i++) {
                    assertEquals(List.of(ann), conn.fetch(select(PEOPLE.id, PEOPLE.fullName, PEOPLE.age).from(PEOPLE), Person.class));
                    assertEquals(List.of(ann), conn.fetch(select(PEOPLE.age, PEOPLE.id, PEOPLE.fullName).from(PEOPLE), Person.class));
                    assertEquals(List.of(ann), conn.fetch(select(PEOPLE.fullName, PEOPLE.age, PEOPLE.id).from(PEOPLE), Person.class));
                }
                // The same label read as another type: a Long straight from BIGINT, an INTEGER converted.
                for (int i = 0; i < 2; i++) {
                    assertEquals(List.of(new Num(1L)), conn.fetch(select(PEOPLE.id.as("n")).from(PEOPLE), Num.class));
                    assertEquals(List.of(new Num(31L)), conn.fetch(select(PEOPLE.age.as("n")).from(PEOPLE), Num.class));
                }
            }
        }
    }
}
