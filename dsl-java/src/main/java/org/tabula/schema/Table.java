package org.tabula.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.tabula.expr.SqlVisitor;
import org.tabula.statement.FromItem;
import org.tabula.type.ArrayType;
import org.tabula.type.EnumType;
import org.tabula.type.JsonType;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;
import org.tabula.type.Identifiers;

/**
 * A database table. Subclass it and declare columns as fields (no code generator), or build
 * one on the fly with {@code new Table("name")} and its column methods.
 *
 * <pre>{@code
 * public final class Posts extends Table {
 *     public static final Posts POSTS = new Posts();
 *     public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
 *     public final Column<Long> userId = bigint("user_id").references(USERS.id, ReferentialAction.CASCADE);
 *     public final Column<String> title = varchar("title", 200);
 *     private Posts() { super("posts"); }
 * }
 * }</pre>
 *
 * <p>Definition happens in constructors (or Kotlin {@code object} initialisers); once built, a
 * table is only read and can be shared by all threads.
 *
 * <p>In Kotlin the factories give non-null columns ({@code Column<Int>}); {@code .nullable()}
 * turns them into {@code Column<Int?>}.
 */
@NullMarked
public class Table implements FromItem {

    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    private @Nullable List<Column<?>> compositePrimaryKey;
    private volatile @Nullable List<Column<?>> columnSnapshot;
    private volatile @Nullable List<Column<?>> primaryKeySnapshot;
    /** Read on every inferred join; reset wherever columns or foreign keys change. */
    private volatile @Nullable List<ForeignKey> foreignKeySnapshot;

