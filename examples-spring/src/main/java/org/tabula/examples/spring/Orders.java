package org.tabula.examples.spring;

import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** The shop's tables: orders (written with Tabula) and the audit log (written with JdbcTemplate). */
public final class Orders extends Table {

    public static final Orders ORDERS = new Orders();
    public static final AuditLog AUDIT = new AuditLog();
    public static final MetaData SCHEMA = new MetaData(ORDERS, AUDIT);

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<String> item = varchar("item", 50);
    public final Column<Integer> quantity = integer("quantity");

    private Orders() {
        super("shop_orders");
    }
}
