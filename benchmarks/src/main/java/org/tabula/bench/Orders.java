package org.tabula.bench;

import org.tabula.schema.Column;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

/** Child side of the join in the rendering benchmark (ON is inferred from the foreign key). */
public final class Orders extends Table {
    public static final Orders ORDERS = new Orders();

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<Long> customerId = bigint("customer_id").references(Customers.CUSTOMERS.id, ReferentialAction.CASCADE);
    public final Column<String> title = varchar("title", 200);
    public final Column<Integer> total = integer("total");

    private Orders() {
        super("bench_orders");
    }
}
