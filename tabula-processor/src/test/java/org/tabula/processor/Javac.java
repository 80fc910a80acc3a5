package org.tabula.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles entity sources with the processor against dsl-java's classes, as a user's build would. */
final class Javac {

    /** The outcome of one compilation: success, the diagnostics, and where classes and generated sources went. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated) {

        String errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n"));
        }

        String generatedSource(String relativePath) throws IOException {
            return Files.readString(generated.resolve(relativePath));
        }

        ClassLoader loader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Javac() {
    }

    /** The shop entities of the test resources plus {@code extra} sources ({@code name -> text}). */
    static Result compileShop(Path work, String... extra) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(resource("/metamodel/shop"))) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            Path p = work.resolve("src").resolve(extra[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, extra[i + 1]);
            sources.add(p);
        }
        return compile(work, sources);
    }

    static Result compile(Path work, List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = Stream.of(org.tabula.orm.Mapper.class, org.jspecify.annotations.Nullable.class)
                .map(Javac::location).collect(Collectors.joining(java.io.File.pathSeparator));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-Xlint:all,-processing", "-classpath", classPath,
                    "-d", classes.toString(), "-s", generated.toString());
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new MetamodelProcessor()));
            boolean ok = task.call();
            return new Result(ok, diagnostics.getDiagnostics(), classes, generated);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Javac.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
