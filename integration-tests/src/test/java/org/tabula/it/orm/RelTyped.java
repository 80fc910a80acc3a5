package org.tabula.it.orm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tabula.orm.MappedColumn;
import org.tabula.orm.Entity;

/** Every column type an entity field can have (ARRAY fields live in {@link RelArrays}, PostgreSQL only). */
@Entity(table = "rel_orm_typed")
public class RelTyped {

    public enum Status { DRAFT, PUBLISHED, ARCHIVED }

    public enum Mood {
        HAPPY("h"), SAD("s");

        private final String code;

        Mood(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public enum Priority { LOW, HIGH }

    public record Settings(String theme, int fontSize, List<String> plugins) {
    }

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(serverDefault = "DRAFT")
    public Status status;

    @MappedColumn(nullable = true, enumByValue = "code")
    public Mood mood;

    @MappedColumn(nullable = true, nativeEnum = "rel_orm_priority")
    public Priority priority;

    @MappedColumn(json = true, nullable = true)
    public Map<String, Object> attributes;

    @MappedColumn(json = true, nullable = true)
    public Settings settings;

    @MappedColumn(json = true, nullable = true)
    public List<Object> history;

    @MappedColumn(nullable = true)
    public Instant at;

    @MappedColumn(nullable = true)
    public LocalDateTime local;

    @MappedColumn(nullable = true)
    public LocalDate day;

    @MappedColumn(nullable = true)
    public UUID uuid;

    @MappedColumn(nullable = true, precision = 30, scale = 10)
    public BigDecimal amount;

    @MappedColumn(nullable = true)
    public byte[] data;

    @MappedColumn(nullable = true, text = true)
    public String text;

    @MappedColumn(nullable = true)
    public Boolean flag;

    @MappedColumn(nullable = true)
    public Double ratio;

    @MappedColumn(nullable = true)
    public Long big;
}
