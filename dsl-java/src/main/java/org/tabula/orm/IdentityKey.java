package org.tabula.orm;

/** Identity (not equals) of an object, as a map key. */
record IdentityKey(Object o) {
    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityKey k && k.o == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(o);
    }
}
