package org.tabula.orm;

import org.jspecify.annotations.Nullable;

import java.lang.annotation.Annotation;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tabula.Sql;
import org.tabula.error.OpenPackageHint;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/**
 * The registry of entity mappings. A class is mapped once, either declaratively from its
 * {@link Entity} annotation (the table is built from the fields) or onto an existing Core
 * {@link Table} by naming convention with explicit overrides. Field access is resolved once into
 * method handles; no reflection runs per row, and no code is generated or enhanced.
 *
 * <pre>{@code
 * // declarative: the table comes from the class
 * Table users = Mapper.table(User.class);
 * new MetaData(users).createAll(engine);             // or Mapper.metaData(User.class, Address.class)
 *
 * // onto a Core table: field createdAt <-> column created_at, fullName <-> name by override
 * Mapper.map(Person.class, PEOPLE, Map.of("fullName", "name"));
 * }</pre>
 */
public final class Mapper {

    private static final Map<Class<?>, EntityMapping<?>> MAPPINGS = new ConcurrentHashMap<>();
    private static final Deque<Class<?>> BUILDING = new ArrayDeque<>();

    private Mapper() {
    }

    /** Column types for Java types the mapper does not know, by the Java type; see {@link #registerType}. */
    private static final java.util.concurrent.ConcurrentHashMap<Class<?>, SqlType<?>> REGISTERED_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Makes entity fields of {@code type}'s Java type map to columns of {@code type}, in every
     * entity mapped afterwards (as JPA's {@code @Converter(autoApply = true)} or SQLAlchemy's
     * {@code type_annotation_map}); it also replaces the built-in choice for that Java type.
     * Register at start-up, before the first entity that uses it is mapped.
     *
     * <pre>{@code
     * record EmailAddress(String value) { }
     *
     * Mapper.registerType(SqlTypes.converted(SqlTypes.varchar(254), EmailAddress.class,
     *         EmailAddress::new, EmailAddress::value));
     *
     * @Entity class Customer { @MappedColumn(primaryKey = true) Long id; EmailAddress email; }   // email: VARCHAR(254)
     * }</pre>
     *
     * @param type the column type; its {@link SqlType#javaType()} is the field type it serves
     * @throws OrmException when another type is already registered for that Java type
     */
    public static void registerType(SqlType<?> type) {
        Class<?> javaType = box(type.javaType());
        SqlType<?> before = REGISTERED_TYPES.putIfAbsent(javaType, type);
        if (before != null && !before.equals(type)) {
            throw new OrmException("a column type is already registered for " + javaType.getName() + ": " + before);
        }
    }

    /**
     * The mapping of an entity class, building it from {@link Entity} on first use.
     *
     * <pre>{@code
     * EntityMapping<User> users = Mapper.mapping(User.class);
     * }</pre>
     *
     * @param <T> the entity type
     * @param entityClass an {@link Entity} class, or one mapped with {@link #map}
     * @return the mapping
     * @throws OrmException when the class is not mapped
     */
    @SuppressWarnings("unchecked")
    public static <T> EntityMapping<T> mapping(Class<T> entityClass) {
        EntityMapping<?> m = MAPPINGS.get(entityClass);
        if (m != null) {
            return (EntityMapping<T>) m;
        }
        synchronized (Mapper.class) {
            m = MAPPINGS.get(entityClass);
            if (m != null) {
                return (EntityMapping<T>) m;
            }
            if (entityClass.isAnnotationPresent(Entity.class)) {
                EntityMapping<T> built = declarative(entityClass);
                MAPPINGS.put(entityClass, built);
                return built;
            }
            // An instance of a subclass (a Kotlin/anonymous subclass of a mapped class) uses the mapped parent.
            for (Class<?> c = entityClass.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (MAPPINGS.containsKey(c) || c.isAnnotationPresent(Entity.class)) {
                    return (EntityMapping<T>) mapping(c);
                }
            }
        }
        throw new OrmException("class " + entityClass.getName() + " is not mapped: annotate it with @Entity"
                + " or map it onto a table with Mapper.map(" + entityClass.getSimpleName() + ".class, table)");
    }

    /**
     * Whether a class is mapped (or mappable through {@link Entity}).
     *
     * <pre>{@code
     * boolean mapped = Mapper.isMapped(User.class);   // true: annotated @Entity
     * }</pre>
     *
     * @param type any class
     * @return true if it is mapped or annotated with {@link Entity}
     */
    public static boolean isMapped(Class<?> type) {
        return MAPPINGS.containsKey(type) || type.isAnnotationPresent(Entity.class);
    }

    /**
     * The table of an entity class, for Core statements.
     *
     * <pre>{@code
     * Table users = Mapper.table(User.class);
     * }</pre>
     *
     * @param entityClass a mapped class
     * @return its table
     */
    public static Table table(Class<?> entityClass) {
        return mapping(entityClass).table();
    }

    /**
     * The table column of an attribute: {@code Column<String> name = Mapper.column(User.class, "name")}.
     *
     * <pre>{@code
     * Column<Integer> age = Mapper.column(User.class, "age");
     * }</pre>
     *
     * @param <V> the column's value type, as the caller expects it
     * @param entityClass a mapped class
     * @param attribute the field name
     * @return the attribute's column
     */
    public static <V extends @Nullable Object> Column<V> column(Class<?> entityClass, String attribute) {
        return mapping(entityClass).column(attribute);
    }

    /**
     * A relationship attribute, the typed handle for filters and loading options:
     * {@code Mapper.relationship(User.class, "posts").any(title.contains("x"))}.
     *
     * <pre>{@code
     * RelationshipAttribute posts = Mapper.relationship(User.class, "posts");
     * }</pre>
     *
     * @param entityClass a mapped class
     * @param name the relationship's field name
     * @return the relationship attribute
     */
    public static RelationshipAttribute relationship(Class<?> entityClass, String name) {
        return mapping(entityClass).relationship(name);
    }

    /**
     * A {@link MetaData} of these entities' tables, for {@code createAll}/{@code dropAll}.
     *
     * <pre>{@code
     * Mapper.metaData(User.class, Post.class).createAll(engine);
     * }</pre>
     *
     * @param entityClasses mapped classes
     * @return a MetaData holding their tables
     */
    public static MetaData metaData(Class<?>... entityClasses) {
        Table[] tables = new Table[entityClasses.length];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = table(entityClasses[i]);
        }
        return new MetaData(tables);
    }

