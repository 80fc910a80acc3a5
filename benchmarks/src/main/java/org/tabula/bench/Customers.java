package org.tabula.bench;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

/** Parent side of the join in the rendering benchmark. */
public final class Customers extends Table {
    public static final Customers CUSTOMERS = new Customers();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<String> name = varchar("name", 50);
    public final Column<Integer> age = integer("age").nullable();

    private Customers() {
        super("bench_customers");
    }
}
