package org.tabula.bench;

import org.tabula.orm.Column;
import org.tabula.orm.Entity;

/**
 * The ORM view of {@code bench_items} (the table {@link Items} creates): six mapped fields, the
 * entity {@code FetchBenchmark.ormEntities} hydrates 100,000 of.
 */
@Entity(table = "bench_items")
public class ItemEntity {
    @Column(primaryKey = true)
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
