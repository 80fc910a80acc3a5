package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.schema.ReferentialAction;

@Entity(table = "rel_orm_notes")
public class RelNote {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = RelFolder.class, onDelete = ReferentialAction.SET_NULL, nullable = true)
    public Long folderId;

    @MappedColumn(length = 50)
    public String text;

    public RelNote() {
    }

    public RelNote(Long folderId, String text) {
        this.folderId = folderId;
        this.text = text;
    }
}
