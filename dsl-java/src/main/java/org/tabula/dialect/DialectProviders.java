package org.tabula.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The dialect providers on the class path, loaded once: plug-ins first, the built-in dialects last. */
final class DialectProviders {

    static final List<DialectProvider> ALL = load();

    private DialectProviders() {
    }

    private static List<DialectProvider> load() {
        List<DialectProvider> out = new ArrayList<>();
        for (DialectProvider p : ServiceLoader.load(DialectProvider.class, DialectProvider.class.getClassLoader())) {
            if (!(p instanceof BuiltInDialects)) {
                out.add(p);
            }
        }
        out.add(new BuiltInDialects());
        return List.copyOf(out);
    }
}
