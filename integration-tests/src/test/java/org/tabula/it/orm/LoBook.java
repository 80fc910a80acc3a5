package org.tabula.it.orm;

import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Ref;
import org.tabula.orm.Relationship;

/** A book of a {@link LoAuthor}. */
@Entity(table = "lo_books")
public class LoBook {

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(references = LoAuthor.class, nullable = true)
    public Long authorId;

    @MappedColumn(length = 100)
    public String title;

    @Relationship(foreignKey = "authorId", backPopulates = "books")
    public final Ref<LoAuthor> author = new Ref<>(this);

    public LoBook() {
    }

    public LoBook(String title) {
        this.title = title;
    }
}