    /**
     * Maps a class onto an existing table by naming convention ({@code createdAt} is {@code created_at}).
     *
     * <pre>{@code
     * EntityMapping<Person> people = Mapper.map(Person.class, PEOPLE);
     * }</pre>
     *
     * @param <T> the entity type
     * @param entityClass the class to map
     * @param table the existing table
     * @return the mapping
     */
    public static <T> EntityMapping<T> map(Class<T> entityClass, Table table) {
        return map(entityClass, table, Map.of());
    }

    /**
     * Maps a class onto an existing table; {@code columnsByAttribute} overrides the naming
     * convention ({@code Map.of("fullName", "name")}). {@link MappedColumn#name()} on a field overrides it too.
     * Every persistent field must find its column; mark the others {@link Transient}.
     *
     * <pre>{@code
     * EntityMapping<Person> people = Mapper.map(Person.class, PEOPLE, Map.of("name", "full_name"));
     * }</pre>
     *
     * @param <T> the entity type
     * @param entityClass the class to map
     * @param table the existing table
     * @param columnsByAttribute column names by field name, where the convention does not fit
     * @return the mapping
     * @throws OrmException when a persistent field finds no column, or the class is mapped onto another table
     */
    public static synchronized <T> EntityMapping<T> map(Class<T> entityClass, Table table, Map<String, String> columnsByAttribute) {
        EntityMapping<?> existing = MAPPINGS.get(entityClass);
        if (existing != null) {
            if (existing.table() == table) {
                @SuppressWarnings("unchecked")
                EntityMapping<T> same = (EntityMapping<T>) existing;
                return same;
            }
            throw new OrmException("class " + entityClass.getName() + " is already mapped to table " + existing.table().name());
        }
        List<Field> fields = persistentFields(entityClass);
        for (String attribute : columnsByAttribute.keySet()) {
            if (fields.stream().noneMatch(f -> f.getName().equals(attribute))) {
                throw new OrmException("mapping " + entityClass.getSimpleName() + " onto " + table.name()
                        + ": no persistent field named " + attribute);
            }
        }
        List<ColumnAttribute> attributes = new ArrayList<>();
        for (Field f : fields) {
            MappedColumn ann = columnAnnotation(f);
            String columnName = columnsByAttribute.getOrDefault(f.getName(),
                    ann != null && !ann.name().isEmpty() ? ann.name() : Naming.snakeCase(f.getName()));
            Column<?> column = table.findColumn(columnName);
            if (column == null) {
                throw new OrmException("mapping " + entityClass.getSimpleName() + "." + f.getName() + ": table "
                        + table.name() + " has no column " + columnName + "; name it in the overrides or mark the field @Transient");
            }
            Class<?> boxed = box(valueType(f));
            if (!column.type().javaType().isAssignableFrom(boxed) && column.type().javaType() != Object.class) {
                throw new OrmException("mapping " + entityClass.getSimpleName() + "." + f.getName() + ": field type "
                        + f.getType().getSimpleName() + " does not match column " + column.qualifiedName() + " of type "
                        + column.type().javaType().getSimpleName());
            }
            attributes.add(attribute(entityClass, f, column));
        }
        EntityMapping<T> mapping = finish(entityClass, table, attributes, fields);
        MAPPINGS.put(entityClass, mapping);
        return mapping;
    }

