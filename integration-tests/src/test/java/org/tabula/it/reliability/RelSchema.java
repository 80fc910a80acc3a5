package org.tabula.it.reliability;

import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.type.SqlTypes;

/** The tables of the reliability suite; every name starts with {@code rel_}. */
final class RelSchema {

    private RelSchema() {
    }

    /** Where hostile values go: a short varchar, an unbounded text, a unique code. */
    static final class Items extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = varchar("name", 200);
        final Column<String> body = text("body").nullable();
        final Column<Integer> n = integer("n").nullable();
        final Column<String> code = varchar("code", 20).nullable().unique();

        Items() {
            super("rel_items");
        }
    }

    /** A second table, whose columns must not leak into statements on {@link Items}. */
    static final class Other extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> label = varchar("label", 20);

        Other() {
            super("rel_other");
        }
    }

    /** The row 16 threads increment at once. */
    static final class Counter extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> value = bigint("value");

        Counter() {
            super("rel_counter");
        }
    }

    /** Identifiers that break naive SQL building: spaces, both quote styles, backticks, reserved words, comment starters. */
    static final class Odd extends Table {
        final Column<Long> id = column("select", SqlTypes.BIGINT).primaryKey();
        final Column<String> name = varchar("na\"me `x` 'y'", 50).nullable();
        final Column<Integer> order = integer("order").nullable();
        final Column<String> comment = varchar("c;-- /*x*/", 50).nullable();
        final Column<String> from = varchar("from where", 50).nullable();

        Odd() {
            super("rel odd \"t\" `b` 'q' ;--");
        }
    }

    static final Items ITEMS = new Items();
    static final Other OTHER = new Other();
    static final Counter COUNTER = new Counter();
    static final Odd ODD = new Odd();

    static final MetaData METADATA = new MetaData(ITEMS, OTHER, COUNTER, ODD);
}
