package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tabula.dialect.Dialect;
import org.tabula.schema.Column;
import org.tabula.schema.Table;
import org.tabula.statement.CreateTable;
import org.tabula.type.TypeKind;

class MapperTest {

    static {
        Shop.init();
    }

    @Test
    void namingConvention() {
        assertEquals("created_at", Naming.snakeCase("createdAt"));
        assertEquals("http_status", Naming.snakeCase("HTTPStatus"));
        assertEquals("address_line2", Naming.snakeCase("addressLine2"));
        assertEquals("users", Naming.tableName(User.class));
        assertEquals("categories", Naming.plural("category"));
        assertEquals("addresses", Naming.plural("address"));
        assertEquals("order_lines", Naming.tableName(OrderLine.class));
    }

    static class User {
    }

    static class OrderLine {
    }

    @Test
    void declarativeTableFromFields() {
        Table customers = Mapper.table(Shop.Customer.class);
        assertEquals("customers", customers.name());
        assertEquals(List.of("id", "created_at", "updated_at", "name", "age", "status"),
                customers.columns().stream().map(Column::name).toList(), "base class columns first, transient skipped");
        Column<?> id = customers.column("id");
        assertTrue(id.isPrimaryKey() && id.isAutoIncrement());
        assertEquals(TypeKind.BIGINT, id.type().kind());
        assertNotNull(customers.column("created_at").serverDefault());
        assertNotNull(customers.column("updated_at").defaultValue());
        assertNotNull(customers.column("updated_at").onUpdate());
        assertEquals(50, customers.column("name").type().length());
        assertTrue(customers.column("name").isUnique());
        assertTrue(customers.column("age").isNullable());
        assertFalse(customers.column("name").isNullable());

        Table orders = Mapper.table(Shop.Order.class);
        assertTrue(orders.column("id").isPrimaryKey(), "the @IntPk template applies");
        assertSame(customers, orders.column("customer_id").foreignKey().targetTable());
        assertEquals(TypeKind.INTEGER, orders.column("quantity").type().kind());

        String ddl = new CreateTable(orders, false).toSql(Dialect.POSTGRES).sql();
        assertTrue(ddl.contains("REFERENCES \"customers\""), ddl);
    }

    @Test
    void typedColumnsForCoreQueries() {
        Column<String> name = Mapper.column(Shop.Customer.class, "name");
        assertSame(Mapper.table(Shop.Customer.class), name.table());
        OrmException e = assertThrows(OrmException.class, () -> Mapper.column(Shop.Customer.class, "nope"));
        assertTrue(e.getMessage().contains("Customer") && e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void mappingOntoCoreTable() {
        EntityMapping<Shop.Pet> pets = Mapper.mapping(Shop.Pet.class);
        assertSame(Shop.Pets.PETS, pets.table());
        assertEquals("nick_name", pets.attribute("nick").column().name());
        assertEquals("owner_name", pets.attribute("ownerName").column().name());
        Shop.Pet pet = pets.instantiate(new Object[] {1L, "ann", "rex"});
        assertEquals("rex", pet.nick);

        EntityMapping<Shop.CustomerName> view = Mapper.mapping(Shop.CustomerName.class);
        assertTrue(view.isReadOnly());
        assertEquals("bob", view.instantiate(new Object[] {2L, "bob"}).name());
    }

    static class Stray {
        Long id;
        String missing;
    }

    @Test
    void mappingErrorsNameTheFieldAndTable() {
        OrmException e = assertThrows(OrmException.class, () -> Mapper.map(Stray.class, Shop.Pets.PETS));
        assertTrue(e.getMessage().contains("Stray.missing") && e.getMessage().contains("pets"), e.getMessage());
        OrmException unmapped = assertThrows(OrmException.class, () -> Mapper.mapping(String.class));
        assertTrue(unmapped.getMessage().contains("@Entity"), unmapped.getMessage());
    }
}
