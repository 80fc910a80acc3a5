package org.tabula.type;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * The text and number forms of temporal values where a database has no type for them: SQLite
 * keeps dates and times as text ({@code 2024-01-31 12:34:56.123456}, which sorts correctly and
 * matches CURRENT_TIMESTAMP's shape), MySQL/MariaDB take timestamps as text without losing
 * fractional seconds, durations are microseconds outside PostgreSQL.
 */
final class TextForms {

    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    /** What SQLite and drivers hand back: a space or a {@code T}, optional seconds, fraction and {@code Z}. */
    static final DateTimeFormatter TIMESTAMP_PARSE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter();

    private TextForms() {
    }

    static LocalDateTime parseTimestamp(String s) {
        return LocalDateTime.parse(s, TIMESTAMP_PARSE);
    }

    static LocalTime parseTime(String s) {
        return LocalTime.parse(s);
    }

    /** Whole microseconds, truncated towards zero. */
    static long micros(Duration d) {
        Duration t = d.truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(t.getSeconds(), 1_000_000L), t.getNano() / 1000);
    }

    static Duration ofMicros(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    /** PostgreSQL interval input: the seconds, to the microsecond. */
    static String intervalText(Duration d) {
        return BigDecimal.valueOf(micros(d), 6).toPlainString() + " seconds";
    }

    /**
     * A PostgreSQL interval in its default output style ({@code 1 year 2 mons 3 days -04:05:06.5})
     * or pgjdbc's {@code PGInterval.toString()} ({@code 0 years 0 mons 3 days 4 hours 5 mins 6.5 secs}).
     * A month counts 30 days and a year 365.25 days, as PostgreSQL's {@code extract(epoch ...)} does.
     */
    static Duration parseInterval(String text) {
        String[] parts = text.trim().split("\\s+");
        BigDecimal seconds = BigDecimal.ZERO;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.indexOf(':') >= 0) {
                seconds = seconds.add(clock(p));
                continue;
            }
            if (i + 1 >= parts.length) {
                throw new IllegalArgumentException("not an interval: " + text);
            }
            BigDecimal n = new BigDecimal(p);
            String unit = parts[++i];
            long factor = unit.startsWith("year") ? 31_557_600L
                    : unit.startsWith("mon") ? 2_592_000L
                    : unit.startsWith("day") ? 86_400L
                    : unit.startsWith("hour") ? 3_600L
                    : unit.startsWith("min") ? 60L
                    : unit.startsWith("sec") ? 1L
                    : -1L;
            if (factor < 0) {
                throw new IllegalArgumentException("not an interval: " + text);
            }
            seconds = seconds.add(n.multiply(BigDecimal.valueOf(factor)));
        }
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    /** {@code [-]HH:MM:SS[.ffffff]} as seconds. */
    private static BigDecimal clock(String p) {
        boolean negative = p.startsWith("-");
        String[] hms = (negative || p.startsWith("+") ? p.substring(1) : p).split(":");
        BigDecimal s = BigDecimal.valueOf(Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60)
                .add(hms.length > 2 ? new BigDecimal(hms[2]) : BigDecimal.ZERO);
        return negative ? s.negate() : s;
    }
}
