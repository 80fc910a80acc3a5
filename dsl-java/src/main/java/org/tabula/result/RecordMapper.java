package org.tabula.result;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tabula.error.OpenPackageHint;

/**
 * Builds records from rows: each component takes the column whose label matches its name
 * ({@code createdAt} matches {@code created_at} or {@code createdAt}). The canonical
 * constructor and the column positions are resolved once per record class and result shape,
 * so mapping a row is one {@code MethodHandle} call.
 *
 * <pre>{@code
 * record UserName(long id, String name) {}
 * List<UserName> names = conn.execute(select(USERS.id, USERS.name).from(USERS)).into(UserName.class);
 * }</pre>
 */
public final class RecordMapper<R> {

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    /** What is known about a record class: its components and constructor. */
    private record Shape(String[] names, Class<?>[] types, MethodHandle constructor) {
    }

    private final Class<R> type;
    private final MethodHandle constructor;
    private final int[] positions;
    private final Class<?>[] componentTypes;

    private RecordMapper(Class<R> type, MethodHandle constructor, int[] positions, Class<?>[] componentTypes) {
        this.type = type;
        this.constructor = constructor;
        this.positions = positions;
        this.componentTypes = componentTypes;
    }

    /**
     * A mapper from rows of {@code columns} to {@code type}.
     *
     * @param <R> the record type
     * @param type the record class
     * @param columns the result columns its components are matched against
     * @return the mapper: {@code RecordMapper.of(UserName.class, result.columns())}
     */
    public static <R> RecordMapper<R> of(Class<R> type, ResultColumns columns) {
        Shape shape = SHAPES.computeIfAbsent(type, RecordMapper::inspect);
        int[] positions = new int[shape.names.length];
        for (int i = 0; i < positions.length; i++) {
            String name = shape.names[i];
            int at = columns.indexOf(name);
            if (at < 0) {
                at = columns.indexOf(snakeCase(name));
            }
            if (at < 0) {
                throw new IllegalArgumentException("record " + type.getSimpleName() + " has a component " + name
                        + " but the result has no such column (columns: " + columns.labels() + ")");
            }
            positions[i] = at;
        }
        return new RecordMapper<>(type, shape.constructor, positions, shape.types);
    }

    private static Shape inspect(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; map rows with map(row -> ...) instead");
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getType();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            return new Shape(names, types, ctor.asSpreader(Object[].class, types.length));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName()
                    + OpenPackageHint.of(type) + ": " + e.getMessage(), e);
        }
    }

    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The record for one row.
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
      * @param values the row's values, in column order
      * @param columns the columns the values belong to
      * @return the record
     */
    public R map(Object[] values, ResultColumns columns) {
        Object[] args = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Object v = values[positions[i]];
            Class<?> t = componentTypes[i];
            if (v == null && t.isPrimitive()) {
                throw new IllegalArgumentException("column " + columns.label(positions[i]) + " is NULL but "
                        + type.getSimpleName() + " declares it as primitive " + t.getName());
            }
            args[i] = v == null || t.isPrimitive() || t.isInstance(v) ? v : Conversions.convert(v, t);
        }
        try {
            return type.cast(constructor.invoke(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("constructing " + type.getSimpleName() + " failed", t);
        }
    }
}
