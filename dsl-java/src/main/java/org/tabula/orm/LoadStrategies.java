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
        Map<RelationshipAttribute, Loading> strategy = new LinkedHashMap<>();
        for (RelationshipAttribute r : mapping.relationships()) {
            strategy.put(r, r.loading());
        }
        for (LoadOption o : options) {
            RelationshipAttribute r = mapping.relationship(o.head());
            LoadOption tail = o.tail();
            if (tail == null) {
                strategy.put(r, o.loading());
            } else {
                if (strategy.get(r) == Loading.SELECT || strategy.get(r) == Loading.RAISE) {
                    strategy.put(r, Loading.SELECT_IN);
                }
                nested.computeIfAbsent(r, k -> new ArrayList<>()).add(tail);
            }
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

    /** The options further down the path through {@code r} ({@code selectIn("roles.permissions")}). */
    List<LoadOption> nested(RelationshipAttribute r) {
        return nested.getOrDefault(r, List.of());
    }
}
