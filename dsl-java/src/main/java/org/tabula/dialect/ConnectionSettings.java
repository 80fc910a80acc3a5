package org.tabula.dialect;

import java.time.Duration;

/**
 * What an engine's options say about the connections it opens, for the dialect to turn into
 * driver properties ({@link Dialect#driverProperties}).
 *
 * <pre>{@code
 * var settings = new ConnectionSettings(Duration.ofSeconds(5), "WAL");
 * Dialect.SQLITE.driverProperties("jdbc:sqlite:app.db", settings);
 * // {foreign_keys=true, busy_timeout=5000, journal_mode=WAL}
 * }</pre>
 *
 * @param busyTimeout       how long SQLite waits for another connection's lock
 * @param sqliteJournalMode the journal mode of a SQLite database file ({@code WAL}, {@code DELETE}, ...)
 */
public record ConnectionSettings(Duration busyTimeout, String sqliteJournalMode) {
}
