package org.tabula.bench;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/**
 * A six-column entity whose id the database generates: what {@code InsertBenchmark.ormFlush}
 * adds 10,000 of and flushes (the ids come back from the database and are set on the objects).
 */
@Entity(table = "bench_new_items")
public class NewItemEntity {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;
    @MappedColumn(length = 50)
    public String name;
    public Integer qty;
    public Double price;
    @MappedColumn(nullable = true)
    public Long score;
    @MappedColumn(nullable = true, length = 100)
    public String note;
}
