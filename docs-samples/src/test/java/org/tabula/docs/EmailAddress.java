package org.tabula.docs;

import org.tabula.type.ConvertedType;
import org.tabula.type.SqlTypes;

// tag::email-type[]
public record EmailAddress(String value) {

    /** Stored as VARCHAR(254), used as an EmailAddress everywhere in the application. */
    public static final ConvertedType<EmailAddress, String> TYPE = SqlTypes.converted(
            SqlTypes.varchar(254), EmailAddress.class, EmailAddress::new, EmailAddress::value);

    public EmailAddress {
        if (!value.contains("@")) {
            throw new IllegalArgumentException("not an email address: " + value);
        }
    }
}
// end::email-type[]
