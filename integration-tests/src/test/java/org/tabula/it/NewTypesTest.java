package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.it.orm.NtEntity;
import org.tabula.migration.SchemaDiff;
import org.tabula.orm.Mapper;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.schema.inspect.TableInfo;
import org.tabula.type.SqlTypes;
import org.tabula.type.TypeKind;

/**
 * LocalTime, OffsetDateTime, ZonedDateTime, Duration, BigInteger and user-defined types (an
 * EmailAddress record, UUIDs in 16 bytes) through Core, executemany, text(), the ORM and
 * reflection, on every database.
 */
class NewTypesTest {

    static final class Things extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<LocalTime> at = time("at").nullable();
        final Column<OffsetDateTime> odt = offsetDateTime("odt").nullable();
        final Column<ZonedDateTime> zdt = zonedDateTime("zdt").nullable();
        final Column<Duration> took = duration("took").nullable();
        final Column<BigInteger> big = bigInteger("big").nullable();
        final Column<UUID> token = uuid("token").nullable();
        final Column<EmailAddress> email = column("email", EmailAddress.TYPE).nullable();
        final Column<UUID> binId = column("bin_id", EmailAddress.UUID_BINARY).nullable();

        Things() {
            super("nt_things");
        }
    }

    static final Things T = new Things();
    static final MetaData METADATA = new MetaData(T);

    static {
        Mapper.registerType(EmailAddress.TYPE);
    }

    static final MetaData ORM = Mapper.metaData(NtEntity.class);

    static final LocalTime AT = LocalTime.of(23, 59, 59, 123_456_000);
    static final OffsetDateTime ODT = OffsetDateTime.parse("2024-02-29T23:30:00.123456+05:30");
    static final ZonedDateTime ZDT = ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 654_321_000, ZoneId.of("America/New_York"));
    static final Duration TOOK = Duration.ofDays(400).plusNanos(123_456_789);
    static final Duration NEGATIVE = Duration.ofSeconds(-5, 250_000_001);
    static final BigInteger BIG = BigInteger.TWO.pow(64).multiply(BigInteger.valueOf(3)).add(BigInteger.valueOf(7));
    static final BigInteger HUGE_NEGATIVE = BigInteger.TEN.pow(64).subtract(BigInteger.ONE).negate();   // 64 nines
    static final EmailAddress ANN = new EmailAddress("ann@example.com");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static Engine fresh(String db, MetaData metaData) {
        Engine engine = Databases.engine(db);
        metaData.dropAll(engine);
        metaData.createAll(engine);
        return engine;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void coreRoundTripsEveryNewTypeWithExtremesAndNulls(String db) {
        Engine engine = fresh(db, METADATA);
        UUID token = UUID.randomUUID();
        try (Connection conn = engine.connect()) {
            long id = conn.execute(insert(T).set(T.at, AT).set(T.odt, ODT).set(T.zdt, ZDT).set(T.took, TOOK)
                    .set(T.big, BIG).set(T.token, token).set(T.email, ANN).set(T.binId, token))
                    .insertedPrimaryKey().get(T.id);
            long negative = conn.execute(insert(T).set(T.took, NEGATIVE).set(T.big, HUGE_NEGATIVE)
                    .set(T.at, LocalTime.MIDNIGHT)).insertedPrimaryKey().get(T.id);
            long empty = conn.execute(insert(T).setNull(T.at).setNull(T.email)).insertedPrimaryKey().get(T.id);
            conn.commit();

            Row row = conn.execute(select(T.at, T.odt, T.zdt, T.took, T.big, T.token, T.email, T.binId)
                    .where(T.id.eq(id))).one();
            assertEquals(AT, row.get(T.at), "micros kept");
            assertEquals(ODT.toInstant(), row.get(T.odt).toInstant(), "same instant");
            assertEquals(ZoneOffset.UTC, row.get(T.odt).getOffset(), "read back at UTC");
            assertEquals(ZDT.toInstant(), row.get(T.zdt).toInstant());
            assertEquals(ZoneOffset.UTC, row.get(T.zdt).getZone());
            assertEquals(TOOK.truncatedTo(ChronoUnit.MICROS), row.get(T.took), "to the microsecond");
            assertEquals(BIG, row.get(T.big), "beyond 64 bits");
            assertEquals(token, row.get(T.token));
            assertEquals(ANN, row.get(T.email));
            assertEquals(token, row.get(T.binId));

            Row neg = conn.execute(select(T.took, T.big, T.at).where(T.id.eq(negative))).one();
            assertEquals(NEGATIVE.truncatedTo(ChronoUnit.MICROS), neg.get(T.took));
            assertEquals(HUGE_NEGATIVE, neg.get(T.big));
            assertEquals(LocalTime.MIDNIGHT, neg.get(T.at));

            Row nulls = conn.execute(select(T.at, T.odt, T.zdt, T.took, T.big, T.token, T.email, T.binId)
                    .where(T.id.eq(empty))).one();
            for (int i = 0; i < 8; i++) {
                assertNull(nulls.get(i), "column " + i);
            }

            // values bind in WHERE as they are stored
            assertEquals(List.of(id), conn.execute(select(T.id).where(T.odt.eq(ODT.withOffsetSameInstant(ZoneOffset.ofHours(-7)))
                    .and(T.big.eq(BIG)).and(T.email.eq(ANN)).and(T.binId.eq(token)).and(T.at.eq(AT)))).scalars());
            assertEquals(List.of(negative), conn.execute(select(T.id).where(T.took.lt(Duration.ZERO))).scalars());

            // text() with SqlType-typed parameters and scalars
            assertEquals(ANN, conn.execute(text("SELECT email FROM nt_things WHERE email = :e")
                    .bind("e", ANN, EmailAddress.TYPE)).scalarOne(EmailAddress.TYPE));
            assertEquals(BIG, conn.execute(text("SELECT big FROM nt_things WHERE id = :id").bind("id", id))
                    .scalarOne(SqlTypes.BIG_INTEGER));
            assertEquals(NEGATIVE.truncatedTo(ChronoUnit.MICROS), conn.execute(text("SELECT took FROM nt_things WHERE id = :id")
                    .bind("id", negative)).scalarOne(SqlTypes.DURATION));
            assertEquals(ODT.toInstant(), conn.execute(text("SELECT odt FROM nt_things WHERE id = :id").bind("id", id))
                    .scalarOne(SqlTypes.OFFSET_DATE_TIME).toInstant());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void executemanyBindsTheNewTypes(String db) {
        Engine engine = fresh(db, METADATA);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("at", AT.plusSeconds(i));
            row.put("odt", ODT.plusHours(i));
            row.put("zdt", ZDT.plusDays(i));
            row.put("took", i % 2 == 0 ? TOOK.plusSeconds(i) : NEGATIVE);
            row.put("big", BIG.multiply(BigInteger.valueOf(i)));
            row.put("email", i % 3 == 0 ? null : new EmailAddress("u" + i + "@example.com"));
            rows.add(row);
        }
        try (Connection conn = engine.connect()) {
            conn.execute(insert(T), rows);
            conn.execute(insert(T).values(r -> r.set(T.big, HUGE_NEGATIVE).set(T.email, ANN).set(T.took, NEGATIVE))
                    .values(r -> r.set(T.big, null).set(T.email, null).set(T.took, null)));
            List<Row> read = conn.execute(select(T.at, T.odt, T.zdt, T.took, T.big, T.email).orderBy(T.id)).all();
            assertEquals(52, read.size());
            for (int i = 0; i < 50; i++) {
                Row r = read.get(i);
                assertEquals(AT.plusSeconds(i), r.get(T.at));
                assertEquals(ODT.plusHours(i).toInstant(), r.get(T.odt).toInstant());
                assertEquals(ZDT.plusDays(i).toInstant(), r.get(T.zdt).toInstant());
                assertEquals((i % 2 == 0 ? TOOK.plusSeconds(i) : NEGATIVE).truncatedTo(ChronoUnit.MICROS), r.get(T.took));
                assertEquals(BIG.multiply(BigInteger.valueOf(i)), r.get(T.big));
                assertEquals(i % 3 == 0 ? null : new EmailAddress("u" + i + "@example.com"), r.get(T.email));
            }
            assertEquals(HUGE_NEGATIVE, read.get(50).get(T.big));
            assertEquals(ANN, read.get(50).get(T.email));
            assertNull(read.get(51).get(T.took));
            conn.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ormEntityFieldsOfTheNewTypesMapThemselves(String db) {
        SessionFactory sessions = SessionFactory.of(fresh(db, ORM));
        long id = sessions.inTransaction(session -> {
            NtEntity e = new NtEntity();
            e.at = AT;
            e.odt = ODT;
            e.zdt = ZDT;
            e.took = NEGATIVE;
            e.big = HUGE_NEGATIVE;
            e.email = ANN;
            session.add(e);
            session.add(new NtEntity());
            session.flush();
            return e.id;
        });
        sessions.inTransaction(session -> {
            NtEntity e = session.get(NtEntity.class, id);
            assertEquals(AT, e.at);
            assertEquals(ODT.toInstant(), e.odt.toInstant());
            assertEquals(ZoneOffset.UTC, e.odt.getOffset());
            assertEquals(ZDT.toInstant(), e.zdt.toInstant());
            assertEquals(NEGATIVE.truncatedTo(ChronoUnit.MICROS), e.took);
            assertEquals(HUGE_NEGATIVE, e.big);
            assertEquals(ANN, e.email);
            e.email = new EmailAddress("bob@example.com");
            e.took = TOOK;
            return null;
        });
        sessions.inTransaction(session -> {
            NtEntity e = session.get(NtEntity.class, id);
            assertEquals(new EmailAddress("bob@example.com"), e.email, "dirty user-typed field flushed");
            assertEquals(TOOK.truncatedTo(ChronoUnit.MICROS), e.took);
            Column<EmailAddress> email = Mapper.column(NtEntity.class, "email");
            assertEquals(List.of(id), session.select(NtEntity.class).where(email.eq(new EmailAddress("bob@example.com")))
                    .all().stream().map(x -> x.id).toList());
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reflectionMapsTheNewColumnsBackAndTheDiffIsEmpty(String db) {
        Engine engine = fresh(db, METADATA);
        TableInfo info = engine.inspect().table("nt_things");
        assertEquals(TypeKind.TIME, info.column("at").type().kind(), info.column("at").toString());
        assertEquals(db.equals("postgresql") ? TypeKind.INTERVAL : TypeKind.BIGINT, info.column("took").type().kind());
        assertEquals(db.equals("sqlite") ? TypeKind.TEXT : TypeKind.BIG_INTEGER, info.column("big").type().kind());
        if (!db.equals("sqlite")) {
            assertEquals(SqlTypes.BIG_INTEGER, info.column("big").type());
        }
        if (db.equals("postgresql")) {
            assertEquals(SqlTypes.INSTANT, info.column("odt").type());
            assertEquals(SqlTypes.DURATION, info.column("took").type());
        }
        SchemaDiff diff = SchemaDiff.between(METADATA, engine.inspect(), t -> t.equals("nt_things"));
        assertTrue(diff.isEmpty(), diff.toString());
        // a reflected table reads the values as the declared one wrote them
        try (Connection conn = engine.connect()) {
            conn.execute(insert(T).set(T.at, AT).set(T.big, BIG).set(T.took, TOOK));
            conn.commit();
            Table reflected = MetaData.reflect(engine).table("nt_things");
            Row row = conn.execute(select(reflected.column("at"), reflected.column("big"), reflected.column("took"))
                    .from(reflected)).one();
            assertEquals(AT, row.get(0));
            assertEquals(db.equals("sqlite") ? BIG.toString() : BIG, row.get(1));
            assertEquals(db.equals("postgresql") ? TOOK.truncatedTo(ChronoUnit.MICROS) : TextMicros.of(TOOK), row.get(2));
        }
    }

    /** Durations outside PostgreSQL are a BIGINT of microseconds: what a reflected column reads. */
    static final class TextMicros {
        static Long of(Duration d) {
            return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        }
    }
}
