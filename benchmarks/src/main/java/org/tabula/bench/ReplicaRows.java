package org.tabula.bench;

import org.tabula.schema.Column;
import org.tabula.schema.Table;

/** The table ReplicaBenchmark reads: 1,000 rows written on the primary, read back on its replica. */
final class ReplicaRows extends Table {

    static final ReplicaRows REPLICA_ROWS = new ReplicaRows();

    final Column<Long> id = bigint("id").primaryKey();
    final Column<String> name = varchar("name", 50);

    private ReplicaRows() {
        super("bench_replica_rows");
    }
}
