package org.tabula.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    public Table(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name must not be empty");
        }
        this.name = Identifiers.check(name, "table name");
    }

    public final String name() {
        return name;
    }

    // ---------------------------------------------------------------- column factories

    /** A column of any {@link SqlType}, including user-defined ones. */
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

    public final Column<Boolean> bool(String columnName) {
        return column(columnName, SqlTypes.BOOLEAN);
    }

    public final Column<Integer> integer(String columnName) {
        return column(columnName, SqlTypes.INTEGER);
    }

    public final Column<Long> bigint(String columnName) {
        return column(columnName, SqlTypes.BIGINT);
    }

    public final Column<Double> doublePrecision(String columnName) {
        return column(columnName, SqlTypes.DOUBLE);
    }

    public final Column<BigDecimal> decimal(String columnName, int precision, int scale) {
        return column(columnName, SqlTypes.decimal(precision, scale));
    }

    public final Column<String> varchar(String columnName, int length) {
        return column(columnName, SqlTypes.varchar(length));
    }

    public final Column<String> text(String columnName) {
        return column(columnName, SqlTypes.TEXT);
    }

    public final Column<LocalDate> date(String columnName) {
        return column(columnName, SqlTypes.DATE);
    }

    /** A timestamp without time zone ({@link LocalDateTime}). */
    public final Column<LocalDateTime> timestamp(String columnName) {
        return column(columnName, SqlTypes.TIMESTAMP);
    }

    /** A point in time ({@link Instant}), stored as UTC. */
    public final Column<Instant> instant(String columnName) {
        return column(columnName, SqlTypes.INSTANT);
    }

    public final Column<byte[]> bytes(String columnName) {
        return column(columnName, SqlTypes.BYTES);
    }

    public final Column<UUID> uuid(String columnName) {
        return column(columnName, SqlTypes.UUID_TYPE);
    }

    /** An enum stored by name, as a checked VARCHAR (see {@link EnumType} for values and native types). */
    public final <E extends Enum<E>> Column<E> enumeration(String columnName, Class<E> enumClass) {
        return column(columnName, EnumType.byName(enumClass));
    }

    /** A JSON document read as maps and lists (needs Jackson on the class path). */
    public final Column<Object> json(String columnName) {
        return column(columnName, JsonType.of());
    }

    /** A JSON document bound to a class through Jackson. */
    public final <T extends @Nullable Object> Column<T> json(String columnName, Class<T> type) {
        return column(columnName, JsonType.of(type));
    }

    /** A PostgreSQL array of {@code elementType}. */
    public final <T extends @Nullable Object> Column<List<T>> array(String columnName, SqlType<T> elementType) {
        return column(columnName, ArrayType.of(elementType));
    }

    // ---------------------------------------------------------------- table-level constraints

    /** A composite primary key. */
    public final void primaryKey(Column<?>... keyColumns) {
        for (Column<?> c : keyColumns) {
            requireOwn(c);
        }
        compositePrimaryKey = List.of(keyColumns);
        primaryKeySnapshot = null;
    }

    /** A composite foreign key. */
    public final ForeignKey foreignKey(List<Column<?>> ownColumns, List<Column<?>> targets, ReferentialAction onDelete) {
        return foreignKey(ownColumns, targets, onDelete, ReferentialAction.NO_ACTION);
    }

    /** A composite foreign key with ON DELETE and ON UPDATE actions. */
    public final ForeignKey foreignKey(List<Column<?>> ownColumns, List<Column<?>> targets, ReferentialAction onDelete,
                                       ReferentialAction onUpdate) {
        ownColumns.forEach(this::requireOwn);
        ForeignKey fk = new ForeignKey(ownColumns, targets, onDelete, onUpdate);
        foreignKeys.add(fk);
        foreignKeySnapshot = null;
        return fk;
    }

    /** A named index over one or more columns. */
    public final Index index(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, false, indexColumns);
    }

    /** A named unique index over one or more columns. */
    public final Index uniqueIndex(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, true, indexColumns);
    }

    /** A multi-column UNIQUE constraint. */
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

    /** All columns in declaration order. */
    public final List<Column<?>> columns() {
        List<Column<?>> snapshot = columnSnapshot;
        if (snapshot == null) {
            snapshot = List.copyOf(columns);
            columnSnapshot = snapshot;
        }
        return snapshot;
    }

    /** The column with this name. */
    public final Column<?> column(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }

    /** The column with this name, or {@code null}. */
    public final @Nullable Column<?> findColumn(String columnName) {
        for (Column<?> c : columns()) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** Primary key columns: the composite key if declared, else the columns marked primaryKey(). */
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

    /** Column-level and table-level foreign keys. */
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

    /** Named indexes and the indexes of columns marked {@code index()}. */
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

    public final List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniqueConstraints);
    }

    /** This table under an alias, for self-joins. */
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
