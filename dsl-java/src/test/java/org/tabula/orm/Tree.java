package org.tabula.orm;

/** Entities of the relationship unit tests. */
final class Tree {

    private Tree() {
    }

    /** Self-referential: parent (many-to-one) and children (one-to-many) on one table. */
    @Entity(table = "rel_unit_categories")
    static class Category {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(length = 40)
        public String name;
        @MappedColumn(references = Category.class, nullable = true)
        public Long parentId;
        @Relationship(foreignKey = "parentId", backPopulates = "children")
        public Ref<Category> parent;                          // not initialized: the ORM installs a holder
        @Relationship(foreignKey = "parentId", backPopulates = "parent", lazy = Loading.SELECT_IN, orderBy = "name")
        public RelatedList<Category> children = new RelatedList<>();   // no owner: bound when added or loaded

        Category() {
        }

        Category(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Entity(table = "rel_unit_items")
    static class Item {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        public Long id;
        @MappedColumn(references = Category.class)
        public Long categoryId;
        @MappedColumn(length = 40)
        public String label;
        @Relationship(lazy = Loading.RAISE)
        public final Ref<Category> category = new Ref<>(this);

        Item() {
        }

        Item(String label) {
            this.label = label;
        }
    }
}
