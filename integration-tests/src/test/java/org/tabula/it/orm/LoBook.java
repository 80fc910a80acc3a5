package org.tabula.it.orm;

import org.tabula.orm.Entity;
import org.tabula.orm.Lazy;
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

    /** Deferred: loaded through the books relationship by undefer(LoAuthor_.books, LoBook_.blurb). */
    @MappedColumn(text = true, nullable = true)
    public Lazy<String> blurb = Lazy.of(null);

    @Relationship(foreignKey = "authorId", backPopulates = "books")
    public final Ref<LoAuthor> author = new Ref<>(this);

    public LoBook() {
    }

    public LoBook(String title) {
        this.title = title;
        this.blurb = Lazy.of("blurb of " + title);
    }
}
