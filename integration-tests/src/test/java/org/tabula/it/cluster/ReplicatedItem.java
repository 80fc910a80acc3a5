package org.tabula.it.cluster;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Model;

/** An entity for the ORM session rules on a replicated engine ({@code ReplicatedEngineTest}). */
@Entity(table = "replicated_items")
public class ReplicatedItem extends Model {

    @MappedColumn(length = 50)
    public String name;

    public ReplicatedItem() {
    }

    public ReplicatedItem(String name) {
        this.name = name;
    }
}
