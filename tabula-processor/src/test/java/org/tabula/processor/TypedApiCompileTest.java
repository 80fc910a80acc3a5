package org.tabula.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the typed Core API lets through javac and what it refuses: a one-expression select types
 * its scalars, typed rows take their column's type, {@code setNull} needs no cast. (This module
 * already compiles user sources against dsl-java in its tests, so the checks live here.)
 */
class TypedApiCompileTest {

    private static final String SOURCE = """
            package use;
            import static org.tabula.Sql.*;
            import java.util.List;
            import org.tabula.engine.Connection;
            import org.tabula.schema.Column;
            import org.tabula.schema.Table;
            import org.tabula.statement.InsertRow;
            final class Users extends Table {
                static final Users USERS = new Users();
                final Column<Long> id = bigint("id").primaryKey().autoIncrement();
                final Column<String> name = varchar("name", 50);
                final Column<Integer> age = integer("age").nullable();
                private Users() { super("users"); }
            }
            class Use {
                Object q(Connection conn) {
                    Users USERS = Users.USERS;
                    %s
                }
            }
            """;

    @Test
    void typedFormsCompile(@TempDir Path work) throws Exception {
        Javac.Result ok = compile(work, """
                Long id = conn.execute(select(USERS.id).where(USERS.name.eq("ann"))).scalarOne();
                Long n = conn.execute(select(count()).from(USERS)).<Long>scalarOne();
                List<String> names = conn.execute(select(USERS.name).orderBy(USERS.name).limit(3)).scalars();
                Integer age = conn.execute(select(USERS.age)).scalarOneOrNull();
                long m = conn.execute(text("SELECT count(*) FROM users")).scalarOne(Long.class);
                conn.execute(insert(USERS).set(USERS.name, "ann").setNull(USERS.age));
                conn.execute(update(USERS).setNull(USERS.age).allRows());
                conn.execute(insert(USERS).values(row -> row.set(USERS.name, "a").set(USERS.age, null)));
                conn.execute(insert(USERS), InsertRow.batch(USERS, List.of("b", "c"), (row, s) -> row.set(USERS.name, s)));
                Object any = conn.execute(select(USERS.id, USERS.name)).<String>scalarOne();
                return List.of(id, n, names, m);
                """);
        assertTrue(ok.success(), ok.errors());
    }

    @Test
    void wrongTypesDoNotCompile(@TempDir Path work) throws Exception {
        Map<String, String> wrong = Map.of(
                "String s = conn.execute(select(USERS.id)).scalarOne(); return s;", "incompatible types",
                "List<Long> s = conn.execute(select(USERS.name)).scalars(); return s;", "incompatible types",
                "return InsertRow.of(USERS).set(USERS.age, \"x\");", "incompatible",
                "return insert(USERS).values(row -> row.set(USERS.id, \"x\"));", "incompatible");
        int i = 0;
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            Javac.Result r = compile(Files.createDirectories(work.resolve("case" + i++)), e.getKey());
            assertFalse(r.success(), e.getKey() + " compiled");
            assertTrue(r.errors().contains(e.getValue()), e.getKey() + ": " + r.errors());
        }
    }

    private static Javac.Result compile(Path work, String body) throws Exception {
        Path src = work.resolve("src/use/Use.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE.formatted(body));
        return Javac.compile(work, List.of(src));
    }
}
