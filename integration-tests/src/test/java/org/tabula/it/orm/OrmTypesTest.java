package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Engine;
import org.tabula.error.UnsupportedFeatureException;
import org.tabula.it.Databases;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;

/** Enum, JSON, ARRAY, time, UUID, decimal and binary entity fields, through sessions on every database. */
class OrmTypesTest {

    static final MetaData METADATA = Mapper.metaData(RelTyped.class);
    static final Column<RelTyped.Status> STATUS = Mapper.column(RelTyped.class, "status");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static SessionFactory fresh(Engine engine) {
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        return SessionFactory.of(engine);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyTypeRoundTripsWithEdgeValues(String db) {
        SessionFactory sessions = fresh(Databases.engine(db));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "Zoë ✓ 日本");
        attributes.put("count", 3);
        attributes.put("nested", Map.of("ok", true));
        attributes.put("list", List.of(1, 2, 3));
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Instant at = Instant.parse("1999-12-31T23:59:59.123456Z");
        LocalDateTime local = LocalDateTime.parse("2038-01-19T03:14:07.654321");
        LocalDate day = LocalDate.parse("0001-01-01").plusYears(1999);
        UUID uuid = UUID.randomUUID();
        // SQLite keeps decimals as REAL (about 15 significant digits): see the README's typing caveat
        BigDecimal amount = new BigDecimal(db.equals("sqlite") ? "-12345.6789" : "-12345678901234567890.0123456789");
        List<Object> history = new ArrayList<>(Arrays.asList("a", 1, null, Map.of("k", "v")));
        long[] ids = sessions.inTransaction(session -> {
            RelTyped full = new RelTyped();
            full.status = RelTyped.Status.PUBLISHED;
            full.mood = RelTyped.Mood.SAD;
            full.priority = RelTyped.Priority.HIGH;
            full.attributes = attributes;
            full.settings = new RelTyped.Settings("dark", 14, List.of("git", "sql"));
            full.history = history;
            full.at = at;
            full.local = local;
            full.day = day;
            full.uuid = uuid;
            full.amount = amount;
            full.data = data;
            full.text = "unicode: Zoë ✓ 日本 🎉, quotes ' \" and a backslash \\";
            full.flag = false;
            full.ratio = -0.0001;
            full.big = Long.MAX_VALUE;
            RelTyped empty = new RelTyped();                 // every nullable field null, status from the server default
            session.add(full);
            session.add(empty);
            session.flush();
            assertEquals(RelTyped.Status.DRAFT, empty.status, "enum server default read back as the constant");
            return new long[] {full.id, empty.id};
        });
        try (Session session = sessions.openSession()) {
            RelTyped full = session.getOne(RelTyped.class, ids[0]);
            assertEquals(RelTyped.Status.PUBLISHED, full.status);
            assertEquals(RelTyped.Mood.SAD, full.mood);
            assertEquals(RelTyped.Priority.HIGH, full.priority);
            assertEquals(attributes, full.attributes);
            assertEquals(new RelTyped.Settings("dark", 14, List.of("git", "sql")), full.settings);
            assertEquals(history, full.history);
            assertEquals(at, full.at);
            assertEquals(local, full.local);
            assertEquals(day, full.day);
            assertEquals(uuid, full.uuid);
            assertEquals(0, amount.compareTo(full.amount));
            assertArrayEquals(data, full.data);
            assertEquals("unicode: Zoë ✓ 日本 🎉, quotes ' \" and a backslash \\", full.text);
            assertEquals(false, full.flag);
            assertEquals(-0.0001, full.ratio);
            assertEquals(Long.MAX_VALUE, full.big);
            RelTyped empty = session.getOne(RelTyped.class, ids[1]);
            assertEquals(RelTyped.Status.DRAFT, empty.status);
            assertNull(empty.mood);
            assertNull(empty.priority);
            assertNull(empty.attributes);
            assertNull(empty.settings);
            assertNull(empty.at);
            assertNull(empty.uuid);
            assertNull(empty.data);
            assertNull(empty.text);
            assertEquals(List.of(empty), session.select(RelTyped.class).where(STATUS.eq(RelTyped.Status.DRAFT)).all());
            full.mood = null;                                 // change detection on enum and JSON fields
            Map<String, Object> changed = new LinkedHashMap<>(full.attributes);
            changed.put("count", 4);
            full.attributes = changed;                        // assign a new value: in-place changes are not tracked
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            RelTyped full = session.getOne(RelTyped.class, ids[0]);
            assertNull(full.mood);
            assertEquals(4, full.attributes.get("count"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void arrayFieldsOnPostgresAndAClearErrorElsewhere(String db) {
        Engine engine = Databases.engine(db);
        MetaData arrays = Mapper.metaData(RelArrays.class);
        if (!db.equals("postgresql")) {
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> arrays.createAll(engine));
            assertTrue(e.getMessage().contains("rel_orm_arrays.labels"), e.getMessage());
            return;
        }
        arrays.dropAll(engine);
        arrays.createAll(engine);
        long id = SessionFactory.of(engine).inTransaction(session -> {
            RelArrays a = new RelArrays();
            a.labels = List.of("a", "Zoë", "");
            a.scores = Arrays.asList(1, null, -3);
            RelArrays none = new RelArrays();
            session.add(a);
            session.add(none);
            session.flush();
            return a.id;
        });
        try (Session session = SessionFactory.of(engine).openSession()) {
            RelArrays a = session.getOne(RelArrays.class, id);
            assertEquals(List.of("a", "Zoë", ""), a.labels);
            assertEquals(Arrays.asList(1, null, -3), a.scores);
        }
    }
}
