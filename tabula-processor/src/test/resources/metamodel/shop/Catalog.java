package shop;

import java.math.BigDecimal;
import java.time.Instant;
import org.tabula.orm.Column;
import org.tabula.orm.Entity;

/** Nested entities, a record read model, and classes that get no metamodel. */
public final class Catalog {
    @Entity(table = "catalog_items")
    public static class Item {
        @Column(primaryKey = true, autoIncrement = true) public Long id;
        @Column(precision = 10, scale = 2) public BigDecimal price;
        @Column(nullable = true) public Instant soldAt;
    }

    @Entity(table = "catalog_items")
    public record ItemView(@Column(primaryKey = true) Long id, BigDecimal price) {
    }

    @Entity
    private static class Hidden {
        @Column(primaryKey = true) Long id;
    }

    @Entity
    public abstract static class Base {
        @Column(primaryKey = true) public Long id;
    }
}
