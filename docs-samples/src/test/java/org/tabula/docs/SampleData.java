package org.tabula.docs;

import static org.tabula.Sql.insert;
import static org.tabula.docs.Addresses.ADDRESSES;
import static org.tabula.docs.Users.USERS;

import java.util.List;
import java.util.Map;
import org.tabula.engine.Engine;
import org.tabula.schema.MetaData;

/** The rows most samples start from: spongebob, sandy and patrick, with three addresses. */
final class SampleData {

    static Engine engine() {
        Engine engine = Engine.create("jdbc:sqlite::memory:");
        new MetaData(USERS, ADDRESSES).createAll(engine);
        engine.begin(conn -> {
            conn.execute(insert(USERS).columns(USERS.name, USERS.fullname)
                    .values("spongebob", "Spongebob Squarepants")
                    .values("sandy", "Sandy Cheeks")
                    .values("patrick", "Patrick Star"));
            conn.execute(insert(ADDRESSES), List.of(
                    Map.of("user_id", 1L, "email_address", "spongebob@sqlalchemy.org"),
                    Map.of("user_id", 2L, "email_address", "sandy@sqlalchemy.org"),
                    Map.of("user_id", 2L, "email_address", "sandy@squirrelpower.org")));
        });
        return engine;
    }

    private SampleData() {
    }
}
