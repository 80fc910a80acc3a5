package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.error.DatabaseException;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.EnumType;
import org.tabula.type.JsonType;
import org.tabula.type.SqlTypes;

/** Enums, JSON and arrays on every dialect. */
class RichTypesTest {

    enum Status { DRAFT, PUBLISHED, ARCHIVED }

    enum Mood {
        HAPPY("happy"), SAD("sad"), MEH("so-so");

        final String code;

        Mood(String code) {
            this.code = code;
        }
    }

    /** A user type stored as JSON. */
    public record Settings(String theme, int fontSize, List<String> plugins) {
    }

    static final class Documents extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<Status> status = enumeration("status", Status.class).serverDefaultValue(Status.DRAFT);
        final Column<Mood> mood = column("mood", EnumType.byValue(Mood.class, m -> m.code).asNative("rt_mood")).nullable();
        final Column<Object> attributes = json("attributes").nullable();
        final Column<Settings> settings = json("settings", Settings.class).nullable();
        final Column<List<Integer>> scores = column("scores", JsonType.of(new TypeReference<List<Integer>>() { })).nullable();

        Documents() {
            super("rt_documents");
        }
    }

    static final class Tagged extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<List<String>> tags = array("tags", SqlTypes.TEXT).nullable();
        final Column<List<Integer>> numbers = array("numbers", SqlTypes.INTEGER).nullable();

        Tagged() {
            super("rt_tagged");
        }
    }

    static final Documents DOCS = new Documents();
    static final Tagged TAGGED = new Tagged();
    static final MetaData METADATA = new MetaData(DOCS);

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enumsRoundTripWithServerDefaultAndCheck(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        METADATA.createAll(engine);
        try (Connection conn = engine.connect()) {
            long id = conn.execute(insert(DOCS).set(DOCS.mood, Mood.MEH)).insertedPrimaryKey().get(DOCS.id);
            Row row = conn.execute(select(DOCS.status, DOCS.mood).where(DOCS.id.eq(id))).one();
            assertEquals(Status.DRAFT, row.get(DOCS.status), "server default as text");
            assertEquals(Mood.MEH, row.get(DOCS.mood));
            conn.execute(insert(DOCS).set(DOCS.status, Status.ARCHIVED));
            assertEquals(List.of(Status.ARCHIVED), conn.execute(select(DOCS.status).where(DOCS.status.eq(Status.ARCHIVED)))
                    .scalars());
            assertEquals(List.of(Mood.MEH), conn.execute(select(DOCS.mood).where(DOCS.mood.in(List.of(Mood.MEH, Mood.SAD))))
                    .scalars());
            String stored = conn.execute(text("SELECT mood FROM rt_documents WHERE mood IS NOT NULL")).scalar().toString();
            assertEquals("so-so", stored, "stored by value");
            conn.commit();
            String q = engine.dialect().quote("rt_documents");
            assertThrows(DatabaseException.class, () -> conn.execute(
                    text("INSERT INTO " + q + " (status) VALUES ('BOGUS')")), "CHECK / native enum refuses unknown labels");
            conn.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void jsonRoundTrips(String db) {
        Engine engine = Databases.engine(db);
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        Map<String, Object> attributes = Map.of("color", "red", "size", 3, "nested", Map.of("ok", true, "list", List.of(1, 2)));
        Settings settings = new Settings("dark 🌙", 14, List.of("a", "b"));
        try (Connection conn = engine.connect()) {
            long id = conn.execute(insert(DOCS).set(DOCS.attributes, attributes).set(DOCS.settings, settings)
                    .set(DOCS.scores, List.of(3, 1, 2))).insertedPrimaryKey().get(DOCS.id);
            long empty = conn.execute(insert(DOCS)).insertedPrimaryKey().get(DOCS.id);
            Row row = conn.execute(select(DOCS.attributes, DOCS.settings, DOCS.scores).where(DOCS.id.eq(id))).one();
            assertEquals(attributes, row.get(DOCS.attributes));
            assertEquals(settings, row.get(DOCS.settings));
            assertEquals(List.of(3, 1, 2), row.get(DOCS.scores));
            Row nulls = conn.execute(select(DOCS.attributes, DOCS.settings).where(DOCS.id.eq(empty))).one();
            assertNull(nulls.get(DOCS.attributes));
            assertNull(nulls.get(DOCS.settings));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void arraysOnPostgresAndAClearErrorElsewhere(String db) {
        Engine engine = Databases.engine(db);
        MetaData metadata = new MetaData(TAGGED);
        if (engine.dialect() != Dialect.POSTGRES) {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> metadata.createAll(engine));
            assertTrue(e.getMessage().contains("rt_tagged.tags") && e.getMessage().contains("JSON"), e.getMessage());
            return;
        }
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            long id = conn.execute(insert(TAGGED).set(TAGGED.tags, List.of("a", "b's", "🌍")).set(TAGGED.numbers, List.of(1, 2)))
                    .insertedPrimaryKey().get(TAGGED.id);
            Row row = conn.execute(select(TAGGED.tags, TAGGED.numbers).where(TAGGED.id.eq(id))).one();
            assertEquals(List.of("a", "b's", "🌍"), row.get(TAGGED.tags));
            assertEquals(List.of(1, 2), row.get(TAGGED.numbers));
            conn.execute(insert(TAGGED).set(TAGGED.tags, List.of()));
            assertEquals(2, conn.execute(select(TAGGED.id).from(TAGGED)).all().size());
        }
        metadata.dropAll(engine);
    }
}
