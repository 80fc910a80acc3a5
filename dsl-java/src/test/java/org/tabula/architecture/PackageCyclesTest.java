package org.tabula.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tabula.Sql;

/**
 * Dependencies between the packages point one way: type &lt;- expr/schema/statement &lt;- dialect
 * &lt;- engine &lt;- orm. The only cycle allowed is the AST's own (expressions, tables and statements
 * refer to each other, and catalog reports to schema enums). Read from the compiled classes'
 * constant pools, so a dependency through a fully qualified name or a default method counts too.
 */
class PackageCyclesTest {

    /** The AST: nodes of these packages refer to each other by nature. */
    private static final Set<String> AST = Set.of("org.tabula.expr", "org.tabula.schema", "org.tabula.schema.inspect",
            "org.tabula.statement");

    private static final Pattern REFERENCE = Pattern.compile("org/tabula/((?:[a-z0-9_]+/)*)[A-Z]");

    @Test
    void noPackageCycleBeyondTheAst() throws IOException, URISyntaxException {
        Map<String, Map<String, String>> graph = dependencies();
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1 && !AST.containsAll(component)) {
                cycles.add(component);
            }
        }
        StringBuilder why = new StringBuilder();
        for (Set<String> cycle : cycles) {
            why.append("\ncycle ").append(cycle).append(':');
            for (String from : cycle) {
                for (Map.Entry<String, String> to : graph.get(from).entrySet()) {
                    if (cycle.contains(to.getKey())) {
                        why.append("\n  ").append(from).append(" -> ").append(to.getKey()).append(" (")
                                .append(to.getValue()).append(')');
                    }
                }
            }
        }
        assertTrue(cycles.isEmpty(), "package cycles:" + why);
    }

    @Test
    void theLayersPointOneWay() throws IOException, URISyntaxException {
        Map<String, Map<String, String>> graph = dependencies();
        List<String> order = List.of("org.tabula.type", "org.tabula.expr", "org.tabula.dialect", "org.tabula.engine",
                "org.tabula.orm");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                String lower = order.get(i);
                String upper = order.get(j);
                String via = graph.getOrDefault(lower, Map.of()).get(upper);
                if (via != null) {
                    wrong.add(lower + " -> " + upper + " (" + via + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Package to the packages its classes refer to, each with one class that does, for the message. */
    private static Map<String, Map<String, String>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(Sql.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Map<String, String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String relative = classes.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
            if (!relative.startsWith("org.tabula")) {
                continue;
            }
            Map<String, String> out = graph.computeIfAbsent(relative, k -> new TreeMap<>());
            for (String text : utf8Constants(Files.readAllBytes(file))) {
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String path = m.group(1);
                    String target = path.isEmpty() ? "org.tabula" : "org.tabula." + path.substring(0, path.length() - 1).replace('/', '.');
                    if (!target.equals(relative)) {
                        out.putIfAbsent(target, file.getFileName().toString());
                    }
                }
            }
        }
        return graph;
    }

    /** The UTF-8 entries of a class file's constant pool: class names, descriptors and signatures. */
    private static List<String> utf8Constants(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> out, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, out, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            out.add(component);
        }
    }
}
