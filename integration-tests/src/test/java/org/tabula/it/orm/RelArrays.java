package org.tabula.it.orm;

import java.util.List;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/** ARRAY fields: PostgreSQL only. */
@Entity(table = "rel_orm_arrays")
public class RelArrays {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(nullable = true)
    public List<String> labels;

    @MappedColumn(nullable = true)
    public List<Integer> scores;
}
