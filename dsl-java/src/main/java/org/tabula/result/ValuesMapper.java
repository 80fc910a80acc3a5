package org.tabula.result;

import org.jspecify.annotations.Nullable;

/**
 * Makes an object from the values of one row, in select-list order, for
 * {@link org.tabula.engine.Connection#fetch}. The array is new for each row and belongs to the
 * mapper, which may keep it.
 *
 * <pre>{@code
 * ValuesMapper<String> names = v -> (String) v[1];
 * }</pre>
 */
@FunctionalInterface
public interface ValuesMapper<T> {

    /**
     * The object for one row.
     *
     * <pre>{@code
     * ValuesMapper<Person> people = v -> new Person((String) v[0], (Integer) v[1]);
     * Person ann = people.map(new Object[] {"ann", 31});
     * }</pre>
     *
     * @param values the row's values in column order: {@code values -> new UserName((String) values[0])}
     * @return the object
     */
    T map(@Nullable Object[] values);
}
