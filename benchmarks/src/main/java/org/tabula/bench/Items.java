package org.tabula.bench;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

/** The six-column table every fetch and insert benchmark reads and writes. */
public final class Items extends Table {
    public static final Items ITEMS = new Items();

    public final Column<Long> id = bigint("id").primaryKey();
    public final Column<String> name = varchar("name", 50);
    public final Column<Integer> qty = integer("qty");
    public final Column<Double> price = column("price", org.tabula.type.SqlTypes.DOUBLE);
    public final Column<Long> score = bigint("score").nullable();
    public final Column<String> note = varchar("note", 100).nullable();

    private Items() {
        super("bench_items");
    }
}
