package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.createTable;
import static org.tabula.docs.Addresses.ADDRESSES;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.engine.Engine;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/** docs/tutorial/metadata.md: tables, MetaData, DDL and reflection. */
class MetadataSamples {

    @Test
    void createAll() {
        // tag::create-all[]
        MetaData metadata = new MetaData(USERS, ADDRESSES);
        try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
            metadata.createAll(engine);                   // CREATE TABLE IF NOT EXISTS, parents first
            assertEquals(List.of(USERS, ADDRESSES), metadata.sortedTables());
            metadata.dropAll(engine);                     // children first
        }
        // end::create-all[]
    }

    @Test
    void ddl() {
        // tag::ddl[]
        String ddl = createTable(ADDRESSES).toSql(Dialect.POSTGRES).sql();
        System.out.println(ddl);
        assertTrue(ddl.contains("REFERENCES \"user_account\""));
        // end::ddl[]
    }

    @Test
    void reflect() {
        try (Engine engine = SampleData.engine()) {
            // tag::reflect[]
            MetaData reflected = MetaData.reflect(engine);   // Tables built from the catalog
            Table users = reflected.table("user_account");
            Column<?> name = users.column("name");
            assertEquals("name", name.name());
            // end::reflect[]
        }
    }
}
