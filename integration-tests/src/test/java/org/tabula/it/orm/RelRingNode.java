package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** Self-referencing through a NOT NULL key: a cycle of rows cannot be inserted, and the flush says so. */
@Entity(table = "rel_orm_ring_nodes")
public class RelRingNode {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50)
    public String name;

    @MappedColumn(references = RelRingNode.class)
    public Long nextId;

    @Relationship(foreignKey = "nextId")
    public final Ref<RelRingNode> next = new Ref<>(this);

    public RelRingNode() {
    }

    public RelRingNode(String name) {
        this.name = name;
    }
}