    /**
     * A table named {@code name}; subclasses declare its columns as fields.
     *
     * <pre>{@code
     * public final class Users extends Table {
     *     public static final Users USERS = new Users();
     *     public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
     *     private Users() { super("users"); }
     * }
     * }</pre>
     *
     * @param name the table's name in the database
     * @throws IllegalArgumentException for a name no database can use
     */
    public Table(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name must not be empty");
        }
        this.name = Identifiers.check(name, "table name");
    }

    /**
     * The table's name in the database: {@code USERS.name()} is {@code "users"}.
     *
     * <pre>{@code
     * String name = USERS.name();   // "users"
     * }</pre>
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    // ---------------------------------------------------------------- column factories

    /**
     * A column of any {@link SqlType}, including user-defined ones.
     *
     * <pre>{@code
     * public final Column<BigDecimal> price = column("price", SqlTypes.decimal(10, 2));
     * }</pre>
     *
     * @param <T> the column's Java type
     * @param columnName the column's name in the database
     * @param type its SQL type: {@code column("price", SqlTypes.decimal(10, 2))}
     * @return the new column, NOT NULL until {@code .nullable()}
     */
    public final <T extends @Nullable Object> Column<T> column(String columnName, SqlType<T> type) {
        for (Column<?> existing : columns) {
            if (existing.name().equals(columnName)) {
                throw new IllegalStateException("table " + name + " already has a column " + columnName);
            }
        }
        Column<T> column = new Column<>(this, columnName, type);
        columns.add(column);
        columnSnapshot = null;
        foreignKeySnapshot = null;
        return column;
    }

    /**
     * A BOOLEAN column: {@code bool("active")}.
     *
     * <pre>{@code
     * public final Column<Boolean> active = bool("active");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<Boolean> bool(String columnName) {
        return column(columnName, SqlTypes.BOOLEAN);
    }

    /**
     * An INTEGER column: {@code integer("age").nullable()}.
     *
     * <pre>{@code
     * public final Column<Integer> age = integer("age");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<Integer> integer(String columnName) {
        return column(columnName, SqlTypes.INTEGER);
    }

    /**
     * A BIGINT column: {@code bigint("id").primaryKey().autoIncrement()}.
     *
     * <pre>{@code
     * public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<Long> bigint(String columnName) {
        return column(columnName, SqlTypes.BIGINT);
    }

    /**
     * A DOUBLE PRECISION column: {@code doublePrecision("score")}.
     *
     * <pre>{@code
     * public final Column<Double> score = doublePrecision("score");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<Double> doublePrecision(String columnName) {
        return column(columnName, SqlTypes.DOUBLE);
    }

    /**
     * A DECIMAL column, exact: {@code decimal("price", 10, 2)}.
     *
     * <pre>{@code
     * public final Column<BigDecimal> price = decimal("price", 10, 2);
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @param precision the total number of digits
     * @param scale the digits after the decimal point
     * @return the new column
     */
    public final Column<BigDecimal> decimal(String columnName, int precision, int scale) {
        return column(columnName, SqlTypes.decimal(precision, scale));
    }

    /**
     * A VARCHAR column of at most {@code length} characters: {@code varchar("name", 50)}; longer values are refused.
     *
     * <pre>{@code
     * public final Column<String> name = varchar("name", 80);
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @param length the most characters it holds
     * @return the new column
     */
    public final Column<String> varchar(String columnName, int length) {
        return column(columnName, SqlTypes.varchar(length));
    }

    /**
     * A TEXT column of any length: {@code text("body")}.
     *
     * <pre>{@code
     * public final class Notes extends Table {
     *     public final Column<String> body = text("body");
     *     Notes() { super("notes"); }
     * }
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<String> text(String columnName) {
        return column(columnName, SqlTypes.TEXT);
    }

    /**
     * A DATE column ({@link LocalDate}): {@code date("born_on")}.
     *
     * <pre>{@code
     * public final Column<LocalDate> birthday = date("birthday");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<LocalDate> date(String columnName) {
        return column(columnName, SqlTypes.DATE);
    }

    /**
     * A timestamp without time zone ({@link LocalDateTime}).
     *
     * <pre>{@code
     * public final Column<LocalDateTime> scheduledAt = timestamp("scheduled_at");
     * }</pre>
     *
     * @param columnName the column's name in the database: {@code timestamp("created_at")}
     * @return the new column
     */
    public final Column<LocalDateTime> timestamp(String columnName) {
        return column(columnName, SqlTypes.TIMESTAMP);
    }

    /**
     * A point in time ({@link Instant}), stored as UTC.
     *
     * <pre>{@code
     * public final Column<Instant> createdAt = instant("created_at");
     * }</pre>
     *
     * @param columnName the column's name in the database: {@code instant("paid_at")}
     * @return the new column
     */
    public final Column<Instant> instant(String columnName) {
        return column(columnName, SqlTypes.INSTANT);
    }

    /**
     * A time of day ({@link LocalTime}), to the microsecond: {@code TIME} on PostgreSQL,
     * {@code TIME(6)} on MySQL, text on SQLite.
     *
     * <pre>{@code
     * Column<LocalTime> opensAt = time("opens_at");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<LocalTime> time(String columnName) {
        return column(columnName, SqlTypes.LOCAL_TIME);
    }

    /**
     * A date-time with offset ({@link OffsetDateTime}), stored in UTC and read back at offset UTC
     * (the same instant); see {@link SqlTypes#OFFSET_DATE_TIME}.
     *
     * <pre>{@code
     * Column<OffsetDateTime> startsAt = offsetDateTime("starts_at");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<OffsetDateTime> offsetDateTime(String columnName) {
        return column(columnName, SqlTypes.OFFSET_DATE_TIME);
    }

    /**
     * A date-time in a zone ({@link ZonedDateTime}), stored in UTC and read back in zone UTC
     * (the same instant); see {@link SqlTypes#ZONED_DATE_TIME}.
     *
     * <pre>{@code
     * Column<ZonedDateTime> departs = zonedDateTime("departs");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<ZonedDateTime> zonedDateTime(String columnName) {
        return column(columnName, SqlTypes.ZONED_DATE_TIME);
    }

    /**
     * A length of time ({@link Duration}), to the microsecond: {@code interval} on PostgreSQL,
     * {@code BIGINT} microseconds elsewhere; see {@link SqlTypes#DURATION}.
     *
     * <pre>{@code
     * Column<Duration> timeout = duration("timeout");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<Duration> duration(String columnName) {
        return column(columnName, SqlTypes.DURATION);
    }

    /**
     * An integer of any size ({@link BigInteger}): {@code NUMERIC(65, 0)} on PostgreSQL,
     * {@code DECIMAL(65, 0)} on MySQL, text on SQLite; see {@link SqlTypes#BIG_INTEGER}.
     *
     * <pre>{@code
     * Column<BigInteger> supply = bigInteger("supply");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<BigInteger> bigInteger(String columnName) {
        return column(columnName, SqlTypes.BIG_INTEGER);
    }

    /**
     * A binary column ({@code BLOB}, {@code bytea}): {@code bytes("avatar")}.
     *
     * <pre>{@code
     * public final Column<byte[]> avatar = bytes("avatar");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<byte[]> bytes(String columnName) {
        return column(columnName, SqlTypes.BYTES);
    }

    /**
     * A UUID column ({@code uuid} on PostgreSQL, {@code CHAR(36)} elsewhere): {@code uuid("token")}.
     *
     * <pre>{@code
     * public final Column<UUID> token = uuid("token");
     * }</pre>
     *
     * @param columnName the column's name in the database
     * @return the new column
     */
    public final Column<UUID> uuid(String columnName) {
        return column(columnName, SqlTypes.UUID_TYPE);
    }

    /**
     * An enum stored by name, as a checked VARCHAR (see {@link EnumType} for values and native types).
     *
     * <pre>{@code
     * public final Column<Status> status = enumeration("status", Status.class);
     * }</pre>
     *
     * @param <E> the enum type
     * @param columnName the column's name in the database
     * @param enumClass the enum: {@code enumeration("status", Status.class)}
     * @return the new column
     */
    public final <E extends Enum<E>> Column<E> enumeration(String columnName, Class<E> enumClass) {
        return column(columnName, EnumType.byName(enumClass));
    }

    /**
     * A JSON document read as maps and lists (needs Jackson on the class path).
     *
     * <pre>{@code
     * public final Column<Object> attributes = json("attributes");   // maps, lists, strings, numbers
     * }</pre>
     *
     * @param columnName the column's name in the database: {@code json("payload")}
     * @return the new column
     */
    public final Column<Object> json(String columnName) {
        return column(columnName, JsonType.of());
    }

    /**
     * A JSON document bound to a class through Jackson.
     *
     * <pre>{@code
     * public final Column<Settings> settings = json("settings", Settings.class);
     * }</pre>
     *
     * @param <T> the document's class
     * @param columnName the column's name in the database
     * @param type the class Jackson reads and writes: {@code json("settings", Settings.class)}
     * @return the new column
     */
    public final <T extends @Nullable Object> Column<T> json(String columnName, Class<T> type) {
        return column(columnName, JsonType.of(type));
    }

    /**
     * A PostgreSQL array of {@code elementType}.
     *
     * <pre>{@code
     * public final Column<List<String>> labels = array("labels", SqlTypes.TEXT);
     * }</pre>
     *
     * @param <T> the element type
     * @param columnName the column's name in the database
     * @param elementType the type of each element: {@code array("tags", SqlTypes.VARCHAR)}
     * @return the new column
     */
    public final <T extends @Nullable Object> Column<List<T>> array(String columnName, SqlType<T> elementType) {
        return column(columnName, ArrayType.of(elementType));
    }

    // ---------------------------------------------------------------- table-level constraints

    /**
     * A composite primary key.
     *
     * <pre>{@code
     * public final class OrderLines extends Table {
     *     public final Column<Long> orderId = bigint("order_id");
     *     public final Column<Integer> lineNo = integer("line_no");
     *
     *     OrderLines() {
     *         super("order_lines");
     *         primaryKey(orderId, lineNo);
     *     }
     * }
     * }</pre>
     *
     * @param keyColumns the key's columns, in order: {@code primaryKey(orderId, lineNo)}
     */
    public final void primaryKey(Column<?>... keyColumns) {
        for (Column<?> c : keyColumns) {
            requireOwn(c);
        }
        compositePrimaryKey = List.of(keyColumns);
        primaryKeySnapshot = null;
    }

    /**
     * A composite foreign key.
     *
     * <pre>{@code
     * public final class Shipments extends Table {
     *     public final Column<Long> orderId = bigint("order_id");
     *     public final Column<Integer> lineNo = integer("line_no");
     *
     *     Shipments(OrderLines lines) {
     *         super("shipments");
     *         foreignKey(List.of(orderId, lineNo), List.of(lines.orderId, lines.lineNo), ReferentialAction.CASCADE);
     *     }
     * }
     * }</pre>
     *
     * @param ownColumns this table's columns
     * @param targets the referenced columns, in the same order
     * @param onDelete what happens when the parent is deleted
     * @return the key: {@code foreignKey(List.of(orderId, lineNo), List.of(LINES.orderId, LINES.no), CASCADE)}
     */
    public final ForeignKey foreignKey(List<Column<?>> ownColumns, List<Column<?>> targets, ReferentialAction onDelete) {
        return foreignKey(ownColumns, targets, onDelete, ReferentialAction.NO_ACTION);
    }

    /**
     * A composite foreign key with ON DELETE and ON UPDATE actions.
     *
     * <pre>{@code
     * public final class Shipments extends Table {
     *     public final Column<Long> orderId = bigint("order_id");
     *     public final Column<Integer> lineNo = integer("line_no");
     *
     *     Shipments(OrderLines lines) {
     *         super("shipments");
     *         foreignKey(List.of(orderId, lineNo), List.of(lines.orderId, lines.lineNo),
     *                 ReferentialAction.CASCADE, ReferentialAction.CASCADE);
     *     }
     * }
     * }</pre>
     *
     * @param ownColumns this table's columns
     * @param targets the referenced columns, in the same order
     * @param onDelete what happens when the parent is deleted
     * @param onUpdate what happens when the parent's key changes
     * @return the key
     */
    public final ForeignKey foreignKey(List<Column<?>> ownColumns, List<Column<?>> targets, ReferentialAction onDelete,
                                       ReferentialAction onUpdate) {
        ownColumns.forEach(this::requireOwn);
        ForeignKey fk = new ForeignKey(ownColumns, targets, onDelete, onUpdate);
        foreignKeys.add(fk);
        foreignKeySnapshot = null;
        return fk;
    }

    /**
     * A named index over one or more columns.
     *
     * <pre>{@code
     * public final class Messages extends Table {
     *     public final Column<Long> userId = bigint("user_id");
     *     public final Column<Instant> createdAt = instant("created_at");
     *
     *     Messages() {
     *         super("messages");
     *         index("ix_messages_user_date", userId, createdAt);
     *     }
     * }
     * }</pre>
     *
     * @param indexName the index's name
     * @param indexColumns its columns, in key order: {@code index("ix_posts_user_date", userId, createdAt)}
     * @return the index
     */
    public final Index index(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, false, indexColumns);
    }

    /**
     * A named unique index over one or more columns.
     *
     * <pre>{@code
     * public final class Members extends Table {
     *     public final Column<Long> orgId = bigint("org_id");
     *     public final Column<String> email = varchar("email", 120);
     *
     *     Members() {
     *         super("members");
     *         uniqueIndex("ux_members_org_email", orgId, email);
     *     }
     * }
     * }</pre>
     *
     * @param indexName the index's name
     * @param indexColumns its columns, in key order
     * @return the index
     */
    public final Index uniqueIndex(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, true, indexColumns);
    }

    /**
     * A multi-column UNIQUE constraint.
     *
     * <pre>{@code
     * public final class Members extends Table {
     *     public final Column<Long> orgId = bigint("org_id");
     *     public final Column<String> email = varchar("email", 120);
     *
     *     Members() {
     *         super("members");
     *         unique("uq_members_org_email", orgId, email);
     *     }
     * }
     * }</pre>
     *
     * @param constraintName the constraint's name
     * @param uniqueColumns its columns: {@code unique("uq_users_org_email", orgId, email)}
     * @return the constraint
     */
    public final UniqueConstraint unique(String constraintName, Column<?>... uniqueColumns) {
        for (Column<?> c : uniqueColumns) {
            requireOwn(c);
        }
        UniqueConstraint u = new UniqueConstraint(constraintName, List.of(uniqueColumns));
        uniqueConstraints.add(u);
        return u;
    }

    private Index addIndex(String indexName, boolean unique, Column<?>... indexColumns) {
        for (Column<?> c : indexColumns) {
            requireOwn(c);
        }
        Index index = new Index(indexName, this, Arrays.asList(indexColumns), unique);
        indexes.add(index);
        return index;
    }

    private void requireOwn(Column<?> c) {
        if (c.table() != this) {
            throw new IllegalArgumentException("column " + c.qualifiedName() + " does not belong to table " + name);
        }
    }

    /** Called by {@link Column}'s option methods: the new copy takes the old one's place. */
    final void replaceColumn(Column<?> old, Column<?> copy) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == old) {
                columns.set(i, copy);
                columnSnapshot = null;
                primaryKeySnapshot = null;
                foreignKeySnapshot = null;
                return;
            }
        }
        // A stale column (the result of an earlier option call was dropped): replace by name.
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(old.name())) {
                columns.set(i, copy);
                columnSnapshot = null;
                primaryKeySnapshot = null;
                foreignKeySnapshot = null;
                return;
            }
        }
        throw new IllegalStateException("column " + old.qualifiedName() + " is not registered with its table");
    }

    // ---------------------------------------------------------------- reading the definition

    /**
     * All columns in declaration order.
     *
     * <pre>{@code
     * for (Column<?> c : USERS.columns()) {
     *     System.out.println(c.name() + (c.isNullable() ? " NULL" : " NOT NULL"));
     * }
     * }</pre>
     *
     * @return the columns: {@code USERS.columns().size()}
     */
    public final List<Column<?>> columns() {
        List<Column<?>> snapshot = columnSnapshot;
        if (snapshot == null) {
            snapshot = List.copyOf(columns);
            columnSnapshot = snapshot;
        }
        return snapshot;
    }

    /**
     * The column with this name.
     *
     * <pre>{@code
     * Column<?> name = USERS.column("name");   // IllegalArgumentException naming the table when there is none
     * }</pre>
     *
     * @param columnName the name: {@code reflected.column("name")}
     * @return the column
     * @throws IllegalArgumentException when there is none
     */
    public final Column<?> column(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }

    /**
     * The column with this name, or {@code null}.
     *
     * <pre>{@code
     * Column<?> maybe = USERS.findColumn("nickname");   // null when there is none
     * }</pre>
     *
     * @param columnName the name
     * @return the column, or {@code null}
     */
    public final @Nullable Column<?> findColumn(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Primary key columns: the composite key if declared, else the columns marked primaryKey().
     *
     * <pre>{@code
     * List<Column<?>> key = USERS.primaryKey();   // [USERS.id]
     * }</pre>
     *
     * @return the key's columns, in order: {@code USERS.primaryKey()}
     */
    public final List<Column<?>> primaryKey() {
        List<Column<?>> snapshot = primaryKeySnapshot;
        if (snapshot == null) {
            if (compositePrimaryKey != null) {
                List<Column<?>> current = new ArrayList<>();
                for (Column<?> c : compositePrimaryKey) {
                    current.add(column(c.name()));
                }
                snapshot = List.copyOf(current);
            } else {
                List<Column<?>> pk = new ArrayList<>();
                for (Column<?> c : columns()) {
                    if (c.isPrimaryKey()) {
                        pk.add(c);
                    }
                }
                snapshot = List.copyOf(pk);
            }
            primaryKeySnapshot = snapshot;
        }
        return snapshot;
    }

    /**
     * Column-level and table-level foreign keys.
     *
     * <pre>{@code
     * List<ForeignKey> parents = POSTS.foreignKeys();   // [posts.user_id -> users.id]
     * }</pre>
     *
     * @return every foreign key of the table
     */
    public final List<ForeignKey> foreignKeys() {
        List<ForeignKey> snapshot = foreignKeySnapshot;
        if (snapshot == null) {
            List<ForeignKey> all = new ArrayList<>();
            for (Column<?> c : columns()) {
                if (c.foreignKey() != null) {
                    all.add(c.foreignKey());
                }
            }
            all.addAll(foreignKeys);
            snapshot = List.copyOf(all);
            foreignKeySnapshot = snapshot;
        }
        return snapshot;
    }

    /**
     * Named indexes and the indexes of columns marked {@code index()}.
     *
     * <pre>{@code
     * List<Index> indexes = POSTS.indexes();
     * }</pre>
     *
     * @return every index of the table
     */
    public final List<Index> indexes() {
        List<Index> all = new ArrayList<>();
        for (Column<?> c : columns()) {
            if (c.isIndexed()) {
                all.add(new Index("ix_" + name + "_" + c.name(), this, List.of(c), false));
            }
        }
        all.addAll(indexes);
        return Collections.unmodifiableList(all);
    }

    /**
     * The multi-column UNIQUE constraints declared with {@link #unique(String, Column...)}.
     *
     * <pre>{@code
     * List<UniqueConstraint> uniques = USERS.uniqueConstraints();
     * }</pre>
     *
     * @return the constraints
     */
    public final List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniqueConstraints);
    }

    /**
     * This table under an alias, for self-joins.
     *
     * <pre>{@code
     * TableAlias boss = EMPLOYEES.as("boss");
     * select(EMPLOYEES.name, boss.col(EMPLOYEES.name)).from(EMPLOYEES).join(boss, EMPLOYEES.managerId.eq(boss.col(EMPLOYEES.id)));
     * }</pre>
     *
     * @param alias the name the statement uses: {@code TableAlias u = USERS.as("u")}
     * @return the aliased table
     */
    public final TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    @Override
    public final <R extends @Nullable Object> R accept(SqlVisitor<R> visitor) {
        return visitor.visitTable(this);
    }

    @Override
    public final boolean equals(@Nullable Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name;
    }

}
