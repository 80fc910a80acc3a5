package org.tabula.engine;

import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Users.USERS;

import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.tabula.dialect.Dialect;
import org.tabula.schema.MetaData;

/**
 * Runs inside a class loader that has no HikariCP ({@link WithoutHikariTest}): an engine over a
 * plain driver data source, used the way an application would.
 */
public final class WithoutHikariProbe implements Function<String, String> {

    @Override
    public String apply(String dbFile) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dbFile);
        try (Engine engine = Engine.create(ds, Dialect.SQLITE, EngineOptions.defaults())) {
            new MetaData(USERS, POSTS).createAll(engine);
            engine.begin(conn -> conn.execute(insert(USERS).set(USERS.name, "ann").set(USERS.age, 31)));
            String name;
            try (Connection conn = engine.connect()) {
                name = conn.execute(select(USERS.name).from(USERS)).scalarOne();
            }
            engine.softEvictConnections();
            return name + " " + engine.poolStatus();
        }
    }
}
