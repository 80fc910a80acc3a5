package org.tabula.docs.javadoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the {@code <pre>{@code ...}</pre>} blocks of the Javadoc comments under a source root. */
final class JavadocBlocks {

    static final String OPEN = "<pre>{@code";
    static final String CLOSE = "}</pre>";
    private static final Pattern COMMENT_PREFIX = Pattern.compile("^\\s*\\* ?");

    /**
     * One example.
     *
     * @param file the source file, relative to the source root
     * @param firstLine the 1-based line of the file where the block's first code line is
     * @param lines the code, without the comment's leading {@code *}
     */
    record Block(String file, int firstLine, List<String> lines) {
        String where() {
            return file + ":" + firstLine;
        }
    }

    static List<Block> read(Path sourceRoot) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            String name = sourceRoot.relativize(file).toString().replace('\\', '/');
            blocks.addAll(read(name, Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return blocks;
    }

    static List<Block> read(String name, List<String> source) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            int open = source.get(i).indexOf(OPEN);
            if (open < 0) {
                continue;
            }
            String rest = source.get(i).substring(open + OPEN.length());
            int close = rest.indexOf(CLOSE);
            if (close >= 0) {
                blocks.add(new Block(name, i + 1, List.of(rest.substring(0, close).trim())));
                continue;
            }
            List<String> lines = new ArrayList<>();
            int first = i + 2;
            if (!rest.isBlank()) {
                lines.add(rest.trim());
                first = i + 1;
            }
            for (i++; i < source.size(); i++) {
                String line = COMMENT_PREFIX.matcher(source.get(i)).replaceFirst("");
                int end = line.indexOf(CLOSE);
                if (end >= 0) {
                    if (!line.substring(0, end).isBlank()) {
                        lines.add(line.substring(0, end));
                    }
                    break;
                }
                lines.add(line);
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            blocks.add(new Block(name, first, lines));
        }
        return blocks;
    }

    private JavadocBlocks() {
    }
}
