package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.docs.orm.Customer;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.orm.Mapper;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.DatabaseFamily;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** docs/types.md: the built-in types, user-defined types in Core and the ORM. */
class TypesSamples {

    // tag::shifts[]
    static final class Shifts extends Table {
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<LocalTime> startsAt = time("starts_at");                  // LocalTime, to the microsecond
        final Column<OffsetDateTime> publishedAt = offsetDateTime("published_at").nullable();   // stored in UTC
        final Column<Duration> length = duration("length");                    // interval / microseconds
        final Column<BigInteger> budget = bigInteger("budget").nullable();     // beyond 64 bits
        final Column<EmailAddress> contact = column("contact", EmailAddress.TYPE).nullable();

        Shifts() {
            super("shifts");
        }
    }

    static final Shifts SHIFTS = new Shifts();
    // end::shifts[]

    // tag::uuid-binary[]
    /** UUIDs in 16 bytes: BINARY(16) on MySQL/MariaDB, BLOB on SQLite, the native uuid on PostgreSQL. */
    static final SqlType<UUID> UUID_BINARY = SqlTypes.converted(SqlTypes.BYTES, UUID.class,
                    b -> { ByteBuffer buf = ByteBuffer.wrap(b); return new UUID(buf.getLong(), buf.getLong()); },
                    u -> ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                            .putLong(u.getLeastSignificantBits()).array())
            .withSqlName(DatabaseFamily.MYSQL, "BINARY(16)")
            .on(DatabaseFamily.POSTGRESQL, SqlTypes.UUID_TYPE);
    // end::uuid-binary[]

    @Test
    void builtInsAndAUserType() {
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            new MetaData(SHIFTS).createAll(engine);
            // tag::round-trip[]
            try (Connection conn = engine.connect()) {
                OffsetDateTime published = OffsetDateTime.parse("2024-05-01T09:00:00+02:00");
                long id = conn.execute(insert(SHIFTS)
                        .set(SHIFTS.startsAt, LocalTime.of(8, 30))
                        .set(SHIFTS.publishedAt, published)
                        .set(SHIFTS.length, Duration.ofHours(8).plusMinutes(30))
                        .set(SHIFTS.budget, new BigInteger("123456789012345678901234567890"))
                        .set(SHIFTS.contact, new EmailAddress("ops@example.com")))
                        .insertedPrimaryKey().get(SHIFTS.id);
                Row row = conn.execute(select(SHIFTS.publishedAt, SHIFTS.contact).where(SHIFTS.id.eq(id))).one();
                // the same instant, read back at offset UTC: 2024-05-01T07:00Z
                assertEquals(published.withOffsetSameInstant(ZoneOffset.UTC), row.get(SHIFTS.publishedAt));
                assertEquals(new EmailAddress("ops@example.com"), row.get(SHIFTS.contact));
                // user types in WHERE and in text(), bound as their stored form
                assertEquals(id, conn.execute(select(SHIFTS.id)
                        .where(SHIFTS.contact.eq(new EmailAddress("ops@example.com")))).scalarOne());
                EmailAddress contact = conn.execute(text("SELECT contact FROM shifts WHERE id = :id").bind("id", id))
                        .scalarOne(EmailAddress.TYPE);
                assertEquals("ops@example.com", contact.value());
            }
            // end::round-trip[]
        }
    }

    @Test
    void ddlPerDialect() {
        // tag::ddl[]
        assertEquals("INTERVAL", SqlTypes.DURATION.sqlName(Dialect.POSTGRES));
        assertEquals("BIGINT", SqlTypes.DURATION.sqlName(Dialect.MARIADB));
        assertEquals("TIME(6)", SqlTypes.LOCAL_TIME.sqlName(Dialect.MARIADB));
        assertEquals("BINARY(16)", UUID_BINARY.sqlName(Dialect.MARIADB));
        assertEquals("UUID", UUID_BINARY.sqlName(Dialect.POSTGRES));
        // end::ddl[]
    }

    @Test
    void orm() {
        // tag::orm[]
        Mapper.registerType(EmailAddress.TYPE);       // at start-up, before the entities are mapped
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            Mapper.metaData(Customer.class).createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);
            try (Session session = sessions.openSession()) {
                Customer c = new Customer();
                c.email = new EmailAddress("ann@example.com");
                c.sessionLength = Duration.ofMinutes(42);
                session.add(c);
                session.commit();
                Column<EmailAddress> email = Mapper.column(Customer.class, "email");
                Customer found = session.select(Customer.class)
                        .where(email.eq(new EmailAddress("ann@example.com"))).one();
                assertEquals(Duration.ofMinutes(42), found.sessionLength);
            }
        }
        // end::orm[]
    }
}
