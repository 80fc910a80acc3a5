package org.tabula.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identity map's table by key: lookups, replacement and removal in any order, growth and presizing. */
class IdentityMapTest {

    private static EntityState state(Object id) {
        EntityState s = new EntityState(null, new Object(), EntityState.Status.PERSISTENT);
        s.key(EntityKey.of(String.class, id));
        return s;
    }

    @Test
    void findsEveryKeyAfterRandomRemovals() {
        IdentityMap map = new IdentityMap();
        List<EntityState> states = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            EntityState s = state(i * 7);
            assertNull(map.putIfAbsent(s.key(), s));
            states.add(s);
        }
        Random random = new Random(42);
        List<EntityState> removed = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            EntityState s = states.remove(random.nextInt(states.size()));
            map.removeKey(s.key());
            removed.add(s);
        }
        for (EntityState s : states) {
            assertSame(s, map.byKey(EntityKey.of(String.class, s.key().single())));
        }
        for (EntityState s : removed) {
            assertNull(map.byKey(s.key()));
        }
        assertEquals(states.size(), map.keyed().size());
    }

    @Test
    void keysInAStrideThatCollideStayFindableAndRemovable() {
        IdentityMap map = new IdentityMap();
        List<EntityState> states = new ArrayList<>();
        for (long i = 0; i < 4_000; i++) {
            EntityState s = state(i << 20);     // the same low bits: one slot without scrambling
            assertNull(map.putIfAbsent(s.key(), s));
            states.add(s);
        }
        for (int i = 0; i < states.size(); i += 2) {
            map.removeKey(states.get(i).key());
        }
        for (int i = 0; i < states.size(); i++) {
            EntityState s = states.get(i);
            if (i % 2 == 0) {
                assertNull(map.byKey(s.key()));
            } else {
                assertSame(s, map.byKey(EntityKey.of(String.class, s.key().single())));
            }
        }
        assertEquals(2_000, map.keyed().size());
    }

    @Test
    void putIfAbsentKeepsTheHolderAndPutKeyReplacesIt() {
        IdentityMap map = new IdentityMap();
        EntityState first = state(1L);
        EntityState second = state(1L);
        assertNull(map.putIfAbsent(first.key(), first));
        assertSame(first, map.putIfAbsent(second.key(), second));
        assertSame(first, map.byKey(second.key()));
        map.putKey(second.key(), second);
        assertSame(second, map.byKey(first.key()));
        assertEquals(1, map.keyed().size());
    }

    @Test
    void reservedAndClearedTablesKeepWorking() {
        IdentityMap map = new IdentityMap();
        map.reserve(3_000);
        for (int i = 0; i < 3_000; i++) {
            EntityState s = state(i);
            map.putIfAbsent(s.key(), s);
        }
        assertEquals(3_000, map.keyed().size());
        map.clear();
        assertNull(map.byKey(EntityKey.of(String.class, 5)));
        EntityState s = state(5);
        map.putIfAbsent(s.key(), s);
        assertSame(s, map.byKey(EntityKey.of(String.class, 5)));
    }

    @Test
    void bareKeyValuesAndKeyObjectsFindEachOther() {
        EntityMapping<Tree.Category> mapping = Mapper.mapping(Tree.Category.class);
        IdentityMap map = new IdentityMap();
        List<EntityState> states = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            EntityState s = new EntityState(mapping, new Object(), EntityState.Status.PERSISTENT);
            if (i % 2 == 0) {
                s.keyValue(i);      // as a loaded row holds its key
            } else {
                s.key(EntityKey.of(Tree.Category.class, i));
            }
            assertNull(map.putIfAbsent(s));
            states.add(s);
        }
        EntityState again = new EntityState(mapping, new Object(), EntityState.Status.PERSISTENT);
        again.keyValue(4L);
        assertSame(states.get(4), map.putIfAbsent(again));
        again.keyValue(5L);
        assertSame(states.get(5), map.putIfAbsent(again));
        for (long i = 0; i < 1_000; i += 3) {
            map.removeKey(EntityKey.of(Tree.Category.class, i));
        }
        for (long i = 0; i < 1_000; i++) {
            EntityState found = map.byKey(EntityKey.of(Tree.Category.class, i));
            if (i % 3 == 0) {
                assertNull(found);
            } else {
                assertSame(states.get((int) i), found);
                assertEquals(EntityKey.of(Tree.Category.class, i), found.key());
            }
        }
        assertNull(map.byKey(EntityKey.of(Tree.Item.class, 1L)));     // the same value, another class
    }
}
