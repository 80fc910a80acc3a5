package org.tabula.result;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import org.tabula.type.BasicType;
import org.tabula.type.SqlType;
import java.util.List;

/**
 * Builds objects through one constructor from rows: the one row-to-constructor mapper of Java
 * records ({@link RecordMapper}) and Kotlin classes ({@code RowMapper} in the Kotlin layer). Each
 * parameter takes the column its name matches by {@link ColumnNaming}; positions are resolved
 * once per result shape, so a row costs one {@code MethodHandle} call. A value that is not of the
 * parameter's (non-primitive) type is converted as {@link Row#get(int, Class)} converts it; NULL
 * for a parameter that takes none is an error naming the column and the parameter.
 *
 * <pre>{@code
 * record Point(int x, int y) {}
 *
 * MethodHandle ctor = MethodHandles.lookup().findConstructor(Point.class, MethodType.methodType(void.class, int.class, int.class))
 *         .asSpreader(Object[].class, 2);
 * ConstructorMapper<Point> m = ConstructorMapper.of(Point.class, List.of(
 *         new ConstructorMapper.Parameter("x", int.class, false), new ConstructorMapper.Parameter("y", int.class, false)),
 *         ctor, result.columns());
 * Point p = m.map(row.values().toArray(), result.columns());
 * }</pre>
 *
 * @param <R> the class built
 */
public final class ConstructorMapper<R> {

    /**
     * One constructor parameter.
     *
     * @param name     matched to a column label by {@link ColumnNaming}
     * @param type     what the constructor takes (values of other classes are converted to it unless it is primitive)
     * @param nullable whether NULL may be passed
     */
    public record Parameter(String name, Class<?> type, boolean nullable) {
    }

    private final Class<R> type;
    private final MethodHandle constructor;
    private final Parameter[] parameters;
    private final int[] positions;
    // Per parameter: the class a value must be an instance of, else converted; null where no check
    // is needed (a primitive, or a built-in type that reads values of exactly the parameter's class).
    private final Class<?>[] checks;
    // Parameters take the columns in order, all of them: the row's own array is the arguments.
    private final boolean inOrder;

    private ConstructorMapper(Class<R> type, MethodHandle constructor, Parameter[] parameters, int[] positions,
                              ResultColumns columns) {
        this.type = type;
        // invokeExact on one fixed type: plain invoke adapts the call site's type on every row
        this.constructor = constructor.asType(MethodType.methodType(Object.class, Object[].class));
        this.parameters = parameters;
        this.positions = positions;
        this.checks = new Class<?>[parameters.length];
        boolean inOrder = positions.length == columns.size();
        for (int i = 0; i < positions.length; i++) {
            inOrder &= positions[i] == i;
            Class<?> t = parameters[i].type();
            SqlType<?> read = columns.type(positions[i]);
            checks[i] = t.isPrimitive() || read instanceof BasicType<?> basic && basic.javaType() == t && basic.readsExactJavaType()
                    ? null : t;
        }
        this.inOrder = inOrder;
    }

    /**
     * A mapper from rows of {@code columns} to {@code type} through {@code constructor}, a handle
     * that takes the parameters' values as one {@code Object[]} (see
     * {@link MethodHandle#asSpreader}).
     *
     * <pre>{@code
     * record Point(int x, int y) {}
     *
     * MethodHandle ctor = MethodHandles.lookup().findConstructor(Point.class, MethodType.methodType(void.class, int.class, int.class))
     *         .asSpreader(Object[].class, 2);
     * ConstructorMapper<Point> points = ConstructorMapper.of(Point.class, List.of(
     *         new ConstructorMapper.Parameter("x", int.class, false), new ConstructorMapper.Parameter("y", int.class, false)),
     *         ctor, result.columns());
     * }</pre>
     *
     * @throws IllegalArgumentException naming the parameter that no column matches
     * @param <R> the type to make
     * @param type the class to make
     * @param parameters the constructor's parameters, in order
     * @param constructor the constructor to call
     * @param columns the result's columns
     * @return a mapper from rows of {@code columns} to {@code type} through {@code constructor}, a handle that takes the parameters' values as one {@code Object[]}
     */
    public static <R> ConstructorMapper<R> of(Class<R> type, List<Parameter> parameters, MethodHandle constructor,
                                              ResultColumns columns) {
        Parameter[] params = parameters.toArray(new Parameter[0]);
        int[] positions = new int[params.length];
        for (int i = 0; i < params.length; i++) {
            int at = ColumnNaming.find(columns, params[i].name());
            if (at < 0) {
                throw new IllegalArgumentException(type.getName() + "." + params[i].name()
                        + " has no matching column among " + columns.labels());
            }
            positions[i] = at;
        }
        return new ConstructorMapper<>(type, constructor, params, positions, columns);
    }

    /**
     * The object for one row.
     *
     * <pre>{@code
     * ConstructorMapper<Person> people = ConstructorMapper.of(Person.class, parameters, constructor, result.columns());
     * List<Person> all = result.map(people::map);
     * }</pre>
     *
     * @param row the row
     * @return the object for one row
     */
    public R map(Row row) {
        return map(row.rawValues(), row.columns());
    }

    /**
     * The object for one row's values in column order, the labels of {@code columns} naming a column in errors.
     *
     * <pre>{@code
     * ConstructorMapper<Person> people = ConstructorMapper.of(Person.class, parameters, constructor, columns);
     * Person p = people.map(new Object[] {"ann", 31}, columns);
     * }</pre>
     *
     * @param values the row's values, in column order
     * @param columns the result's columns
     * @return the object for one row's values in column order, the labels of {@code columns} naming a column in errors
     */
    public R map(Object[] values, ResultColumns columns) {
        // The constructor copies its arguments out, so the row's array may be them unless a value is converted.
        Object[] args = inOrder ? values : new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Object v = values[positions[i]];
            if (v == null) {
                Parameter p = parameters[i];
                if (!p.nullable()) {
                    Class<?> t = p.type();
                    throw new IllegalArgumentException("column " + columns.label(positions[i]) + " is NULL but "
                            + type.getName() + "." + p.name() + " is not nullable"
                            + (t.isPrimitive() ? " (primitive " + t.getName() + ")" : ""));
                }
            } else {
                Class<?> t = checks[i];
                if (t != null && !t.isInstance(v)) {
                    v = Conversions.convert(v, t);
                    if (args == values) {
                        args = values.clone();
                    }
                }
            }
            args[i] = v;
        }
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("constructing " + type.getSimpleName() + " failed", t);
        }
    }
}
