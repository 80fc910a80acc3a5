package org.tabula.it.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Sql.count;
import static org.tabula.Sql.select;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabula.engine.Connection;
import org.tabula.engine.Engine;
import org.tabula.it.Databases;
import org.tabula.orm.Mapper;
import org.tabula.orm.OrmException;
import org.tabula.orm.SessionFactory;
import org.tabula.result.Row;
import org.tabula.schema.Column;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;

/**
 * Rows of one table that reference rows written after them, or each other: the flush inserts the
 * key NULL and sets it by an UPDATE once both rows are in (SQLAlchemy's post-update); through a NOT
 * NULL key the cycle is an error naming the table and the column. SQLite, MariaDB, PostgreSQL.
 */
class PostUpdateTest {

    static final MetaData METADATA = Mapper.metaData(RelEmployee.class, RelRingNode.class);
    static final Table EMPLOYEES = Mapper.table(RelEmployee.class);
    static final Column<String> NAME = Mapper.column(RelEmployee.class, "name");
    static final Column<Long> ID = Mapper.column(RelEmployee.class, "id");
    static final Column<Long> MANAGER = Mapper.column(RelEmployee.class, "managerId");

    static Stream<String> databases() {
        return Databases.names().stream();
    }

    static SessionFactory fresh(Engine engine) {
        METADATA.dropAll(engine);
        METADATA.createAll(engine);
        return SessionFactory.of(engine);
    }

    /** name -> name of the manager, as the database holds them. */
    static Map<String, String> managers(Engine engine) {
        Map<Long, String> names = new HashMap<>();
        Map<String, Long> managerIds = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (Row r : conn.execute(select(ID, NAME, MANAGER).from(EMPLOYEES))) {
                names.put(r.get(ID), r.get(NAME));
                managerIds.put(r.get(NAME), r.get(MANAGER));
            }
        }
        Map<String, String> out = new HashMap<>();
        managerIds.forEach((name, id) -> out.put(name, id == null ? null : names.get(id)));
        return out;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRowAddedBeforeTheRowItReferencesGetsItsKeyByAnUpdate(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        sessions.inTransaction(session -> {
            RelEmployee bob = new RelEmployee("bob");
            RelEmployee ann = new RelEmployee("ann");
            bob.manager.set(ann);
            session.add(bob);                                  // bob is written first, ann after him
            session.add(ann);
            return null;
        });
        assertEquals(Map.of("bob", "ann"), withoutNulls(managers(engine)));
        assertNull(managers(engine).get("ann"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCycleOfRowsIsBrokenByPostUpdate(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        long[] ids = sessions.inTransaction(session -> {
            RelEmployee ann = new RelEmployee("ann");
            RelEmployee bob = new RelEmployee("bob");
            RelEmployee ceo = new RelEmployee("ceo");
            ann.manager.set(bob);
            bob.manager.set(ann);
            ceo.manager.set(ceo);                              // a row referencing itself
            session.add(ann);
            session.add(bob);
            session.add(ceo);
            session.flush();
            assertEquals(bob.id, ann.managerId, "the object holds the key the UPDATE wrote");
            assertEquals(ceo.id, ceo.managerId);
            return new long[] {ann.id, bob.id};
        });
        assertEquals(Map.of("ann", "bob", "bob", "ann", "ceo", "ceo"), managers(engine));
        sessions.begin(session -> {
            RelEmployee ann = session.getOne(RelEmployee.class, ids[0]);
            assertEquals(ids[1], ann.manager.get().id);
            assertEquals(ann, ann.manager.get().manager.get());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCycleThroughANotNullKeyIsAnErrorNamingTableAndColumn(String db) {
        Engine engine = Databases.engine(db);
        SessionFactory sessions = fresh(engine);
        OrmException e = assertThrows(OrmException.class, () -> sessions.inTransaction(session -> {
            RelRingNode a = new RelRingNode("a");
            RelRingNode b = new RelRingNode("b");
            a.next.set(b);
            b.next.set(a);
            session.add(a);
            session.add(b);
            return null;
        }));
        assertTrue(e.getMessage().contains("rel_orm_ring_nodes") && e.getMessage().contains("next_id"), e.getMessage());
        try (Connection conn = engine.connect()) {
            assertEquals(0L, (long) conn.execute(select(count()).from(Mapper.table(RelRingNode.class))).scalarOne());
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