    // ---------------------------------------------------------------- declarative

    private static <T> EntityMapping<T> declarative(Class<T> entityClass) {
        if (BUILDING.contains(entityClass)) {
            throw new OrmException("entities reference each other in a cycle through " + BUILDING
                    + "; declare one of the foreign keys on the Core table instead");
        }
        BUILDING.push(entityClass);
        try {
            Entity entity = entityClass.getAnnotation(Entity.class);
            String tableName = entity.table().isEmpty() ? Naming.tableName(entityClass) : entity.table();
            Table table = new Table(tableName);
            List<Field> fields = persistentFields(entityClass);
            List<Column<?>> columns = new ArrayList<>();
            PropertyConventions conventions = conventionsFor(entityClass);
            for (Field f : fields) {
                columns.add(declareColumn(entityClass, table, f, conventions));
            }
            // Column options replace the column object; read back the final ones from the table.
            List<ColumnAttribute> attributes = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                attributes.add(attribute(entityClass, fields.get(i), table.column(columns.get(i).name())));
            }
            return finish(entityClass, table, attributes, fields);
        } finally {
            BUILDING.pop();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> declareColumn(Class<?> entityClass, Table table, Field f,
                                           @Nullable PropertyConventions conventions) {
        MappedColumn ann = columnAnnotation(f);
        String where = entityClass.getSimpleName() + "." + f.getName();
        String name = ann != null && !ann.name().isEmpty() ? ann.name() : Naming.snakeCase(f.getName());
        Column c = table.column(name, typeOf(where, f, ann));
        boolean primaryKey = ann != null && ann.primaryKey();
        if (conventions != null && !primaryKey) {
            if (conventions.isNullable(f)) {
                c = c.nullable();
            }
            Supplier<?> initial = ann != null && ann.defaultValue() != MappedColumn.NoValue.class ? null
                    : conventions.defaultValue(f);
            if (initial != null) {
                c = c.defaultValue(initial);
            }
        }
        if (ann == null) {
            return c;
        }
        if (ann.primaryKey()) {
            c = c.primaryKey();
        }
        if (ann.autoIncrement()) {
            c = c.autoIncrement();
        }
        if (ann.nullable() && !ann.primaryKey()) {
            c = c.nullable();
        }
        if (ann.unique()) {
            c = c.unique();
        }
        if (ann.index()) {
            c = c.index();
        }
        if (!ann.serverDefault().isEmpty()) {
            if (ann.serverDefault().equalsIgnoreCase("now()")) {
                c = c.serverDefault(Sql.now(c.type()));
            } else if (valueType(f).isEnum() && enumConstant(valueType(f), ann.serverDefault()) != null) {
                c = c.serverDefaultValue(enumConstant(valueType(f), ann.serverDefault()));
            } else {
                c = c.serverDefault(ann.serverDefault());
            }
        }
        if (ann.defaultValue() != MappedColumn.NoValue.class) {
            c = c.defaultValue(supplier(where, ann.defaultValue(), valueType(f)));
        }
        if (ann.onUpdate() != MappedColumn.NoValue.class) {
            c = c.onUpdate(supplier(where, ann.onUpdate(), valueType(f)));
        }
        if (ann.references() != void.class) {
            Column target;
            if (ann.references() == entityClass) {
                if (table.primaryKey().size() != 1) {
                    throw new OrmException(where + " references its own class, whose single primary key column must be declared before it");
                }
                target = table.primaryKey().get(0);
            } else {
                EntityMapping<?> targetMapping = mapping(ann.references());
                if (targetMapping.primaryKey().size() != 1) {
                    throw new OrmException(where + " references " + ann.references().getSimpleName()
                            + ", whose primary key has several columns; declare the foreign key on the table");
                }
                target = targetMapping.primaryKey().get(0).column();
            }
            if (target.type().javaType() != c.type().javaType()) {
                throw new OrmException(where + " (" + c.type().javaType().getSimpleName() + ") cannot reference "
                        + target.qualifiedName() + " (" + target.type().javaType().getSimpleName() + ")");
            }
            c = c.references(target, ann.onDelete());
        }
        return c;
    }

    private static volatile @Nullable List<PropertyConventions> conventions;

    /** The conventions that describe {@code entityClass}'s fields, if any: asked at mapping time only. */
    static @Nullable PropertyConventions conventionsFor(Class<?> entityClass) {
        List<PropertyConventions> all = conventions;
        if (all == null) {
            List<PropertyConventions> found = new ArrayList<>();
            java.util.ServiceLoader.load(PropertyConventions.class, Mapper.class.getClassLoader()).forEach(found::add);
            conventions = all = List.copyOf(found);
        }
        for (PropertyConventions c : all) {
            if (c.appliesTo(entityClass)) {
                return c;
            }
        }
        return null;
    }

    private static Object enumConstant(Class<?> enumClass, String name) {
        for (Object constant : enumClass.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> typeOf(String where, Field f, MappedColumn ann) {
        Class<?> type = valueType(f);
        if (ann != null && ann.json()) {
            return type == Object.class ? org.tabula.type.JsonType.of() : org.tabula.type.JsonType.of(type);
        }
        if (type.isEnum()) {
            org.tabula.type.EnumType e;
            if (ann != null && !ann.enumByValue().isEmpty()) {
                MethodHandle code;
                try {
                    java.lang.reflect.Method m = type.getMethod(ann.enumByValue());
                    m.setAccessible(true);
                    code = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    throw new OrmException(where + ": enum " + type.getSimpleName() + " has no accessible no-argument method "
                            + ann.enumByValue() + "()", ex);
                }
                e = org.tabula.type.EnumType.byValue((Class) type, v -> {
                    try {
                        return String.valueOf(code.invokeExact((Object) v));
                    } catch (Throwable t) {
                        throw new OrmException(where + ": " + ann.enumByValue() + "() failed: " + t, t);
                    }
                });
            } else {
                e = org.tabula.type.EnumType.byName((Class) type);
            }
            return ann != null && !ann.nativeEnum().isEmpty() ? e.asNative(ann.nativeEnum()) : e;
        }
        if (type == List.class) {
            if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                if (element.isAnnotationPresent(Entity.class)) {
                    throw new OrmException(where + ": a list of entities is a relationship; declare it as RelatedList<"
                            + element.getSimpleName() + "> (with @Relationship options if needed)");
                }
                return org.tabula.type.ArrayType.of(basicType(where, element, null));
            }
            throw new OrmException(where + ": declare the element type of the List (an ARRAY column), e.g. List<String>,"
                    + " or store it as JSON with @MappedColumn(json = true)");
        }
        return basicType(where, type, ann);
    }

    private static SqlType<?> basicType(String where, Class<?> type, MappedColumn ann) {
        Class<?> t = box(type);
        SqlType<?> registered = REGISTERED_TYPES.get(t);
        if (registered != null) {
            return registered;
        }
        if (t == Long.class) {
            return SqlTypes.BIGINT;
        }
        if (t == Integer.class) {
            return SqlTypes.INTEGER;
        }
        if (t == String.class) {
            if (ann != null && ann.text()) {
                return SqlTypes.TEXT;
            }
            return SqlTypes.varchar(ann != null && ann.length() > 0 ? ann.length() : 255);
        }
        if (t == Boolean.class) {
            return SqlTypes.BOOLEAN;
        }
        if (t == Double.class) {
            return SqlTypes.DOUBLE;
        }
        if (t == BigDecimal.class) {
            return ann == null ? SqlTypes.decimal(19, 2) : SqlTypes.decimal(ann.precision(), ann.scale());
        }
        if (t == Instant.class) {
            return SqlTypes.INSTANT;
        }
        if (t == LocalDateTime.class) {
            return SqlTypes.TIMESTAMP;
        }
        if (t == LocalDate.class) {
            return SqlTypes.DATE;
        }
        if (t == UUID.class) {
            return SqlTypes.UUID_TYPE;
        }
        if (t == java.time.LocalTime.class) {
            return SqlTypes.LOCAL_TIME;
        }
        if (t == java.time.OffsetDateTime.class) {
            return SqlTypes.OFFSET_DATE_TIME;
        }
        if (t == java.time.ZonedDateTime.class) {
            return SqlTypes.ZONED_DATE_TIME;
        }
        if (t == java.time.Duration.class) {
            return SqlTypes.DURATION;
        }
        if (t == java.math.BigInteger.class) {
            return SqlTypes.BIG_INTEGER;
        }
        if (t == byte[].class) {
            return SqlTypes.BYTES;
        }
        throw new OrmException(where + ": no column type for Java type " + type.getName()
                + "; register a column type for it (Mapper.registerType(SqlTypes.converted(...))), map the class onto"
                + " a Core table with a column of that type, or mark the field @Transient");
    }

    private static Supplier<?> supplier(String where, Class<? extends Supplier<?>> type, Class<?> fieldType) {
        Class<?> t = box(fieldType);
        if (type == Now.class) {
            if (t == Instant.class) {
                return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            if (t == LocalDateTime.class) {
                return () -> LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            }
            if (t == LocalDate.class) {
                return () -> LocalDate.now(ZoneOffset.UTC);
            }
            throw new OrmException(where + ": Now needs an Instant, LocalDateTime or LocalDate field, not " + fieldType.getSimpleName());
        }
        try {
            Constructor<? extends Supplier<?>> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new OrmException(where + ": cannot create supplier " + type.getName() + " (it needs a no-argument constructor)", e);
        }
    }

    // ---------------------------------------------------------------- fields and handles

    /** The column value type of a field: its type, or {@code V} for a deferred {@code Lazy<V>} field. */
    static Class<?> valueType(Field f) {
        if (f.getType() != Lazy.class) {
            return f.getType();
        }
        if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new OrmException(f.getDeclaringClass().getSimpleName() + "." + f.getName()
                + ": declare the value type of the Lazy field, e.g. Lazy<String>");
    }

    static MappedColumn columnAnnotation(Field f) {
        MappedColumn direct = f.getAnnotation(MappedColumn.class);
        if (direct != null) {
            return direct;
        }
        for (Annotation a : f.getAnnotations()) {
            MappedColumn meta = a.annotationType().getAnnotation(MappedColumn.class);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }

    /** Instance fields of the class and its superclasses (superclass fields first), minus transient ones. */
    static List<Field> persistentFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        Map<String, Field> seen = new HashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class) || isRelationshipField(f)) {
                    continue;
                }
                if (f.isAnnotationPresent(Relationship.class)) {
                    throw new OrmException(type.getSimpleName() + "." + f.getName() + " is a @Relationship, so declare it as"
                            + " RelatedList<...> (to-many) or Ref<...> (to-one), not " + f.getType().getSimpleName());
                }
                if (seen.put(f.getName(), f) != null) {
                    throw new OrmException("entity " + type.getName() + " declares field " + f.getName() + " twice in its hierarchy");
                }
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new OrmException("entity " + type.getName() + " has no persistent fields");
        }
        return out;
    }

