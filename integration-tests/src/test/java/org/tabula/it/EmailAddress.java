package org.tabula.it;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.tabula.type.ConvertedType;
import org.tabula.type.DatabaseFamily;
import org.tabula.type.SqlType;
import org.tabula.type.SqlTypes;

/** A user-defined value type, stored as VARCHAR(254) through {@link #TYPE}. */
public record EmailAddress(String value) {

    /** The column type: a VARCHAR(254) read and written as an EmailAddress. */
    public static final ConvertedType<EmailAddress, String> TYPE = SqlTypes.converted(SqlTypes.varchar(254),
            EmailAddress.class, EmailAddress::new, EmailAddress::value);

    /** UUIDs in 16 bytes (BINARY(16) on MariaDB, BLOB on SQLite), native uuid on PostgreSQL. */
    public static final SqlType<UUID> UUID_BINARY = SqlTypes.converted(SqlTypes.BYTES, UUID.class,
                    EmailAddress::uuid, EmailAddress::bytes)
            .withSqlName(DatabaseFamily.MYSQL, "BINARY(16)")
            .on(DatabaseFamily.POSTGRESQL, SqlTypes.UUID_TYPE);

    public EmailAddress {
        if (!value.contains("@")) {
            throw new IllegalArgumentException("not an email address: " + value);
        }
    }

    static UUID uuid(byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static byte[] bytes(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}
