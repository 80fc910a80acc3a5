package shop;

import java.math.BigDecimal;
import java.time.Instant;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/** Nested entities, a record read model, and classes that get no metamodel. */
public final class Catalog {
    @Entity(table = "catalog_items")
    public static class Item {
        @MappedColumn(primaryKey = true, autoIncrement = true) public Long id;
        @MappedColumn(precision = 10, scale = 2) public BigDecimal price;
        @MappedColumn(nullable = true) public Instant soldAt;
    }

    @Entity(table = "catalog_items")
    public record ItemView(@MappedColumn(primaryKey = true) Long id, BigDecimal price) {
    }

    @Entity
    private static class Hidden {
        @MappedColumn(primaryKey = true) Long id;
    }

    @Entity
    public abstract static class Base {
        @MappedColumn(primaryKey = true) public Long id;
    }
}
