package org.tabula.bench;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;

/**
 * A six-column entity whose id the database generates: what {@code InsertBenchmark.ormFlush}
 * adds 10,000 of and flushes (the ids come back from the database and are set on the objects).
 */
@Entity(table = "bench_new_items")
public class NewItemEntity {
    @Column(primaryKey = true, autoIncrement = true)
    public Long id;
    @Column(length = 50)
    public String name;
    public Integer qty;
    public Double price;
    @Column(nullable = true)
    public Long score;
    @Column(nullable = true, length = 100)
    public String note;
}
