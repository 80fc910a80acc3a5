package org.tabula.it.orm;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.tabula.it.EmailAddress;
import org.tabula.orm.Entity;
import org.tabula.orm.MappedColumn;

/** The java.time, BigInteger and user-defined field types (EmailAddress through Mapper.registerType). */
@Entity(table = "nt_entities")
public class NtEntity {

    @MappedColumn(primaryKey = true, autoIncrement = true)
    public Long id;

    @MappedColumn(nullable = true)
    public LocalTime at;

    @MappedColumn(nullable = true)
    public OffsetDateTime odt;

    @MappedColumn(nullable = true)
    public ZonedDateTime zdt;

    @MappedColumn(nullable = true)
    public Duration took;

    @MappedColumn(nullable = true)
    public BigInteger big;

    @MappedColumn(nullable = true)
    public EmailAddress email;
}
