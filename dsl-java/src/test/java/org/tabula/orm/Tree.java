package org.tabula.orm;

/** Entities of the relationship unit tests. */
final class Tree {

    private Tree() {
    }

    /** Self-referential: parent (many-to-one) and children (one-to-many) on one table. */
    @Entity(table = "rel_unit_categories")
    static class Category {
        @Column(primaryKey = true, autoIncrement = true)
        public Long id;
        @Column(length = 40)
        public String name;
        @Column(references = Category.class, nullable = true)
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
        @Column(primaryKey = true, autoIncrement = true)
        public Long id;
        @Column(references = Category.class)
        public Long categoryId;
        @Column(length = 40)
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
