package org.tabula.dialect;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Timestamps as text, {@code 2024-01-31 12:34:56.123456}: how SQLite stores them (it sorts
 * correctly as text and matches CURRENT_TIMESTAMP's shape) and how MySQL/MariaDB take them
 * without losing fractional seconds.
 */
final class TimestampText {

    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private TimestampText() {
    }
}
