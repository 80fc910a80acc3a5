package org.tabula.result;

import org.jspecify.annotations.Nullable;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tabula.error.OpenPackageHint;

/**
 * Builds records from rows: each component takes the column whose label matches its name by the
 * rule of {@link ColumnNaming} ({@code createdAt} matches {@code created_at} or {@code createdAt},
 * {@code HTTPStatus} matches {@code http_status}). The canonical
 * constructor and the column positions are resolved once per record class and result shape,
 * so mapping a row is one {@code MethodHandle} call ({@link ConstructorMapper}, shared with the
 * Kotlin layer's {@code RowMapper}).
 *
 * <pre>{@code
 * record UserName(long id, String name) {}
 *
 * List<UserName> names = conn.execute(select(USERS.id, USERS.name).from(USERS)).into(UserName.class);
 * }</pre>
 */
public final class RecordMapper<R> {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    /** What is known about a record class: its components and constructor. */
    private static final class Shape {
        final List<ConstructorMapper.Parameter> parameters;
        final MethodHandle constructor;
        /**
         * The mapper made last and the labels and types it was made for: the same query run again
         * (the usual case) reuses it instead of matching every component to a label by name
         * again. The types count too: the mapper skips the class check of values a type reads exactly.
         */
        volatile @Nullable Matched last;

        Shape(List<ConstructorMapper.Parameter> parameters, MethodHandle constructor) {
            this.parameters = parameters;
            this.constructor = constructor;
        }
    }

    private record Matched(ResultColumns columns, ConstructorMapper<?> mapper) {
    }

    private final ConstructorMapper<R> mapper;

    private RecordMapper(ConstructorMapper<R> mapper) {
        this.mapper = mapper;
    }

    /**
     * A mapper from rows of {@code columns} to {@code type}.
     *
     * <pre>{@code
     * record UserName(long id, String name) {}
     *
     * Result r = conn.execute(select(USERS.id, USERS.name).from(USERS));
     * RecordMapper<UserName> names = RecordMapper.of(UserName.class, r.columns());
     * }</pre>
     *
     * @param <R> the record type
     * @param type the record class
     * @param columns the result columns its components are matched against
     * @return the mapper: {@code RecordMapper.of(UserName.class, result.columns())}
     */
    public static <R extends @Nullable Object> RecordMapper<R> of(Class<R> type, ResultColumns columns) {
        Shape shape = SHAPES.computeIfAbsent(type, RecordMapper::inspect);
        Matched last = shape.last;
        if (last != null && columns.sameShape(last.columns())) {
            @SuppressWarnings("unchecked")
            ConstructorMapper<R> same = (ConstructorMapper<R>) last.mapper();
            return new RecordMapper<>(same);
        }
        ConstructorMapper<R> mapper = ConstructorMapper.of(type, shape.parameters, shape.constructor, columns);
        shape.last = new Matched(columns, mapper);
        return new RecordMapper<>(mapper);
    }

    private static Shape inspect(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; map rows with map(row -> ...) instead");
        }
        RecordComponent[] components = type.getRecordComponents();
        List<ConstructorMapper.Parameter> parameters = new ArrayList<>(components.length);
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            parameters.add(new ConstructorMapper.Parameter(components[i].getName(), types[i], !types[i].isPrimitive()));
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            return new Shape(List.copyOf(parameters), ctor.asSpreader(Object[].class, types.length));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName()
                    + OpenPackageHint.of(type) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The record for one row.
     *
     * <pre>{@code
     * RecordMapper<Person> people = RecordMapper.of(Person.class, result.columns());
     * List<Person> all = result.map(people::map);
     * }</pre>
     *
     * @param row a row of the result the mapper was made for
     * @return the record: {@code mapper.map(result.one())}
     */
    public R map(Row row) {
        return map(row.rawValues(), row.columns());
    }

    /**
     * The record for one row's values in column order (what {@code Connection.fetch} reads from
     * JDBC), the labels of {@code columns} naming a column in errors.
     *
     * <pre>{@code
     * RecordMapper<Person> people = RecordMapper.of(Person.class, columns);
     * Person p = people.map(new Object[] {"ann", 31}, columns);
     * }</pre>
     *
     * @param values the row's values, in column order
     * @param columns the columns the values belong to
     * @return the record
     */
    public R map(Object[] values, ResultColumns columns) {
        return mapper.map(values, columns);
    }
}
