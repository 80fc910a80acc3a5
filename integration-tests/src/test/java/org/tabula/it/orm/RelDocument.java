package org.tabula.it.orm;

import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;
import org.tabula.schema.ReferentialAction;

@Entity(table = "rel_orm_documents")
public class RelDocument {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = RelFolder.class, onDelete = ReferentialAction.CASCADE)
    public Long folderId;

    @MappedColumn(length = 50)
    public String title;

    @Relationship(backPopulates = "documents")
    public final Ref<RelFolder> folder = new Ref<>(this);

    public RelDocument() {
    }

    public RelDocument(String title) {
        this.title = title;
    }
}
