package org.tabula.docs.orm;

import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.tabula.docs.EmailAddress;
import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;

// tag::customer[]
@Entity(table = "customers")
public class Customer {
    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;
    public EmailAddress email;             // VARCHAR(254), once Mapper.registerType(EmailAddress.TYPE) ran
    @MappedColumn(nullable = true)
    public OffsetDateTime lastSeen;        // built-in: TIMESTAMP WITH TIME ZONE / DATETIME(6) / text, in UTC
    @MappedColumn(nullable = true)
    public Duration sessionLength;         // built-in: INTERVAL / BIGINT microseconds
    @MappedColumn(nullable = true)
    public BigInteger lifetimeTokens;      // built-in: NUMERIC(65, 0) / DECIMAL(65, 0) / text
}
// end::customer[]
