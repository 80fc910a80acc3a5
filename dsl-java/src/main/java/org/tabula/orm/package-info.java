/**
 * The ORM: entity classes mapped to {@link org.tabula.schema.Table}s, and a {@link org.tabula.orm.Session}
 * (unit of work + identity map) that turns object changes into Core statements run through a
 * {@link org.tabula.engine.Connection}. Mapped at run time: no bytecode enhancement, no SQL text
 * built here. The only generated code is optional: the {@code tabula-processor} annotation
 * processor writes a typed metamodel ({@code User_.name}, {@code User_.posts}) whose handles
 * come from the runtime mapping through {@link org.tabula.orm.Metamodel}.
 *
 * <ul>
 *   <li>{@link org.tabula.orm.Entity} / {@link org.tabula.orm.MappedColumn} / {@link org.tabula.orm.Model}:
 *       declarative mapping; the table is built from the fields. {@link org.tabula.orm.Mapper#map}
 *       maps a class onto an existing Core table by naming convention ({@link org.tabula.orm.Naming}).</li>
 *   <li>{@link org.tabula.orm.EntityMapping} and {@link org.tabula.orm.Attribute}: the attribute model
 *       ({@link org.tabula.orm.ColumnAttribute}, {@link org.tabula.orm.RelationshipAttribute}).</li>
 *   <li>{@link org.tabula.orm.Relationship}, {@link org.tabula.orm.Ref}, {@link org.tabula.orm.RelatedList},
 *       {@link org.tabula.orm.Cascade}, {@link org.tabula.orm.Loading}, {@link org.tabula.orm.LoadOption},
 *       {@link org.tabula.orm.Relation} (typed handles):
 *       many-to-one, one-to-many, one-to-one and many-to-many relationships with back references,
 *       cascades, and lazy / joined / select-in loading.</li>
 *   <li>{@link org.tabula.orm.Metamodel}: the runtime side of the generated {@code User_} classes.</li>
 *   <li>{@link org.tabula.orm.SessionFactory} / {@link org.tabula.orm.Session} /
 *       {@link org.tabula.orm.EntityQuery}: sessions, flush, queries.</li>
 *   <li>{@link org.tabula.orm.Lazy} / {@link org.tabula.orm.LazyLoader}: attributes that load on
 *       access (deferred columns today), failing with {@link org.tabula.orm.DetachedInstanceException}
 *       on detached objects.</li>
 * </ul>
 *
 * <pre>{@code
 * @Entity public class User extends Model { @MappedColumn(length = 50) public String name; }
 *
 * SessionFactory sessions = SessionFactory.of(engine);
 * sessions.begin(session -> {
 *     User ann = new User();
 *     ann.name = "ann";
 *     session.add(ann);
 * });
 * }</pre>
 */
@NullMarked
package org.tabula.orm;

import org.jspecify.annotations.NullMarked;
