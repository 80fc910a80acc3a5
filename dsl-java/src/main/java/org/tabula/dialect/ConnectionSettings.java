package org.tabula.dialect;

import java.time.Duration;

/**
 * What an engine's options say about the connections it opens, for the dialect to turn into
 * driver properties ({@link Dialect#driverProperties}).
 *
 * @param busyTimeout       how long SQLite waits for another connection's lock
 * @param sqliteJournalMode the journal mode of a SQLite database file ({@code WAL}, {@code DELETE}, ...)
 */
public record ConnectionSettings(Duration busyTimeout, String sqliteJournalMode) {
}
