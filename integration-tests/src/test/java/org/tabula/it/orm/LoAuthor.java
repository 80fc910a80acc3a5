package org.tabula.it.orm;

import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;

/** An author with a deferred bio and books: undefer and load options on streams. */
@Entity(table = "lo_authors")
public class LoAuthor {

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(length = 50)
    public String name;

    /** Deferred: selected on first access unless undeferred. */
    @MappedColumn(text = true, nullable = true)
    public Lazy<String> bio = Lazy.of(null);

    @Relationship(backPopulates = "author", orderBy = "id")
    public final RelatedList<LoBook> books = new RelatedList<>(this);

    public LoAuthor() {
    }

    public LoAuthor(String name, String bio) {
        this.name = name;
        this.bio = Lazy.of(bio);
    }
}
