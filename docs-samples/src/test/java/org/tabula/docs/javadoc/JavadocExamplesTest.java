package org.tabula.docs.javadoc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code <pre>{@code ...}</pre>} example of dsl-java's Javadoc, so that the examples
 * cannot drift from the API.
 *
 * <p>Each block becomes one generated class {@code extends JavadocContext} (the names examples may use
 * without declaring them: {@code engine}, {@code conn}, {@code session}, {@code sessions}, the tables
 * {@code USERS}, {@code POSTS}, ..., the entities {@code User}, {@code Post}, ...), with every
 * {@code org.tabula} package imported and {@code org.tabula.Sql.*} imported statically. The rules:
 * <ul>
 *   <li>A block is split into paragraphs at blank lines outside braces. A paragraph whose first code line (after
 *       {@code //} comments) starts with an annotation, {@code class}, {@code record}, {@code enum},
 *       {@code interface}, {@code public}, {@code private}, {@code protected}, {@code static},
 *       {@code abstract} or {@code final} is a member of the generated class (a type or a field);
 *       (a top-level {@code class} of such a paragraph is compiled as a {@code static} nested class, so
 *       that it may create itself in a static field); every other paragraph is a sequence of statements, and the statement paragraphs of a block
 *       run in order in one method body (so a later paragraph sees the variables of an earlier one).</li>
 *   <li>A block whose first line is {@code // not compiled: why} is not compiled (SQL output,
 *       pseudo-code); the test counts and lists them.</li>
 *   <li>Leading {@code import} lines of a block are moved to the generated file's imports.</li>
 * </ul>
 * A block that does not compile fails the test with the file and line of its Javadoc.
 */
class JavadocExamplesTest {

    private static final String SOURCES = "dsl-java/src/main/java";
    private static final String NOT_COMPILED = "// not compiled:";
    private static final Pattern MEMBER_START = Pattern.compile(
            "^(@\\w|(class|record|enum|interface|public|private|protected|static|abstract|final)\\b).*");
    /** A class declared at the start of a line of a member paragraph: compiled as a static nested class. */
    private static final Pattern CLASS_DECLARATION = Pattern.compile(
            "^((?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|private|protected|final|abstract)\\s+)*)class\\s");
    private static final String GENERATED_PACKAGE = JavadocExamplesTest.class.getPackageName();

    private final Path root = Path.of(System.getProperty("docs.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyJavadocExampleCompiles() throws IOException {
        List<JavadocBlocks.Block> blocks = JavadocBlocks.read(root.resolve(SOURCES));
        List<JavadocBlocks.Block> skipped = new ArrayList<>();
        List<Generated> sources = new ArrayList<>();
        for (JavadocBlocks.Block block : blocks) {
            if (block.lines().isEmpty() || block.lines().get(0).trim().startsWith(NOT_COMPILED)) {
                skipped.add(block);
            } else {
                sources.add(generate(block, sources.size()));
            }
        }
        List<String> problems = compile(sources);
        System.out.println(sources.size() + " Javadoc examples compiled; " + skipped.size() + " marked not compiled:");
        skipped.forEach(b -> System.out.println("  " + b.where() + "  " + b.lines().get(0).trim()));
        if (!problems.isEmpty()) {
            fail(problems.size() + " Javadoc example error(s):\n" + String.join("\n", problems));
        }
        assertTrue(sources.size() > 300, "only " + sources.size() + " examples found: is " + SOURCES + " read?");
    }

    /**
     * In the packages listed in {@code tabula.javadoc.examples.packages} (docs-samples/pom.xml) every
     * public method and constructor has an example, but for the exemptions of {@link JavadocCoverage}.
     * The other packages are counted, so the test output shows what remains.
     */
    @Test
    void everyPublicMethodOfTheCompletePackagesHasAnExample() throws IOException {
        List<String> complete = List.of(System.getProperty("tabula.javadoc.examples.packages", "").split("\\s*,\\s*"));
        List<JavadocCoverage.Missing> missing = JavadocCoverage.find(root.resolve(SOURCES));
        TreeMap<String, Integer> remaining = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JavadocCoverage.Missing m : missing) {
            if (complete.contains(m.packageName())) {
                problems.add("  " + m.where() + ": " + m.name() + " has no <pre>{@code ...}</pre> example");
            } else {
                remaining.merge(m.packageName(), 1, Integer::sum);
            }
        }
        System.out.println("Public methods without an example, in the packages not yet checked: " + remaining);
        for (String pkg : JavadocCoverage.packages(root.resolve(SOURCES))) {
            if (!complete.contains(pkg)) {
                problems.add("  package " + pkg + " is not listed in tabula.javadoc.examples.packages (docs-samples/pom.xml)");
            }
        }
        if (Boolean.getBoolean("javadoc.examples.list")) {
            missing.forEach(m -> System.out.println("  " + m.where() + " " + m.name()));
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " public method(s) without an example, or package(s) not listed:\n"
                    + String.join("\n", problems));
        }
    }

    /** One generated compilation unit and where each of its lines came from. */
    record Generated(JavadocBlocks.Block block, String className, String source, TreeMap<Integer, Integer> lineToBlock) {
    }

    private static Generated generate(JavadocBlocks.Block block, int index) {
        String className = "Example" + index + "_" + block.file().replaceAll("\\W", "_");
        List<String> imports = new ArrayList<>();
        List<List<Integer>> paragraphs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int depth = 0;
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("import ")) {
                imports.add(line);
            } else if (line.isBlank() && depth == 0) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(i);
                depth += braceBalance(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        StringBuilder members = new StringBuilder();
        StringBuilder statements = new StringBuilder();
        List<int[]> memberLines = new ArrayList<>();
        List<int[]> statementLines = new ArrayList<>();
        for (List<Integer> paragraph : paragraphs) {
            boolean member = isMember(paragraph.stream().map(lines::get).toList());
            for (int i : paragraph) {
                String code = member ? CLASS_DECLARATION.matcher(lines.get(i)).replaceFirst("$1static class ") : lines.get(i);
                (member ? members : statements).append(code).append('\n');
                (member ? memberLines : statementLines).add(new int[] {i});
            }
        }
        StringBuilder src = new StringBuilder();
        TreeMap<Integer, Integer> map = new TreeMap<>();
        src.append("package ").append(GENERATED_PACKAGE).append(";\n");
        src.append(JavadocContext.IMPORTS);
        imports.forEach(i -> src.append(i).append('\n'));
        src.append("@SuppressWarnings(\"all\")\nabstract class ").append(className)
                .append(" extends JavadocContext {\n");
        int line = (int) src.chars().filter(c -> c == '\n').count() + 1;
        for (int[] l : memberLines) {
            map.put(line++, l[0]);
        }
        src.append(members);
        src.append("void example() throws Exception {\n");
        line++;
        for (int[] l : statementLines) {
            map.put(line++, l[0]);
        }
        src.append(statements).append("}\n}\n");
        return new Generated(block, className, src.toString(), map);
    }

    /** Opened minus closed braces of a line, outside string and char literals and line comments. */
    private static int braceBalance(String line) {
        int balance = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                balance++;
            } else if (c == '}') {
                balance--;
            }
        }
        return balance;
    }

    private static boolean isMember(List<String> paragraph) {
        for (String line : paragraph) {
            String code = line.trim();
            if (!code.startsWith("//")) {
                return MEMBER_START.matcher(code).matches();
            }
        }
        return false;
    }

    private static List<String> compile(List<Generated> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> problems = new ArrayList<>();
        Path out = Files.createTempDirectory("javadoc-examples");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            for (Generated g : sources) {
                units.add(new Source(g));
            }
            List<String> options = List.of("-proc:none", "-classpath", classPath(), "-d", out.toString(),
                    "-Xlint:none", "-nowarn", "-Xmaxerrs", "10000");
            javac.getTask(new StringWriter(), files, diagnostics, options, null, units).call();
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (d.getSource() instanceof Source s) {
                Generated g = s.generated;
                var entry = g.lineToBlock().floorEntry((int) d.getLineNumber());
                int blockLine = entry == null ? 0 : entry.getValue();
                problems.add("  " + g.block().file() + ":" + (g.block().firstLine() + blockLine) + ": "
                        + d.getMessage(Locale.ROOT).replace("\n", "\n      "));
            } else {
                problems.add("  " + d.getMessage(Locale.ROOT));
            }
        }
        return problems;
    }

    /** The test class path, unpacking surefire's manifest-only jar. */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String url : cp.trim().split("\\s+")) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static final class Source extends SimpleJavaFileObject {
        final Generated generated;

        Source(Generated generated) {
            super(URI.create("string:///" + GENERATED_PACKAGE.replace('.', '/') + "/" + generated.className() + ".java"),
                    Kind.SOURCE);
            this.generated = generated;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return generated.source();
        }
    }
}
