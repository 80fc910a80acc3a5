package org.tabula.bench;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/**
 * The ORM view of {@code bench_items} (the table {@link Items} creates): six mapped fields, the
 * entity {@code FetchBenchmark.ormEntities} hydrates 100,000 of.
 */
@Entity(table = "bench_items")
public class ItemEntity {
    @MappedColumn(primaryKey = true)
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
