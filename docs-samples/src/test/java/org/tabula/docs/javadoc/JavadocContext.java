package org.tabula.docs.javadoc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineListener;
import org.tabula.engine.ExternalTransaction;
import org.tabula.engine.ExternalTransactions;
import org.tabula.engine.Inspector;
import org.tabula.engine.StatementEvent;
import org.tabula.engine.TransactionWork;
import org.tabula.expr.Condition;
import org.tabula.expr.SqlNode;
import org.tabula.expr.SqlVisitor;
import org.tabula.statement.Insert;
import org.tabula.migration.SchemaChange;
import org.tabula.migration.SchemaDiff;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Result;
import org.tabula.result.ConstructorMapper;
import org.tabula.result.ResultColumns;
import org.tabula.result.Row;
import org.tabula.result.RowCursor;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;
import org.tabula.statement.Statement;
import org.tabula.type.JsonType;
import org.tabula.type.SqlType;

/**
 * The names a Javadoc example of dsl-java may use without declaring them; {@link JavadocExamplesTest}
 * compiles each example in a subclass. Examples are compiled, never run: the fields stay unset.
 */
@SuppressWarnings({"NotNullFieldNotInitialized", "unused"})
public abstract class JavadocContext {

    /** The imports of every generated example. */
    static final String IMPORTS = """
            import static org.tabula.Sql.*;
            import static java.lang.annotation.ElementType.*;
            import static java.lang.annotation.RetentionPolicy.*;
            import java.lang.annotation.*;
            import java.lang.invoke.*;
            import java.math.*;
            import java.time.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.atomic.*;
            import java.util.function.*;
            import java.util.stream.*;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Types;
            import java.lang.reflect.Field;
            import javax.sql.DataSource;
            import com.fasterxml.jackson.core.type.TypeReference;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import org.jspecify.annotations.Nullable;
            import org.sqlite.SQLiteDataSource;
            import org.tabula.*;
            import org.tabula.dialect.*;
            import org.tabula.engine.*;
            import org.tabula.engine.Connection;
            import org.tabula.error.*;
            import org.tabula.expr.*;
            import org.tabula.expr.Comparison;
            import org.tabula.migration.*;
            import org.tabula.orm.*;
            import org.tabula.result.*;
            import org.tabula.schema.*;
            import org.tabula.schema.inspect.*;
            import org.tabula.statement.*;
            import org.tabula.statement.Statement;
            import org.tabula.type.*;
            import org.tabula.docs.javadoc.*;
            """;

    // ---------------------------------------------------------------- tables

    /** users. */
    public static final class Users extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<String> name = varchar("name", 80);
        public final Column<String> email = varchar("email", 120).unique().nullable();
        public final Column<Integer> age = integer("age").nullable();
        public final Column<String> fullname = varchar("fullname", 100).nullable();
        public final Column<String> firstName = varchar("first_name", 50).nullable();
        public final Column<String> lastName = varchar("last_name", 50).nullable();
        public final Column<String> nickname = varchar("nickname", 40).nullable();
        public final Column<String> role = varchar("role", 20).nullable();
        public final Column<Boolean> active = bool("active");
        public final Column<Boolean> admin = bool("admin");
        public final Column<Long> bossId = bigint("boss_id").nullable();
        public final Column<Instant> createdAt = instant("created_at").serverDefault("CURRENT_TIMESTAMP");

