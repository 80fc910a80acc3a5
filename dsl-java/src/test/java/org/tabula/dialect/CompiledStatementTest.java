package org.tabula.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabula.Posts.POSTS;
import static org.tabula.Sql.delete;
import static org.tabula.Sql.insert;
import static org.tabula.Sql.select;
import static org.tabula.Sql.text;
import static org.tabula.Sql.update;
import static org.tabula.Users.USERS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.expr.Expression;
import org.tabula.statement.CreateTable;

/** Rendering says what executing needs: kind, target table, result columns, rows or not, row locks. */
class CompiledStatementTest {

    @Test
    void aQueryCarriesItsSelectedExpressions() {
        RenderedSql r = Dialect.SQLITE.render(select(USERS.id, USERS.name).from(USERS).where(USERS.age.gt(18)));
        assertEquals(StatementKind.QUERY, r.kind());
        assertEquals(List.<Expression<?>>of(USERS.id, USERS.name), r.columns());
        assertTrue(r.returnsRows());
        assertFalse(r.locksRows());
        assertNull(r.table());
        assertNull(r.context());
    }

    @Test
    void forUpdateLocksRowsAndForShareDoesNot() {
        assertTrue(Dialect.POSTGRES.render(select(USERS.id).from(USERS).forUpdate()).locksRows());
        assertFalse(Dialect.POSTGRES.render(select(USERS.id).from(USERS).forUpdate(org.tabula.statement.LockMode.SHARE)).locksRows());
    }

    @Test
    void aSubqueryDoesNotDescribeTheStatementAroundIt() {
        RenderedSql r = Dialect.SQLITE.render(update(POSTS).set(POSTS.title, "x")
                .where(POSTS.userId.in(select(USERS.id).from(USERS).where(USERS.age.gt(18)))));
        assertEquals(StatementKind.UPDATE, r.kind());
        assertEquals(POSTS, r.table());
        assertEquals(List.of(), r.columns());
        assertFalse(r.returnsRows());
        assertEquals("update posts", r.context());
    }

    @Test
    void dmlWithReturningReturnsItsColumns() {
        RenderedSql r = Dialect.POSTGRES.render(delete(USERS).where(USERS.id.eq(1L)).returning(USERS.name));
        assertEquals(StatementKind.DELETE, r.kind());
        assertEquals(List.<Expression<?>>of(USERS.name), r.columns());
        assertTrue(r.returnsRows());
        assertEquals("delete from users", r.context());
        RenderedSql i = Dialect.SQLITE.render(insert(USERS).set(USERS.name, "ann").set(USERS.age, 3));
        assertEquals(StatementKind.INSERT, i.kind());
        assertEquals("insert into users", i.context());
        assertFalse(i.returnsRows());
    }

    @Test
    void textAndDdl() {
        RenderedSql t = Dialect.SQLITE.render(text("SELECT 1"));
        assertEquals(StatementKind.TEXT, t.kind());
        assertTrue(t.returnsRows());
        RenderedSql ddl = Dialect.SQLITE.render(new CreateTable(USERS, true));
        assertEquals(StatementKind.OTHER, ddl.kind());
        assertFalse(ddl.returnsRows());
    }
}
