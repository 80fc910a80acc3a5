package org.tabula.examples;

import static org.tabula.orm.LoadOption.joined;
import static org.tabula.orm.LoadOption.selectIn;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineListener;
import org.tabula.engine.EngineOptions;
import org.tabula.orm.Cascade;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;
import org.tabula.orm.Mapper;
import org.tabula.orm.Model;
import org.tabula.orm.Ref;
import org.tabula.orm.RelatedList;
import org.tabula.orm.Relationship;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;
import org.tabula.schema.ReferentialAction;

/**
 * ORM relationships on an in-memory SQLite database: one-to-one, one-to-many with delete-orphan,
 * many-to-many, back references kept in sync, and the loading strategies with their statement counts.
 * Relationships and columns are named through the generated metamodel ({@code OrmRelationships_Author_.articles}).
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am compile exec:java -Dexample.main=org.tabula.examples.OrmRelationships}.
 */
public final class OrmRelationships {

    @Entity(table = "authors")
    public static class Author extends Model {
        @MappedColumn(length = 30)
        public String name;
        @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
        public final RelatedList<Article> articles = new RelatedList<>(this);
        @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
        public final Ref<Biography> biography = new Ref<>(this);

        public Author() {
        }

        Author(String name) {
            this.name = name;
        }
    }

    @Entity(table = "biographies")
    public static class Biography extends Model {
        @MappedColumn(references = Author.class, unique = true)
        public Long authorId;
        @MappedColumn(text = true)
        public String text;
        @Relationship(backPopulates = "biography")
        public final Ref<Author> author = new Ref<>(this);

        public Biography() {
        }

        Biography(String text) {
            this.text = text;
        }
    }

    @Entity(table = "articles")
    public static class Article extends Model {
        @MappedColumn(references = Author.class, onDelete = ReferentialAction.CASCADE)
        public Long authorId;
        @MappedColumn(length = 100)
        public String title;
        @Relationship(backPopulates = "articles")
        public final Ref<Author> author = new Ref<>(this);
        @Relationship(secondary = ArticleTag.class, backPopulates = "articles", orderBy = "label")
        public final RelatedList<Tag> tags = new RelatedList<>(this);

        public Article() {
        }

        Article(String title) {
            this.title = title;
        }
    }

    @Entity(table = "tags")
    public static class Tag extends Model {
        @MappedColumn(length = 30, unique = true)
        public String label;
        @Relationship(secondary = ArticleTag.class, backPopulates = "tags")
        public final RelatedList<Article> articles = new RelatedList<>(this);

        public Tag() {
        }

        Tag(String label) {
            this.label = label;
        }
    }

    /** The link table of articles and tags. */
    @Entity(table = "article_tags")
    public static class ArticleTag {
        @MappedColumn(primaryKey = true, references = Article.class, onDelete = ReferentialAction.CASCADE)
        public Long articleId;
        @MappedColumn(primaryKey = true, references = Tag.class, onDelete = ReferentialAction.CASCADE)
        public Long tagId;
    }

    private OrmRelationships() {
    }

    public static void main(String[] args) {
        AtomicInteger statements = new AtomicInteger();
        try (Engine engine = Engine.create("jdbc:sqlite::memory:",
                EngineOptions.defaults().listener(EngineListener.beforeEach(e -> statements.incrementAndGet())))) {
            Mapper.metaData(Author.class, Biography.class, Article.class, Tag.class, ArticleTag.class).createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);

            sessions.begin(session -> {
                Tag sql = new Tag("sql");
                Tag jvm = new Tag("jvm");
                for (String name : List.of("ann", "bob", "cid")) {
                    Author author = new Author(name);
                    author.biography.set(new Biography(name + " writes about databases"));
                    Article a = new Article(name + " on joins");
                    a.tags.add(sql);                                   // sql.articles gets a too
                    Article b = new Article(name + " on the JVM");
                    b.author.set(author);                              // author.articles gets b
                    b.tags.add(jvm);
                    author.articles.add(a);
                    session.add(author);                               // cascades: biography, articles, tags, links
                }
            });

            try (Session session = sessions.openSession()) {
                statements.set(0);
                for (Author author : session.select(Author.class).all()) {
                    author.articles.size();                            // lazy: one SELECT per author
                }
                System.out.println("lazy select:  " + statements.get() + " statements (1 + N)");

                session.expungeAll();
                statements.set(0);
                List<Author> authors = session.select(Author.class)
                        .options(selectIn(OrmRelationships_Author_.articles.then(OrmRelationships_Article_.tags)),
                                 joined(OrmRelationships_Author_.biography)).all();
                for (Author author : authors) {
                    System.out.println("  " + author.name + " (" + author.biography.get().text + "): "
                            + author.articles.stream().map(a -> a.title + " " + a.tags.stream().map(t -> t.label).toList()).toList());
                }
                System.out.println("select-in + joined: " + statements.get() + " statements for any number of authors");

                System.out.println("authors with an article on joins: " + session.select(Author.class)
                        .where(OrmRelationships_Author_.articles.any(OrmRelationships_Article_.title.contains("joins"))).all().size());

                Author ann = authors.get(0);
                ann.articles.remove(0);                                // delete-orphan: DELETE at the next flush
                session.commit();
            }
            sessions.begin(session -> {
                System.out.println("ann now has " + session.select(Author.class).filterBy(OrmRelationships_Author_.name, "ann").one().articles.size() + " article(s)");
            });
        }
    }
}
