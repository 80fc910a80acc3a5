package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Engine;
import org.tabula.engine.EngineOptions;
import org.tabula.it.Databases;
import org.tabula.orm.Session;
import org.tabula.orm.SessionFactory;

/**
 * MySQL has no INSERT ... RETURNING: generated keys come from JDBC and server defaults from a
 * SELECT by primary key. Run on the MariaDB server with the MySQL dialect forced.
 */
class OrmWithoutReturningTest {

    @Test
    void generatedKeysAndServerDefaultsWithoutReturning() {
        assumeTrue(Databases.names().contains("mysql"), "needs the MySQL/MariaDB server");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Databases.url("mysql"));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        if (Dialect.MYSQL.connectionInitSql() != null) {
            config.setConnectionInitSql(Dialect.MYSQL.connectionInitSql());
        }
        List<String> sql = new CopyOnWriteArrayList<>();
        try (HikariDataSource ds = new HikariDataSource(config);
             Engine engine = Engine.create(ds, Dialect.MYSQL, EngineOptions.defaults().listener((s, p) -> sql.add(s)))) {
            OrmScenariosTest.METADATA.dropAll(engine);
            OrmScenariosTest.METADATA.createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine);
            try (Session session = sessions.openSession()) {
                OrmUser ann = new OrmUser("ann");
                session.add(ann);
                session.flush();
                assertNotNull(ann.id);
                assertEquals("active", ann.status);
                assertNotNull(ann.createdAt);
                assertTrue(sql.stream().noneMatch(s -> s.contains("RETURNING")), sql.toString());
                session.add(new OrmAddress(ann.id, "ann@example.com"));
                session.commit();
                assertEquals(1, session.select(OrmAddress.class).filterBy("userId", ann.id).all().size());
            }
        }
    }
}
