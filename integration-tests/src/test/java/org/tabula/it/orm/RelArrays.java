package org.tabula.it.orm;

import java.util.List;
import org.tabula.orm.Column;
import org.tabula.orm.Entity;

/** ARRAY fields: PostgreSQL only. */
@Entity(table = "rel_orm_arrays")
public class RelArrays {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(nullable = true)
    public List<String> labels;

    @Column(nullable = true)
    public List<Integer> scores;
}