    static boolean isRelationshipField(Field f) {
        return f.getType() == Ref.class || f.getType() == RelatedList.class;
    }

    /** The {@link Ref} / {@link RelatedList} fields of the class and its superclasses. */
    static List<Field> relationshipFields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && isRelationshipField(f)) {
                    own.add(f);
                }
            }
            out.addAll(0, own);
        }
        return out;
    }

    /** Getter and setter (null when final) handles of a relationship field. */
    static List<MethodHandle[]> relationshipHandles(Class<?> entityClass, List<Field> fields) {
        List<MethodHandle[]> out = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Field f : fields) {
            try {
                f.setAccessible(true);
                MethodHandle getter = lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
                MethodHandle setter = null;
                if (!Modifier.isFinal(f.getModifiers())) {
                    setter = lookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
                }
                out.add(new MethodHandle[] {getter, setter});
            } catch (IllegalAccessException | RuntimeException e) {
                throw new OrmException("cannot access field " + entityClass.getSimpleName() + "." + f.getName()
                        + OpenPackageHint.of(entityClass), e);
            }
        }
        return out;
    }

    private static ColumnAttribute attribute(Class<?> entityClass, Field f, Column<?> column) {
        MethodHandle getter;
        MethodHandle setter = null;
        try {
            f.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            getter = lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
            if (!f.getDeclaringClass().isRecord()) {
                try {
                    setter = lookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
                } catch (IllegalAccessException finalField) {
                    setter = null;
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            throw new OrmException("cannot access field " + entityClass.getSimpleName() + "." + f.getName()
                    + OpenPackageHint.of(entityClass), e);
        }
        return new ColumnAttribute(f.getName(), f.getType(), entityClass, column, getter, setter);
    }

    private static <T> EntityMapping<T> finish(Class<T> entityClass, Table table, List<ColumnAttribute> attributes,
                                               List<Field> fields) {
        if (Modifier.isAbstract(entityClass.getModifiers()) || entityClass.isInterface()) {
            throw new OrmException("entity " + entityClass.getName() + " is abstract; map a concrete class");
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Supplier<Object> noArg = null;
        MethodHandle values = null;
        int arity = 0;
        if (!entityClass.isRecord()) {
            try {
                Constructor<T> ctor = entityClass.getDeclaredConstructor();
                ctor.setAccessible(true);
                noArg = newInstance(entityClass, ctor, lookup.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class)));
            } catch (NoSuchMethodException e) {
                noArg = null;
            } catch (IllegalAccessException | RuntimeException e) {
                throw new OrmException("cannot access the constructor of " + entityClass.getName(), e);
            }
        }
        if (noArg == null) {
            // Records and Kotlin data classes: the constructor whose parameters are the first fields, in order.
            Constructor<?> best = null;
            for (Constructor<?> ctor : entityClass.getDeclaredConstructors()) {
                Class<?>[] params = ctor.getParameterTypes();
                if (params.length == 0 || params.length > fields.size() || ctor.isSynthetic()) {
                    continue;
                }
                boolean matches = true;
                for (int i = 0; i < params.length; i++) {
                    if (params[i] != fields.get(i).getType()) {
                        matches = false;
                        break;
                    }
                }
                if (matches && (best == null || params.length > best.getParameterCount())) {
                    best = ctor;
                }
            }
            if (best == null) {
                throw new OrmException("entity " + entityClass.getName() + " needs a no-argument constructor or one"
                        + " taking its fields in declaration order");
            }
            for (int i = best.getParameterCount(); i < attributes.size(); i++) {
                if (!attributes.get(i).isWritable()) {
                    throw new OrmException("entity " + entityClass.getName() + ": field " + attributes.get(i).name()
                            + " is neither a constructor parameter nor writable");
                }
            }
            try {
                best.setAccessible(true);
                arity = best.getParameterCount();
                values = lookup.unreflectConstructor(best)
                        .asType(MethodType.methodType(Object.class, MethodType.genericMethodType(arity).parameterArray()))
                        .asSpreader(Object[].class, arity);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new OrmException("cannot access the constructor of " + entityClass.getName(), e);
            }
        }
        List<Field> relationshipFields = relationshipFields(entityClass);
        return new EntityMapping<>(entityClass, table, attributes, noArg, values, arity, relationshipFields,
                relationshipHandles(entityClass, relationshipFields));
    }

    /**
     * The no-argument constructor as a {@link Supplier} spun by {@link LambdaMetafactory}: a plain
     * {@code new} the JIT compiles inline. A constructor method handle that is not a constant
     * allocates through {@code Unsafe.allocateInstance}, a call into the VM for every loaded row.
     * Falls back to the handle where the class cannot be looked up privately (a named module
     * that does not open its package).
     */
    @SuppressWarnings("unchecked")
    private static Supplier<Object> newInstance(Class<?> entityClass, Constructor<?> ctor, MethodHandle handle) {
        try {
            MethodHandles.Lookup owner = MethodHandles.privateLookupIn(entityClass, MethodHandles.lookup());
            CallSite site = LambdaMetafactory.metafactory(owner, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), owner.unreflectConstructor(ctor), MethodType.methodType(entityClass));
            return (Supplier<Object>) site.getTarget().invoke();
        } catch (Throwable notSpun) {
            return () -> {
                try {
                    return handle.invokeExact();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new OrmException("cannot create a " + entityClass.getName() + ": " + t, t);
                }
            };
        }
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
