package org.tabula.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import java.util.function.Supplier;
import org.tabula.schema.Column;
import org.tabula.schema.ReferentialAction;
import org.tabula.schema.Table;

/** Entities of the ORM unit tests. */
final class Shop {

    private Shop() {
    }

    /** A reusable column definition. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @MappedColumn(primaryKey = true, autoIncrement = true)
    @interface IntPk {
    }

    public static final class RandomUuid implements Supplier<UUID> {
        @Override
        public UUID get() {
            return UUID.randomUUID();
        }
    }

    @Entity
    static class Customer extends Model {
        @MappedColumn(length = 50, unique = true)
        public String name;
        @MappedColumn(nullable = true)
        public Integer age;
        @MappedColumn(length = 20, serverDefault = "'active'")
        public String status;
        transient String scratch;

        Customer() {
        }

        Customer(String name) {
            this.name = name;
        }
    }

    @Entity(table = "orders")
    static class Order {
        @IntPk
        public Long id;
        @MappedColumn(references = Customer.class, onDelete = ReferentialAction.CASCADE)
        public Long customerId;
        @MappedColumn(length = 100)
        public String item;
        public int quantity;

        Order() {
        }

        Order(Long customerId, String item, int quantity) {
            this.customerId = customerId;
            this.item = item;
            this.quantity = quantity;
        }
    }

    @Entity
    static class Tag {
        @MappedColumn(primaryKey = true, defaultValue = RandomUuid.class)
        public UUID id;
        @MappedColumn(length = 30)
        public String label;

        Tag() {
        }

        Tag(String label) {
            this.label = label;
        }
    }

    /** Shaped like a Kotlin data class: final fields, one constructor taking them all, no no-arg constructor. */
    @Entity(table = "notes")
    static final class Note {
        @MappedColumn(primaryKey = true, autoIncrement = true)
        private final Long id;
        private final String text;

        Note(Long id, String text) {
            this.id = id;
            this.text = text;
        }

        Long id() {
            return id;
        }

        String text() {
            return text;
        }
    }

    /** A deferred column: bio is selected on first access. */
    @Entity
    static class Profile {
        @IntPk
        public Long id;
        @MappedColumn(length = 30)
        public String handle;
        @MappedColumn(text = true, nullable = true)
        public Lazy<String> bio = Lazy.of(null);
    }

    /** A composite primary key. */
    @Entity
    static class Membership {
        @MappedColumn(primaryKey = true)
        public Long customerId;
        @MappedColumn(primaryKey = true, length = 20)
        public String club;
        public int points;
    }

    /** A read model: a record over the customers table. */
    record CustomerName(Long id, String name) {
    }

    /** A Core table declared by hand. */
    static final class Pets extends Table {
        static final Pets PETS = new Pets();
        final Column<Long> id = bigint("id").primaryKey().autoIncrement();
        final Column<String> ownerName = varchar("owner_name", 50);
        final Column<String> nickName = varchar("nick_name", 50).nullable();

        private Pets() {
            super("pets");
        }
    }

    /** Mapped onto PETS by convention, with one override; no no-argument constructor (like a Kotlin data class). */
    static final class Pet {
        Long id;
        final String ownerName;
        String nick;

        Pet(Long id, String ownerName, String nick) {
            this.id = id;
            this.ownerName = ownerName;
            this.nick = nick;
        }
    }

    static {
        Mapper.map(Pet.class, Pets.PETS, java.util.Map.of("nick", "nick_name"));
        Mapper.map(CustomerName.class, Mapper.table(Customer.class));
    }

    static void init() {
        // runs the static mappings above
    }
}
