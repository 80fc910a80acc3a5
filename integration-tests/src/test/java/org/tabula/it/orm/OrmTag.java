package org.tabula.it.orm;

import java.util.UUID;
import java.util.function.Supplier;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/** A client-generated key: inserts need nothing back from the database, so they are batched. */
@Entity(table = "orm_tags")
public class OrmTag {

    public static final class RandomUuid implements Supplier<UUID> {
        @Override
        public UUID get() {
            return UUID.randomUUID();
        }
    }

    @MappedColumn(primaryKey = true, defaultValue = RandomUuid.class)
    public UUID id;

    @MappedColumn(length = 30)
    public String label;

    @MappedColumn(nullable = true, text = true)
    public String note;

    public OrmTag() {
    }

    public OrmTag(String label, String note) {
        this.label = label;
        this.note = note;
    }
}
