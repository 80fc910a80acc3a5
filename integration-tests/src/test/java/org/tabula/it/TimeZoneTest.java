package org.tabula.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.now;
import static org.tabula.Sql.select;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.SqlTypes;

/** Dates and times come back as they went in, whatever the JVM's default time zone; instants stay UTC. */
class TimeZoneTest {

    static final class Moments extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<LocalDate> day = date("day");
        final Column<LocalDateTime> local = timestamp("local");
        final Column<Instant> instant = instant("instant");
        final Column<Instant> created = instant("created").serverDefault(now(SqlTypes.INSTANT));

        Moments() {
            super("tz_moments");
        }
    }

    static final Moments MOMENTS = new Moments();

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noDriftAcrossJvmTimeZones(String db) {
        TimeZone original = TimeZone.getDefault();
        LocalDate day = LocalDate.of(2024, 3, 10);                         // a DST change day in New York
        LocalDateTime local = LocalDateTime.of(2024, 3, 10, 2, 30, 15, 250_000_000); // does not exist in New York
        Instant instant = Instant.parse("2024-03-10T07:30:00.123456Z");
        try {
            for (String zone : new String[] {"America/New_York", "Asia/Kolkata", "UTC"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                try (Engine engine = Databases.newEngine(db, EngineOptions.defaults().poolSize(1).maxOverflow(0))) {
                    MetaData md = new MetaData(MOMENTS);
                    md.dropAll(engine);
                    md.createAll(engine);
                    try (Connection conn = engine.connect()) {
                        Instant before = Instant.now().minusSeconds(5);
                        long id = conn.execute(insert(MOMENTS).set(MOMENTS.day, day).set(MOMENTS.local, local)
                                .set(MOMENTS.instant, instant)).insertedPrimaryKey().get(MOMENTS.id);
                        Row row = conn.execute(select(MOMENTS).where(MOMENTS.id.eq(id))).one();
                        assertEquals(day, row.get(MOMENTS.day), zone);
                        assertEquals(local, row.get(MOMENTS.local), zone);
                        assertEquals(instant, row.get(MOMENTS.instant), zone);
                        Instant created = row.get(MOMENTS.created);
                        Duration skew = Duration.between(before, created).abs();
                        assertEquals(true, skew.compareTo(Duration.ofMinutes(1)) < 0,
                                zone + ": server default now() is " + created + ", expected about " + before);
                        conn.commit();
                    }
                    md.dropAll(engine);
                }
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
