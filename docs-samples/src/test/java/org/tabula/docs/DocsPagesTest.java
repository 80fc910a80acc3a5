package org.tabula.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code on the pages under {@code docs/} equal to the compiled samples of this module.
 *
 * <p>A page includes a sample with a marker line followed by a fenced block:
 *
 * <pre>
 * &lt;!-- include: docs-samples/src/test/java/org/tabula/docs/StatementSamples.java#select --&gt;
 * ```java
 * ...the lines between // tag::select[] and // end::select[], unindented...
 * ```
 * </pre>
 *
 * The test fails when a block differs from its region (or the region is gone), and when a page
 * that takes part (any page under {@code docs/tutorial/}, or any page with an include marker) has
 * a {@code java} or {@code kotlin} block that is neither included nor marked
 * {@code <!-- not compiled: why -->}. With {@code -Ddocs.update=true} it rewrites the blocks from
 * the sources instead ({@code docs/update-samples.sh}).
 */
class DocsPagesTest {

    private static final Pattern INCLUDE = Pattern.compile("^\\s*<!-- include: (\\S+)#(\\S+) -->\\s*$");
    private static final Pattern NOT_COMPILED = Pattern.compile("^\\s*<!-- not compiled: .+ -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern TAG_LINE = Pattern.compile("(tag|end)::[\\w-]+\\[]");
    private static final String SAMPLES = "docs-samples/src/test/";

    private final Path root = Path.of(System.getProperty("docs.root", "..")).toAbsolutePath().normalize();
    private final boolean update = Boolean.getBoolean("docs.update");

    @Test
    void pagesShowTheCompiledSamples() throws IOException {
        List<String> problems = new ArrayList<>();
        int included = 0;
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            included += check(page, problems);
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " documentation sample(s) out of date or not compiled "
                    + "(bash docs/update-samples.sh rewrites the blocks from the sources):\n  "
                    + String.join("\n  ", problems));
        }
        assertTrue(included > 50, "the pages include " + included + " samples; the include markers are not read");
    }

    /** Checks (or rewrites) one page; returns how many samples it includes. */
    private int check(Path page, List<String> problems) throws IOException {
        String name = root.relativize(page).toString().replace('\\', '/');
        List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        boolean takesPart = name.startsWith("docs/tutorial/")
                || lines.stream().anyMatch(l -> INCLUDE.matcher(l).matches());
        boolean changed = false;
        int included = 0;
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                int open = i + 1;
                while (open < lines.size() && lines.get(open).isBlank()) {
                    open++;
                }
                Matcher fence = open < lines.size() ? FENCE.matcher(lines.get(open)) : null;
                if (fence == null || !fence.matches() || fence.group(2).isEmpty()) {
                    problems.add(name + ":" + (i + 1) + ": an include marker must be followed by a fenced block with a language");
                    continue;
                }
                int close = open + 1;
                while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                    close++;
                }
                if (close == lines.size()) {
                    problems.add(name + ":" + (open + 1) + ": the fenced block is not closed");
                    break;
                }
                List<String> expected;
                try {
                    expected = region(include.group(1), include.group(2));
                } catch (IllegalArgumentException e) {
                    problems.add(name + ":" + (i + 1) + ": " + e.getMessage());
                    i = close;
                    continue;
                }
                included++;
                String indent = fence.group(1);
                List<String> want = expected.stream().map(l -> l.isEmpty() ? "" : indent + l).toList();
                List<String> have = lines.subList(open + 1, close);
                if (!have.equals(want)) {
                    if (update) {
                        have.clear();
                        have.addAll(want);
                        close = open + 1 + want.size();
                        changed = true;
                    } else {
                        problems.add(name + ":" + (open + 2) + ": differs from " + include.group(1) + "#" + include.group(2)
                                + firstDifference(have, want));
                    }
                }
                previous = "";
                i = close;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches() && !fence.group(2).isEmpty()) {
                String language = fence.group(2);
                if (takesPart && (language.equals("java") || language.equals("kotlin"))
                        && !NOT_COMPILED.matcher(previous).matches()) {
                    problems.add(name + ":" + (i + 1) + ": a " + language + " block that is not included from "
                            + SAMPLES + " (or marked <!-- not compiled: why -->)");
                }
                while (i + 1 < lines.size() && !lines.get(i + 1).strip().equals("```")) {
                    i++;
                }
                i++;
                previous = "";
                continue;
            }
            if (!line.isBlank()) {
                previous = line;
            }
        }
        if (changed) {
            Files.write(page, lines, StandardCharsets.UTF_8);
        }
        return included;
    }

    /** The lines between {@code tag::name[]} and {@code end::name[]} of a sample source, unindented. */
    private List<String> region(String source, String tag) {
        if (!source.startsWith(SAMPLES)) {
            throw new IllegalArgumentException(source + " is not a compiled sample: samples live under " + SAMPLES);
        }
        Path file = root.resolve(source);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + source + " (" + e + ")");
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                end = i;
                break;
            }
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(source + " has no region " + tag + " (// tag::" + tag + "[] ... // end::" + tag + "[])");
        }
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(l -> !TAG_LINE.matcher(l).find())
                .map(String::stripTrailing)
                .toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static String firstDifference(List<String> have, List<String> want) {
        for (int i = 0; i < Math.max(have.size(), want.size()); i++) {
            String h = i < have.size() ? have.get(i) : "<end of block>";
            String w = i < want.size() ? want.get(i) : "<end of region>";
            if (!h.equals(w)) {
                return "\n      page:   " + h + "\n      source: " + w;
            }
        }
        return "";
    }

    static {
        // Fail loudly, not with an empty pass, when run from somewhere the docs are not.
        if (!Files.isDirectory(Path.of(System.getProperty("docs.root", "..")).resolve("docs"))) {
            throw new UncheckedIOException(new IOException("no docs/ under docs.root=" + System.getProperty("docs.root", "..")));
        }
    }
}
