package org.tabula.examples.spring;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

/** What happened to each order, as the service's JdbcTemplate writes it. */
public final class AuditLog extends Table {

    public final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    public final Column<String> event = varchar("event", 100);

    AuditLog() {
        super("shop_audit");
    }
}
