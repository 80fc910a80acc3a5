package org.tabula.schema;

/**
 * A database that tables can be created in, dropped from and reflected from: an {@code Engine}.
 * The seam that keeps {@code metadata.createAll(engine)} a convenience while {@code schema}
 * depends on nothing in {@code engine} (the engine implements this; the dependency points up).
 *
 * <pre>{@code
 * MetaData metadata = new MetaData(USERS, POSTS);
 * metadata.createAll(engine);          // engine.createAll(metadata)
 * MetaData reflected = MetaData.reflect(engine);
 * }</pre>
 */
public interface SchemaTarget {

    /**
     * Creates every table (and index, and native enum type) of {@code metaData} that does not exist yet.
     *
     * <pre>{@code
     * engine.createAll(new MetaData(USERS, POSTS));
     * }</pre>
     *
     * @param metaData the tables: {@code metadata.createAll(target)} calls this
     */
    void createAll(MetaData metaData);

    /**
     * Drops every table of {@code metaData} that exists, children before parents.
     *
     * <pre>{@code
     * engine.dropAll(new MetaData(USERS, POSTS));
     * }</pre>
     *
     * @param metaData the tables: {@code metadata.createAll(target)} calls this
     */
    void dropAll(MetaData metaData);

    /**
     * Tables built from what the database holds (see {@link MetaData#reflect}).
     *
     * <pre>{@code
     * MetaData existing = engine.reflect();
     * }</pre>
     *
     * @return tables built from what the database holds
     */
    MetaData reflect();
}
