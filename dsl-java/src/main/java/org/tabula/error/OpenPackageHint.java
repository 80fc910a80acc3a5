package org.tabula.error;

/**
 * The advice in an error about a user's class that Tabula may not reflect on (an entity's fields,
 * a record's constructor): which package to open, to which module, and how. Tabula's jar is the
 * automatic module {@code org.tabula} on the module path, and part of the unnamed module on the
 * class path; the advice names whichever this run has.
 *
 * <pre>{@code
 * throw new OrmException("cannot access field User.name" + OpenPackageHint.of(User.class), e);
 * // " (open its package to Tabula: add 'opens com.example.model to org.tabula;' to module-info.java of com.example)"
 * }</pre>
 */
public final class OpenPackageHint {

    private OpenPackageHint() {
    }

    /**
     * The advice for {@code type}, starting with a space, or "" when nothing stops Tabula.
     *
     * <pre>{@code
     * String hint = OpenPackageHint.of(User.class);   // how to open the entity's package, or "" when it is open
     * }</pre>
     *
     * @param type the class Tabula could not read: {@code OpenPackageHint.of(User.class)}
     * @return the advice, naming its package and the module to open it to
     */
    public static String of(Class<?> type) {
        return of(type, OpenPackageHint.class.getModule());
    }

    /** The advice for {@code type} when Tabula's classes are in {@code tabula}. */
    static String of(Class<?> type, Module tabula) {
        Module owner = type.getModule();
        String pkg = type.getPackageName();
        if (tabula.isNamed()) {
            return " (open its package to Tabula: add 'opens " + pkg + " to " + tabula.getName() + ";' to module-info.java"
                    + (owner.isNamed() ? " of " + owner.getName() : "") + ")";
        }
        if (owner.isNamed()) {
            return " (open its package to Tabula, which is on the class path: add 'opens " + pkg + ";' to module-info.java of "
                    + owner.getName() + ", or run with --add-opens " + owner.getName() + "/" + pkg + "=ALL-UNNAMED)";
        }
        return "";
    }
}
