package org.tabula.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tabula.dialect.Dialect;
import org.tabula.schema.Index;
import org.tabula.schema.MetaData;
import org.tabula.schema.Table;
import org.tabula.schema.inspect.EnumTypeInfo;
import org.tabula.statement.CreateEnumType;
import org.tabula.statement.CreateIndex;
import org.tabula.statement.CreateTable;
import org.tabula.statement.DropEnumType;
import org.tabula.statement.DropTable;
import org.tabula.type.EnumType;

/** The engine's side of {@code MetaData.createAll/dropAll/reflect}: DDL in foreign-key order, through the dialect. */
final class SchemaCommands {

    private SchemaCommands() {
    }

    /** Creates every table and index that does not exist yet, in one transaction where the database allows. */
    static void createAll(Engine engine, MetaData metaData) {
        Dialect dialect = engine.dialect();
        engine.begin(conn -> {
            if (dialect.supportsNativeEnumTypes()) {
                for (EnumType<?> type : metaData.nativeEnumTypes()) {
                    boolean exists = false;
                    for (EnumTypeInfo existing : dialect.catalog().enumTypes(conn.jdbc())) {
                        exists |= existing.name().equals(type.nativeName());
                    }
                    if (!exists) {
                        conn.execute(new CreateEnumType(type));
                    }
                }
            }
            for (Table t : metaData.sortedTables()) {
                conn.execute(new CreateTable(t, true));
                for (Index index : t.indexes()) {
                    if (dialect.supportsCreateIndexIfNotExists()) {
                        conn.execute(new CreateIndex(index, true));
                    } else if (!dialect.catalog().indexExists(conn.jdbc(), t.name(), index.name())) {
                        conn.execute(new CreateIndex(index, false));
                    }
                }
            }
        });
    }

    /** Drops every table that exists, children before parents, then the native enum types. */
    static void dropAll(Engine engine, MetaData metaData) {
        List<Table> order = new ArrayList<>(metaData.sortedTables());
        Collections.reverse(order);
        engine.begin(conn -> {
            for (Table t : order) {
                conn.execute(new DropTable(t, true));
            }
            if (engine.dialect().supportsNativeEnumTypes()) {
                for (EnumType<?> type : metaData.nativeEnumTypes()) {
                    conn.execute(new DropEnumType(type));
                }
            }
        });
    }
}
