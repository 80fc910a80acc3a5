package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** Children removed by the database: documents ON DELETE CASCADE, notes ON DELETE SET NULL (passive deletes). */
@Entity(table = "rel_orm_folders")
public class RelFolder {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50)
    public String name;

    @Relationship(backPopulates = "folder", cascade = {org.tabula.orm.Cascade.ALL}, passiveDeletes = true)
    public final RelatedList<RelDocument> documents = new RelatedList<>(this);

    @Relationship(passiveDeletes = true)
    public final RelatedList<RelNote> notes = new RelatedList<>(this);

    public RelFolder() {
    }

    public RelFolder(String name) {
        this.name = name;
    }
}
