package org.tabula.docs.javadoc;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the public methods and constructors of a source tree whose Javadoc has no
 * {@code <pre>{@code ...}</pre>} example.
 *
 * <p>What needs an example: every public method and constructor (interface methods count as
 * public) of a public type, nested public types included. Exempt, by rule:
 * <ul>
 *   <li>methods without a comment of their own, or whose comment is {@code {@inheritDoc}}: they show
 *       the documentation, and the example, of the method they override;</li>
 *   <li>{@code equals}, {@code hashCode} and {@code toString};</li>
 *   <li>{@code @Deprecated} methods: their {@code @deprecated} tag names the replacement, which has one;</li>
 *   <li>the {@code visit...} methods of {@code SqlVisitor} and of the renderers implementing it: each
 *       is called by one node's {@code accept}, and the interface's example shows how a renderer
 *       implements one;</li>
 *   <li>the accessors and the canonical constructor of a record (the record's own example shows its
 *       components), and the
 *       elements of an annotation type (the annotation's example shows them);</li>
 *   <li>the members of a type whose own Javadoc starts its example with
 *       {@code // not compiled:} are still checked: the marker exempts nothing.</li>
 * </ul>
 */
final class JavadocCoverage {

    /**
     * A method or constructor without an example.
     *
     * @param packageName its package
     * @param where file:line
     * @param name {@code Type.method}
     */
    record Missing(String packageName, String where, String name) {
    }

    /** The visitor and its renderers: each visit method is called by one node's accept; SqlVisitor's example shows one. */
    private static final Set<String> VISITORS = Set.of("SqlVisitor", "SqlRenderer", "SqliteRenderer", "MySqlRenderer",
            "PostgresRenderer");

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    /** The packages of a source tree, by their directories. */
    static java.util.SortedSet<String> packages(Path sourceRoot) throws IOException {
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            return walk.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> sourceRoot.relativize(p.getParent()).toString().replace('/', '.').replace('\\', '.'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    static List<Missing> find(Path sourceRoot) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
                    .sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Missing> missing = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String file = sourceRoot.relativize(Path.of(unit.getSourceFile().toUri())).toString().replace('\\', '/');
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                new Scanner(docs, unit, file, pkg, missing).scan(unit, null);
            }
        }
        return missing;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final String file;
        private final String pkg;
        private final List<Missing> missing;

        Scanner(DocTrees docs, CompilationUnitTree unit, String file, String pkg, List<Missing> missing) {
            this.docs = docs;
            this.unit = unit;
            this.file = file;
            this.pkg = pkg;
            this.missing = missing;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!isPublic(type.getModifiers(), getCurrentPath().getParentPath())) {
                return null;
            }
            return super.visitClass(type, unused);
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            TreePath path = getCurrentPath();
            ClassTree owner = (ClassTree) path.getParentPath().getLeaf();
            if (!isPublic(method.getModifiers(), path.getParentPath()) || exempt(method, owner) || deprecated(method)) {
                return null;
            }
            DocCommentTree doc = docs.getDocCommentTree(path);
            if (doc == null) {
                return null;
            }
            String text = doc.toString();
            if (text.contains("{@inheritDoc}") || text.contains(JavadocBlocks.OPEN)) {
                return null;
            }
            long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, method));
            String name = owner.getSimpleName() + "." + (method.getName().contentEquals("<init>") ? "<init>" : method.getName());
            missing.add(new Missing(pkg, file + ":" + line, name));
            return null;
        }

        private static boolean deprecated(MethodTree method) {
            return method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().endsWith("Deprecated"));
        }

        private static boolean exempt(MethodTree method, ClassTree owner) {
            String name = method.getName().toString();
            if (OBJECT_METHODS.contains(name) || owner.getKind() == Tree.Kind.ANNOTATION_TYPE
                    || (VISITORS.contains(owner.getSimpleName().toString()) && name.startsWith("visit"))) {
                return true;
            }
            long components = owner.getMembers().stream().filter(m -> m.getKind() == Tree.Kind.VARIABLE
                    && !((com.sun.source.tree.VariableTree) m).getModifiers().getFlags().contains(Modifier.STATIC)).count();
            if (owner.getKind() == Tree.Kind.RECORD && name.equals("<init>") && method.getParameters().size() == components) {
                return true;
            }
            if (owner.getKind() == Tree.Kind.RECORD && method.getParameters().isEmpty()) {
                return owner.getMembers().stream().anyMatch(m -> m.getKind() == Tree.Kind.VARIABLE
                        && ((com.sun.source.tree.VariableTree) m).getName().contentEquals(name)
                        && !((com.sun.source.tree.VariableTree) m).getModifiers().getFlags().contains(Modifier.STATIC));
            }
            return false;
        }

        /** Public, or a member of an interface or annotation type (implicitly public) that is not private. */
        private static boolean isPublic(ModifiersTree modifiers, TreePath enclosing) {
            if (modifiers.getFlags().contains(Modifier.PUBLIC)) {
                return true;
            }
            Tree parent = enclosing.getLeaf();
            return parent instanceof ClassTree c
                    && (c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE)
                    && !modifiers.getFlags().contains(Modifier.PRIVATE);
        }
    }

    private JavadocCoverage() {
    }
}
