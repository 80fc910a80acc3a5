package org.tabula.it.orm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tabula.orm.Column;
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

    @Column(primaryKey = true, autoIncrement = true)
    public Long id;

    @Column(serverDefault = "DRAFT")
    public Status status;

    @Column(nullable = true, enumByValue = "code")
    public Mood mood;

    @Column(nullable = true, nativeEnum = "rel_orm_priority")
    public Priority priority;

    @Column(json = true, nullable = true)
    public Map<String, Object> attributes;

    @Column(json = true, nullable = true)
    public Settings settings;

    @Column(json = true, nullable = true)
    public List<Object> history;

    @Column(nullable = true)
    public Instant at;

    @Column(nullable = true)
    public LocalDateTime local;

    @Column(nullable = true)
    public LocalDate day;

    @Column(nullable = true)
    public UUID uuid;

    @Column(nullable = true, precision = 30, scale = 10)
    public BigDecimal amount;

    @Column(nullable = true)
    public byte[] data;

    @Column(nullable = true, text = true)
    public String text;

    @Column(nullable = true)
    public Boolean flag;

    @Column(nullable = true)
    public Double ratio;

    @Column(nullable = true)
    public Long big;
}
