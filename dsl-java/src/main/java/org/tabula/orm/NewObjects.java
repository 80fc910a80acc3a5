package org.tabula.orm;

import java.util.ArrayList;
import java.util.List;

/**
 * The new objects a session will INSERT at the next flush, in the order added: an insertion-ordered
 * set that hashes nothing. Each state remembers its slot ({@link EntityState#newIndex}), so
 * membership and removal are a field read and write; a removed state leaves a stale slot that
 * iteration skips, and the list is compacted when stale slots outnumber live ones. Adding 100,000
 * objects to a linked hash set cost an entry and an identity hash per object.
 */
final class NewObjects {

    private ArrayList<EntityState> slots = new ArrayList<>();
    private int live;

    boolean add(EntityState s) {
        if (s.newIndex >= 0) {
            return false;
        }
        s.newIndex = slots.size();
        slots.add(s);
        live++;
        return true;
    }

    boolean remove(EntityState s) {
        if (!unset(s)) {
            return false;
        }
        shrink();
        return true;
    }

    /** Empties the object's slot; false if it was not here. */
    private boolean unset(EntityState s) {
        int i = s.newIndex;
        if (i < 0) {
            return false;
        }
        s.newIndex = -1;
        slots.set(i, null);
        live--;
        return true;
    }

    /** Drops the slots once most are empty, so that a set emptied by removals does not keep its size. */
    private void shrink() {
        if (live == 0) {
            slots.clear();
        } else if (slots.size() > 64 && live < slots.size() / 2) {
            compact();
        }
    }

    boolean contains(EntityState s) {
        return s.newIndex >= 0;
    }

    int size() {
        return live;
    }

    boolean isEmpty() {
        return live == 0;
    }

    /** Room for {@code more} objects added at once. */
    void reserve(int more) {
        slots.ensureCapacity(slots.size() + more);
    }

    /** The objects, in the order added (a copy: the set may change while it is used). */
    List<EntityState> toList() {
        List<EntityState> out = new ArrayList<>(live);
        for (EntityState s : slots) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Forgets the objects of {@code written}: what a flush does with the objects it inserted (compacts once, at the end). */
    void removeAll(List<EntityState> written) {
        for (EntityState s : written) {
            unset(s);
        }
        shrink();
    }

    void clear() {
        for (EntityState s : slots) {
            if (s != null) {
                s.newIndex = -1;
            }
        }
        slots.clear();
        live = 0;
    }

    private void compact() {
        ArrayList<EntityState> kept = new ArrayList<>(Math.max(16, live * 2));
        for (EntityState s : slots) {
            if (s != null) {
                s.newIndex = kept.size();
                kept.add(s);
            }
        }
        slots = kept;
    }
}
