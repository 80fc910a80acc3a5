package org.tabula.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.error.TabulaException;

class TableOrderTest {

    @Test
    void parentsComeFirstAndIndependentTablesKeepTheirOrder() {
        Table users = new Table("users");
        Column<Long> userId = users.bigint("id").primaryKey();
        Table posts = new Table("posts");
        posts.bigint("id").primaryKey();
        posts.bigint("user_id").references(userId);
        Table tags = new Table("tags");
        tags.bigint("id").primaryKey();
        assertEquals(List.of(tags, users, posts), TableOrder.parentsFirst(List.of(tags, posts, users)));
    }

    @Test
    void aTableReferencingItselfIsNoCycle() {
        Table nodes = new Table("nodes");
        Column<Long> id = nodes.bigint("id").primaryKey();
        nodes.bigint("parent_id").nullable().references(id);
        assertEquals(List.of(nodes), TableOrder.parentsFirst(List.of(nodes)));
        assertEquals(List.of(nodes), new MetaData(nodes).sortedTables());
    }

    @Test
    void aCycleIsAnErrorNamingItsTables() {
        Table a = new Table("a");
        Column<Long> aId = a.bigint("id").primaryKey();
        Table b = new Table("b");
        Column<Long> bId = b.bigint("id").primaryKey();
        a.bigint("b_id").references(bId);
        b.bigint("a_id").references(aId);
        Table c = new Table("c");
        c.bigint("id").primaryKey();
        TabulaException e = assertThrows(TabulaException.class, () -> TableOrder.parentsFirst(List.of(c, a, b)));
        assertEquals("the foreign keys of tables a -> b -> a form a cycle: no order puts every table after the"
                + " tables it references", e.getMessage());
        e = assertThrows(TabulaException.class, () -> new MetaData(a, b).sortedTables());
        assertEquals("the foreign keys of tables a -> b -> a form a cycle: no order puts every table after the"
                + " tables it references", e.getMessage());
    }
}