        Users() {
            super("users");
        }
    }

    /** posts, each of a user. */
    public static final class Posts extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<Long> userId = bigint("user_id").references(USERS.id, ReferentialAction.CASCADE);
        public final Column<String> title = varchar("title", 200);

        Posts() {
            super("posts");
        }
    }

    /** orders, each of a user. */
    public static final class Orders extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<Long> userId = bigint("user_id").references(USERS.id);
        public final Column<String> item = varchar("item", 80);
        public final Column<Long> price = bigint("price");
        public final Column<Long> quantity = bigint("quantity");
        public final Column<Long> amount = bigint("amount");

        Orders() {
            super("orders");
        }
    }

    /** addresses, each of a user. */
    public static final class Addresses extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<Long> userId = bigint("user_id").references(USERS.id);
        public final Column<String> email = varchar("email", 120);

        Addresses() {
            super("addresses");
        }
    }

    /** employees and their managers. */
    public static final class Employees extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<String> name = varchar("name", 80);
        public final Column<Long> managerId = bigint("manager_id").nullable();

        Employees() {
            super("employees");
        }
    }

    /** A table with a name column (tags, archive, admins, items). */
    public static final class Named extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<String> name = varchar("name", 80).unique();

        Named(String table) {
            super(table);
        }
    }

    /** counters: a key and its hits. */
    public static final class Counters extends Table {
        public final Column<String> key = varchar("key", 80).primaryKey();
        public final Column<Integer> hits = integer("hits");

        Counters() {
            super("counters");
        }
    }

    /** accounts and their balance. */
    public static final class Accounts extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<Long> balance = bigint("balance");

        Accounts() {
            super("accounts");
        }
    }

    /** events, and the audit log. */
    public static final class Events extends Table {
        public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        public final Column<String> event = varchar("event", 80);

        Events(String table) {
            super(table);
        }
    }

    protected static final Users USERS = new Users();
    protected static final Posts POSTS = new Posts();
    protected static final Orders ORDERS = new Orders();
    protected static final Addresses ADDRESSES = new Addresses();
    protected static final Employees EMPLOYEES = new Employees();
    protected static final Named TAGS = new Named("tags");
    protected static final Named ARCHIVE = new Named("archive");
    protected static final Named ADMINS = new Named("admins");
    protected static final Named ITEMS = new Named("items");
    protected static final Named SESSIONS = new Named("sessions");
    protected static final Counters COUNTERS = new Counters();
    protected static final Accounts ACCOUNTS = new Accounts();
    protected static final Events EVENTS = new Events("events");
    protected static final Events AUDIT = new Events("audit");
    protected static final Named PEOPLE = new Named("people");

    // ---------------------------------------------------------------- user types

    /** An enum stored by name. */
    public enum Status { DRAFT, PUBLISHED }

    /** An enum stored by its code. */
    public enum Mood {
        HAPPY("happy"), SAD("sad");

        private final String code;

        Mood(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A JSON document type. */
    public record Settings(String theme) {
    }

    /** An entity class named in examples of naming rules. */
    public static class OrderLine {
    }

    /** An application's annotation, read by its own {@link org.tabula.orm.PropertyConventions}. */
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MyLanguage {
    }

    /** An application's nullability annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MaybeNull {
    }

    /** Stands for a metrics timer or histogram. */
    public interface Recorder {
        void record(Duration duration);

        void record(long nanos);
    }

    /** Stands for a tracing library. */
    public interface Tracer {
        Span start(String name);
    }

    /** Stands for a tracing span. */
    public interface Span {
        void end();
    }

    /** A plain Java record of a person. */
    public record Person(String name, Integer age) {
    }

    // ---------------------------------------------------------------- the objects examples work with

    protected Engine engine;
    protected Engine primary;
    protected Engine replica;
    protected Engine r1;
    protected Engine r2;
    protected Connection conn;
    protected SessionFactory sessions;
    protected Session session;
    protected Dialect dialect;
    protected MetaData metadata;
    protected Inspector inspector;
    protected Result result;
    protected Row row;
    protected ResultColumns columns;
    protected RowCursor cursor;
    protected List<ConstructorMapper.Parameter> parameters;
    protected java.lang.invoke.MethodHandle constructor;
    protected Statement statement;
    protected Condition condition;
    protected SchemaDiff diff;
    protected SchemaChange change;
    protected DataSource dataSource;
    protected ExternalTransactions transactions;
    protected ExternalTransaction tx;
    protected TransactionWork work;
    protected EngineListener auditListener;
    protected ObjectMapper myMapper;
    protected JsonType<Object> jsonType;
    protected PreparedStatement ps;
    protected SQLException sqlException;
    protected SQLException sqlFailure;
    protected Logger log = LoggerFactory.getLogger(getClass());

    protected User ann;
    protected User bob;
    protected User user;
    protected User detached;
    protected Post post;
    protected StatementEvent event;
    protected long id;
    protected long start;
    protected String url;
    protected String email;
    protected String maybeTaken;
    protected String maybeDuplicate;
    protected Object value;
    protected List<String> names;
    protected List<Condition> filters;
    protected List<Person> people;
    protected Semaphore permits;
    protected RuntimeException poolTimeout;
    protected ReflectiveOperationException e;
    protected Insert insertDuplicate;
    protected SqlVisitor<Void> renderer;
    protected StringBuilder sql;
    protected Recorder waits;
    protected Recorder held;
    protected Recorder histogram;
    protected Recorder timer;
    protected Tracer tracer;
    protected LongAdder poolTimeouts;
    protected LongAdder commits;
    protected LongAdder rollbacks;
    protected LongAdder undone;
    protected AtomicInteger open;
    protected List<String> seen;
    protected static final Object STARTED = new Object();

    /** Stands for any semaphore an application limits its connections with. */
    protected interface Semaphore {
        void acquire() throws InterruptedException;
    }

    // ---------------------------------------------------------------- the application's own methods

    protected void export(Object o) {
    }

    protected void transfer(Connection c) {
    }

    protected void report(Connection c) {
    }

    protected void work(Connection c) {
    }

    protected void handle(Row r) {
    }

    protected long countOrders(Connection c) {
        return 0;
    }

    protected void tryOptionalStep(Connection c) {
    }

    protected void render(SqlNode node) {
    }

    protected ExternalTransaction springManagedTransactionOrNull(DataSource ds) {
        return null;
    }

    protected String loadBio(Session s, long userId) {
        return "";
    }

    // ---------------------------------------------------------------- Table's column factories (not text: Sql.text)

    private static final class Scratch extends Table {
        Scratch() {
            super("scratch");
        }
    }

    private final Scratch scratch = new Scratch();

    protected <T> Column<T> column(String name, SqlType<T> type) {
        return scratch.column(name, type);
    }

    protected <E extends Enum<E>> Column<E> enumeration(String name, Class<E> type) {
        return scratch.enumeration(name, type);
    }

    protected <T> Column<List<T>> array(String name, SqlType<T> elementType) {
        return scratch.array(name, elementType);
    }

    protected Column<Boolean> bool(String name) {
        return scratch.bool(name);
    }

    protected Column<Integer> integer(String name) {
        return scratch.integer(name);
    }

    protected Column<Long> bigint(String name) {
        return scratch.bigint(name);
    }

    protected Column<Double> doublePrecision(String name) {
        return scratch.doublePrecision(name);
    }

    protected Column<java.math.BigDecimal> decimal(String name, int precision, int scale) {
        return scratch.decimal(name, precision, scale);
    }

    protected Column<String> varchar(String name, int length) {
        return scratch.varchar(name, length);
    }

    protected Column<java.time.LocalTime> time(String name) {
        return scratch.time(name);
    }

    protected Column<java.time.OffsetDateTime> offsetDateTime(String name) {
        return scratch.offsetDateTime(name);
    }

    protected Column<java.time.ZonedDateTime> zonedDateTime(String name) {
        return scratch.zonedDateTime(name);
    }

    protected Column<Duration> duration(String name) {
        return scratch.duration(name);
    }

    protected Column<java.math.BigInteger> bigInteger(String name) {
        return scratch.bigInteger(name);
    }

    protected Column<LocalDate> date(String name) {
        return scratch.date(name);
    }

    protected Column<java.time.LocalDateTime> timestamp(String name) {
        return scratch.timestamp(name);
    }

    protected Column<Instant> instant(String name) {
        return scratch.instant(name);
    }

    protected Column<byte[]> bytes(String name) {
        return scratch.bytes(name);
    }

    protected Column<java.util.UUID> uuid(String name) {
        return scratch.uuid(name);
    }

    protected Column<Object> json(String name) {
        return scratch.json(name);
    }

    protected <T> Column<T> json(String name, Class<T> type) {
        return scratch.json(name, type);
    }

    /** The composite-key table of the Table examples. */
    public static final class OrderLines extends Table {
        public final Column<Long> orderId = bigint("order_id");
        public final Column<Integer> lineNo = integer("line_no");

        OrderLines() {
            super("order_lines");
        }
    }

    // ---------------------------------------------------------------- user-defined types

    /** A value type the type examples map onto a column. */
    protected record EmailAddress(String value) { }

    /** An amount the type examples map onto a DECIMAL column. */
    protected record Money(java.math.BigDecimal amount) { }

    /** {@link EmailAddress} as VARCHAR(254). */
    protected static final org.tabula.type.ConvertedType<EmailAddress, String> EMAIL = org.tabula.type.SqlTypes.converted(
            org.tabula.type.SqlTypes.varchar(254), EmailAddress.class, EmailAddress::new, EmailAddress::value);

    /** UUIDs in 16 bytes outside PostgreSQL. */
    protected static final org.tabula.type.ConvertedType<java.util.UUID, byte[]> UUID_BINARY = org.tabula.type.SqlTypes
            .converted(org.tabula.type.SqlTypes.BYTES, java.util.UUID.class, Uuids::fromBytes, Uuids::toBytes);

    /** A type builder, as the builder's method examples use it. */
    protected final org.tabula.type.BasicType.Builder<java.time.LocalTime> builder =
            org.tabula.type.BasicType.builder(org.tabula.type.TypeKind.TIME, java.time.LocalTime.class);

    /** UUIDs as 16 bytes, for the BINARY(16) example. */
    protected static final class Uuids {
        private Uuids() { }

        static java.util.UUID fromBytes(byte[] b) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b);
            return new java.util.UUID(buffer.getLong(), buffer.getLong());
        }

        static byte[] toBytes(java.util.UUID u) {
            return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                    .putLong(u.getLeastSignificantBits()).array();
        }
    }
}
