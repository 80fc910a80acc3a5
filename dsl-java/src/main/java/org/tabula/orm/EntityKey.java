package org.tabula.orm;

import java.util.List;

/** Identity of a persistent object: its mapped class and primary key values. */
record EntityKey(Class<?> entityClass, List<Object> values) {

    Object single() {
        return values.size() == 1 ? values.get(0) : values;
    }

    @Override
    public String toString() {
        return entityClass.getSimpleName() + values;
    }
}
