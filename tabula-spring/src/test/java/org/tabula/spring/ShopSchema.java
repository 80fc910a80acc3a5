package org.tabula.spring;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** The tables of these tests: orders written through Tabula, an audit written through JdbcTemplate, notes through sessions. */
final class ShopSchema {

    private ShopSchema() {
    }

    static final class Orders extends Table {
        final org.tabula.schema.Column<Long> id = bigint("id").primaryKey();
        final org.tabula.schema.Column<String> item = varchar("item", 50);

        Orders() {
            super("spring_orders");
        }
    }

    static final class Audit extends Table {
        final org.tabula.schema.Column<Long> id = bigint("id").primaryKey();
        final org.tabula.schema.Column<String> event = varchar("event", 50);

        Audit() {
            super("spring_audit");
        }
    }

    @Entity(table = "spring_notes")
    public static class Note {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(length = 50)
        public String text;

        public Note() {
        }

        Note(String text) {
            this.text = text;
        }
    }

    static final Orders ORDERS = new Orders();
    static final Audit AUDIT = new Audit();
    static final MetaData TABLES = new MetaData(ORDERS, AUDIT);
}
