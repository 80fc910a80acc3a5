package org.tabula.orm;

import org.jspecify.annotations.Nullable;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tabula.expr.Condition;
import org.tabula.expr.Expression;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.Select;

/**
 * How one entity class maps to one {@link Table}: its attributes, its key, and how instances are
 * made. Obtained from {@link Mapper#mapping(Class)}; immutable and shared by all sessions.
 *
 * <pre>{@code
 * EntityMapping<User> users = Mapper.mapping(User.class);
 * Column<String> name = users.column("name");                  // typed Core column of the table
 * conn.execute(select(users.table()).where(name.startsWith("a")));
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class EntityMapping<T> {

    private final Class<T> entityClass;
    private final Table table;
    private final List<ColumnAttribute> columnAttributes;
    private final List<Attribute> attributes;
    private final List<ColumnAttribute> primaryKey;
    private final int[] primaryKeyIndexes;
    private final Map<String, ColumnAttribute> byName = new LinkedHashMap<>();
    private final Supplier<Object> newInstance;       // the no-argument constructor, or null
    private final MethodHandle valuesConstructor;     // (Object[])Object or null
    private final int constructorArity;
    private final boolean readOnly;
    private final List<Expression<?>> selections;
    private final int[] selectedIndexes;     // attribute index of each selected column
    private final Select select;             // immutable: built once, refined per query
    private final List<java.lang.reflect.Field> relationshipFields;
    private final List<MethodHandle[]> relationshipHandles;
    private volatile String[] columnNames;
    private volatile ColumnReader columnReader;
    private volatile ColumnWriter columnWriter;
    private volatile List<RelationshipAttribute> relationships;

    EntityMapping(Class<T> entityClass, Table table, List<ColumnAttribute> columnAttributes,
                  Supplier<Object> newInstance, MethodHandle valuesConstructor, int constructorArity) {
        this(entityClass, table, columnAttributes, newInstance, valuesConstructor, constructorArity, List.of(), List.of());
    }

    EntityMapping(Class<T> entityClass, Table table, List<ColumnAttribute> columnAttributes,
                  Supplier<Object> newInstance, MethodHandle valuesConstructor, int constructorArity,
                  List<java.lang.reflect.Field> relationshipFields, List<MethodHandle[]> relationshipHandles) {
        this.relationshipFields = List.copyOf(relationshipFields);
        this.relationshipHandles = List.copyOf(relationshipHandles);
        this.entityClass = entityClass;
        this.table = table;
        this.columnAttributes = List.copyOf(columnAttributes);
        this.attributes = Collections.unmodifiableList(new ArrayList<>(columnAttributes));
        List<ColumnAttribute> pk = new ArrayList<>();
        for (Column<?> c : table.primaryKey()) {
            for (ColumnAttribute a : columnAttributes) {
                if (a.column().equals(c)) {
                    pk.add(a);
                }
            }
        }
        if (pk.isEmpty() || pk.size() != table.primaryKey().size()) {
            throw new OrmException("entity " + entityClass.getName() + " needs its table " + table.name()
                    + " to have a primary key, and an attribute for each of its columns");
        }
        this.primaryKey = List.copyOf(pk);
        this.primaryKeyIndexes = new int[pk.size()];
        for (int i = 0; i < pk.size(); i++) {
            primaryKeyIndexes[i] = this.columnAttributes.indexOf(pk.get(i));
        }
        for (ColumnAttribute a : columnAttributes) {
            byName.put(a.name(), a);
        }
        this.newInstance = newInstance;
        this.valuesConstructor = valuesConstructor;
        this.constructorArity = constructorArity;
        this.readOnly = entityClass.isRecord() || columnAttributes.stream().anyMatch(a -> !a.isWritable());
        List<Expression<?>> sel = new ArrayList<>();
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < this.columnAttributes.size(); i++) {
            ColumnAttribute a = this.columnAttributes.get(i);
            if (a.isDeferred()) {
                if (a.column().isPrimaryKey()) {
                    throw new OrmException("primary key " + a.qualifiedName() + " cannot be a deferred (Lazy) attribute");
                }
                continue;
            }
            sel.add(a.column());
            selected.add(i);
        }
        this.selections = List.copyOf(sel);
        this.selectedIndexes = selected.stream().mapToInt(Integer::intValue).toArray();
        this.select = Select.of(selections).from(table);
    }

    // ---------------------------------------------------------------- public model

    /**
     * The mapped class.
     *
     * <pre>{@code
     * Class<User> type = Mapper.mapping(User.class).entityClass();
     * }</pre>
     *
     * @return the entity class
     */
    public Class<T> entityClass() {
        return entityClass;
    }

    /**
     * The mapped table, for Core statements.
     *
     * <pre>{@code
     * Table users = Mapper.mapping(User.class).table();
     * }</pre>
     *
     * @return the table
     */
    public Table table() {
        return table;
    }

    /**
     * The column attributes as {@link Attribute}s; relationships are in {@link #relationships()}.
     *
     * <pre>{@code
     * for (Attribute a : Mapper.mapping(User.class).attributes()) {
     *     System.out.println(a.qualifiedName() + ": " + a.javaType().getSimpleName());
     * }
     * }</pre>
     *
     * @return the column attributes
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * The column attributes, in field declaration order (superclass fields first).
     *
     * <pre>{@code
     * List<ColumnAttribute> columns = Mapper.mapping(User.class).columnAttributes();
     * }</pre>
     *
     * @return the column attributes in declaration order
     */
    public List<ColumnAttribute> columnAttributes() {
        return columnAttributes;
    }

    /**
     * The attributes holding the primary key, in key order.
     *
     * <pre>{@code
     * List<ColumnAttribute> key = Mapper.mapping(User.class).primaryKey();   // [id]
     * }</pre>
     *
     * @return the primary key attributes
     */
    public List<ColumnAttribute> primaryKey() {
        return primaryKey;
    }

    /**
     * The relationship attributes ({@link Ref} and {@link RelatedList} fields), resolved on first
     * use so that entities can refer to each other.
     *
     * <pre>{@code
     * List<RelationshipAttribute> relationships = Mapper.mapping(User.class).relationships();   // posts, profile, roles
     * }</pre>
     *
     * @return the relationship attributes
     */
    public List<RelationshipAttribute> relationships() {
        List<RelationshipAttribute> r = relationships;
        if (r == null) {
            synchronized (Mapper.class) {
                r = relationships;
                if (r == null) {
                    List<RelationshipAttribute> built = new ArrayList<>();
                    for (int i = 0; i < relationshipFields.size(); i++) {
                        MethodHandle[] h = relationshipHandles.get(i);
                        built.add(RelationshipAttribute.resolve(this, relationshipFields.get(i), h[0], h[1]));
                    }
                    r = List.copyOf(built);
                    relationships = r;
                }
            }
        }
        return r;
    }

    /** Whether the class declares relationship fields (without resolving them). */
    boolean hasRelationships() {
        return !relationshipFields.isEmpty();
    }

    /**
     * The relationship with this field name.
     *
     * <pre>{@code
     * RelationshipAttribute posts = Mapper.mapping(User.class).relationship("posts");
     * }</pre>
     *
     * @param name the relationship's field name
     * @return the relationship
     * @throws OrmException when the class has no such relationship
     */
    public RelationshipAttribute relationship(String name) {
        for (RelationshipAttribute r : relationships()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new OrmException("entity " + entityClass.getSimpleName() + " has no relationship " + name + "; it has "
                + relationships().stream().map(RelationshipAttribute::name).toList());
    }

    /** Which relationship of {@code owner} holds {@code holder} (null when none). */
    RelationshipAttribute relationshipHolding(Object owner, Object holder) {
        for (RelationshipAttribute r : relationships()) {
            if (r.get(owner) == holder) {
                return r;
            }
        }
        return null;
    }

    /** The column attribute with this field name, or null. */
    ColumnAttribute findAttribute(String name) {
        return byName.get(name);
    }

    /**
     * The attribute with this field name.
     *
     * <pre>{@code
     * ColumnAttribute name = Mapper.mapping(User.class).attribute("name");
     * }</pre>
     *
     * @param name the field name
     * @return the column attribute
     * @throws OrmException when the class has no such mapped attribute
     */
    public ColumnAttribute attribute(String name) {
        ColumnAttribute a = byName.get(name);
        if (a == null) {
            throw new OrmException("entity " + entityClass.getSimpleName() + " has no mapped attribute " + name
                    + "; it has " + byName.keySet());
        }
        return a;
    }

    /**
     * The table column of an attribute, typed by the caller: {@code Column<String> name = users.column("name")}.
     *
     * <pre>{@code
     * Column<String> name = Mapper.mapping(User.class).column("name");
     * }</pre>
     *
     * @param <V> the column's value type, as the caller expects it
     * @param attributeName the field name
     * @return the attribute's column
     * @throws OrmException when the class has no such mapped attribute
     */
    @SuppressWarnings("unchecked")
    public <V extends @Nullable Object> Column<V> column(String attributeName) {
        return (Column<V>) attribute(attributeName).column();
    }

    /**
     * Whether instances are read-only read models (records, or classes with final fields that
     * cannot be written): they are built from rows but cannot be added to a session.
     *
     * <pre>{@code
     * boolean readOnly = Mapper.mapping(User.class).isReadOnly();
     * }</pre>
     *
     * @return true for a read-only read model
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * {@code SELECT <mapped columns except deferred ones> FROM <table>}, the base of entity queries.
     *
     * <pre>{@code
     * List<Row> rows = conn.execute(Mapper.mapping(User.class).select().where(User_.age.gt(18))).all();
     * }</pre>
     *
     * @return the base SELECT of entity queries
     */
    public Select select() {
        return select;
    }

    // ---------------------------------------------------------------- internals used by the session

    /** Column names by column attribute index (built on first use; racing threads build equal arrays). */
    String[] columnNames() {
        String[] names = columnNames;
        if (names == null) {
            names = new String[columnAttributes.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = columnAttributes.get(i).column().name();
            }
            columnNames = names;
        }
        return names;
    }

    int indexOf(ColumnAttribute attribute) {
        return columnAttributes.indexOf(attribute);
    }

    /** The column values of {@code entity} (column attribute order; unloaded deferred columns are NOT_LOADED). */
    Object[] read(Object entity) {
        ColumnReader reader = columnReader;
        if (reader == null) {
            reader = ColumnReader.of(columnAttributes);
            columnReader = reader;      // racing threads build equal readers
        }
        return reader.read(entity);
    }

    private ColumnWriter columnWriter() {
        ColumnWriter writer = columnWriter;
        if (writer == null) {
            writer = ColumnWriter.of(columnAttributes);
            columnWriter = writer;      // racing threads build equal writers
        }
        return writer;
    }

    /** Whether every column attribute is selected when loading (no deferred column left as a holder). */
    boolean loadsEveryColumn() {
        return selectedIndexes.length == columnAttributes.size();
    }

    /** Column values from the values of a row of {@link #select()} (the same array when no column is deferred). */
    Object[] fromSelected(Object[] selected) {
        if (selectedIndexes.length == columnAttributes.size()) {
            return selected;      // select() lists every column attribute in order
        }
        Object[] values = new Object[columnAttributes.size()];
        Arrays.fill(values, ColumnAttribute.NOT_LOADED);
        for (int i = 0; i < selectedIndexes.length; i++) {
            values[selectedIndexes[i]] = selected[i];
        }
        return values;
    }

    Object[] fromRow(org.tabula.result.Row row) {
        return fromRow(row, 0);
    }

    /** Column values of {@link #select()}'s columns found in a wider row from {@code offset} on (joined loading). */
    Object[] fromRow(org.tabula.result.Row row, int offset) {
        Object[] values = new Object[columnAttributes.size()];
        if (selectedIndexes.length != values.length) {
            Arrays.fill(values, ColumnAttribute.NOT_LOADED);
        }
        for (int i = 0; i < selectedIndexes.length; i++) {
            values[selectedIndexes[i]] = row.get(offset + i);
        }
        return values;
    }

    /** {@code keyOf(read(entity))}, reading only the key's attributes when there is one. */
    EntityKey keyOfObject(Object entity) {
        if (primaryKeyIndexes.length == 1) {
            Object v = columnAttributes.get(primaryKeyIndexes[0]).value(entity);
            return v == null ? null : EntityKey.of(entityClass, v);
        }
        return keyOf(read(entity));
    }

    /** The column attribute index of a single-column primary key; -1 for a composite key. */
    int singleKeyIndex() {
        return primaryKeyIndexes.length == 1 ? primaryKeyIndexes[0] : -1;
    }

    /** The key of a row or snapshot (values in column attribute order), or null if any part is null. */
    EntityKey keyOf(Object[] values) {
        if (primaryKeyIndexes.length == 1) {
            Object v = values[primaryKeyIndexes[0]];
            return v == null ? null : EntityKey.of(entityClass, v);
        }
        Object[] key = new Object[primaryKeyIndexes.length];
        for (int i = 0; i < key.length; i++) {
            Object v = values[primaryKeyIndexes[i]];
            if (v == null) {
                return null;
            }
            key[i] = v;
        }
        return EntityKey.ofParts(entityClass, key);
    }

    /** The key given by the user to {@code get}: a single value, or a List / array for composite keys. */
    EntityKey keyOfIdentity(Object id) {
        Object[] parts;
        if (id instanceof List<?> list) {
            parts = list.toArray();
        } else if (id instanceof Object[] array) {
            parts = array;
        } else {
            parts = new Object[] {id};
        }
        if (parts.length != primaryKey.size()) {
            throw new OrmException(entityClass.getSimpleName() + " has a primary key of " + primaryKey.size()
                    + " column(s) " + primaryKey.stream().map(ColumnAttribute::name).toList() + "; got " + parts.length + " value(s)");
        }
        Object[] key = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new OrmException("primary key " + primaryKey.get(i).qualifiedName() + " must not be null");
            }
            try {
                key[i] = primaryKey.get(i).column().type().coerce(parts[i]);
            } catch (IllegalArgumentException e) {
                throw new OrmException("primary key " + primaryKey.get(i).qualifiedName() + ": " + e.getMessage(), e);
            }
        }
        return EntityKey.ofParts(entityClass, key);
    }

    /** {@code pk1 = ? AND pk2 = ?} for a key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Condition whereKey(EntityKey key) {
        Condition out = null;
        for (int i = 0; i < primaryKey.size(); i++) {
            Column c = primaryKey.get(i).column();
            Condition part = c.eq(key.values().get(i));
            out = out == null ? part : org.tabula.Sql.and(out, part);
        }
        return out;
    }

    /** A new instance holding {@code values} (column attribute order, every value loaded). */
    T instantiate(Object[] values) {
        return instantiate(values, a -> {
            throw new OrmException("cannot create a " + entityClass.getSimpleName() + " without a value for " + a.qualifiedName());
        });
    }

    /**
     * A new instance holding {@code values}; {@code unloaded} makes the holder of each deferred
     * column that is NOT_LOADED (bound to the session that will load it).
     */
    @SuppressWarnings("unchecked")
    T instantiate(Object[] values, java.util.function.Function<ColumnAttribute, Lazy<?>> unloaded) {
        Object[] fields = values;
        if (selectedIndexes.length != values.length) {
            fields = values.clone();
            for (int i = 0; i < fields.length; i++) {
                ColumnAttribute a = columnAttributes.get(i);
                if (a.isDeferred()) {
                    fields[i] = fields[i] == ColumnAttribute.NOT_LOADED ? unloaded.apply(a) : Lazy.of(fields[i]);
                }
            }
        }
        try {
            Object entity;
            if (newInstance != null) {
                entity = newInstance.get();
                columnWriter().write(entity, fields);
            } else {
                Object[] args = constructorArity == fields.length ? fields : Arrays.copyOf(fields, constructorArity);
                entity = valuesConstructor.invokeExact(args);
                for (int i = constructorArity; i < fields.length; i++) {
                    columnAttributes.get(i).set(entity, fields[i]);
                }
            }
            return (T) entity;
        } catch (OrmException e) {
            throw e;
        } catch (Throwable t) {
            throw new OrmException("cannot create a " + entityClass.getName() + " from a row of " + table.name() + ": " + t, t);
        }
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + " -> " + table.name();
    }
}
