package org.tabula.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabula.statement.Select;

/**
 * How one entity query loads each relationship of its entity: the mapping's default
 * ({@link Loading}) overridden by the query's {@link LoadOption}s, and the options further down
 * each path, for the objects loaded through it.
 */
final class LoadStrategies {

    final List<RelationshipAttribute> joined = new ArrayList<>();
    final List<RelationshipAttribute> selectIn = new ArrayList<>();
    final List<RelationshipAttribute> raise = new ArrayList<>();
    private final Map<RelationshipAttribute, List<LoadOption>> nested = new LinkedHashMap<>();

    LoadStrategies(EntityMapping<?> mapping, Select select, List<LoadOption> options) {
        this(mapping, select, options, true);
    }

    /**
     * The strategies of a query; with {@code mappingDefaults} false only its options count (a
     * stream: the mapping's eager defaults are not applied to streamed objects).
     */
    LoadStrategies(EntityMapping<?> mapping, Select select, List<LoadOption> options, boolean mappingDefaults) {
        Map<RelationshipAttribute, Loading> strategy = new LinkedHashMap<>();
        if (mappingDefaults) {
            for (RelationshipAttribute r : mapping.relationships()) {
                strategy.put(r, r.loading());
            }
        }
        // An undefer through a relationship: the last step's relationship is loaded select-in, the
        // column riding in its IN query; the steps before it are loaded eagerly, as a dotted path's are.
        Map<RelationshipAttribute, LoadOption> undeferredThrough = new LinkedHashMap<>();
        List<RelationshipAttribute> passedThrough = new ArrayList<>();
        Map<RelationshipAttribute, LoadOption> askedJoined = new LinkedHashMap<>();
        for (LoadOption o : options) {
            if (o.column() != null) {
                if (!o.undefersOwnColumn()) {
                    RelationshipAttribute r = mapping.relationship(o.head());
                    LoadOption tail = o.tail();
                    if (tail.isThrough()) {
                        passedThrough.add(r);
                    } else {
                        undeferredThrough.putIfAbsent(r, o);
                    }
                    nested.computeIfAbsent(r, k -> new ArrayList<>()).add(tail);
                }
                continue;      // undefer of the queried entity's own column: see Undeferred
            }
            RelationshipAttribute r = mapping.relationship(o.head());
            if (o.loading() == Loading.JOINED && o.tail() == null) {
                askedJoined.put(r, o);
            }
            LoadOption tail = o.tail();
            if (tail == null) {
                strategy.put(r, o.loading());
            } else {
                loadEagerly(strategy, r);
                nested.computeIfAbsent(r, k -> new ArrayList<>()).add(tail);
            }
        }
        for (Map.Entry<RelationshipAttribute, LoadOption> e : undeferredThrough.entrySet()) {
            LoadOption joinedOption = askedJoined.get(e.getKey());
            if (joinedOption != null) {
                throw new OrmException("load option " + e.getValue() + " loads " + e.getKey().qualifiedName()
                        + " select-in, with the column in its IN query, but " + joinedOption
                        + " asks for a join: use selectIn for it, or drop one of the two");
            }
            strategy.put(e.getKey(), Loading.SELECT_IN);
        }
        for (RelationshipAttribute r : passedThrough) {
            loadEagerly(strategy, r);
        }
        boolean limited = select.limit() != null || select.offset() != null;
        for (Map.Entry<RelationshipAttribute, Loading> e : strategy.entrySet()) {
            RelationshipAttribute r = e.getKey();
            switch (e.getValue()) {
                case JOINED:
                    if (r.isCollection() && limited) {
                        selectIn.add(r);     // a LIMIT would cut the joined rows of a collection
                    } else {
                        joined.add(r);
                    }
                    break;
                case SELECT_IN:
                    selectIn.add(r);
                    break;
                case RAISE:
                    raise.add(r);
                    break;
                default:
                    break;
            }
        }
    }

    /** A step of a longer path: loaded select-in unless it is loaded eagerly already (joined stays joined). */
    private static void loadEagerly(Map<RelationshipAttribute, Loading> strategy, RelationshipAttribute r) {
        Loading current = strategy.get(r);
        if (current == null || current == Loading.SELECT || current == Loading.RAISE) {
            strategy.put(r, Loading.SELECT_IN);
        }
    }

    /** Whether loading needs statements after the query's own (select-in, or joined loads run select-in per chunk of a stream). */
    boolean runsStatements() {
        return !selectIn.isEmpty() || !joined.isEmpty();
    }

    /** The options further down the path through {@code r} ({@code selectIn("roles.permissions")}). */
    List<LoadOption> nested(RelationshipAttribute r) {
        return nested.getOrDefault(r, List.of());
    }
}
