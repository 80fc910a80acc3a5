package org.tabula.micrometer;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

/** A test table. */
final class Items extends Table {
    static final Items ITEMS = new Items();

    final Column<Long> id = bigint("id").primaryKey().autoIncrement();
    final Column<String> name = varchar("name", 50);

    private Items() {
        super("mm_items");
    }
}
