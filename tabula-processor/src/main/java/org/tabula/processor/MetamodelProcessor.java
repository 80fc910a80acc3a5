package org.tabula.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates a metamodel class for every {@code @org.tabula.orm.Entity} class: {@code User_} beside
 * {@code User} (a nested {@code Shop.User} gets {@code Shop_User_}), with one typed handle per
 * attribute, named like the field.
 *
 * <pre>{@code
 * @Entity public class User extends Model {
 *     @MappedColumn(length = 50) public String name;
 *     @MappedColumn(nullable = true) public Integer age;
 *     @Relationship(backPopulates = "author") public final RelatedList<Post> posts = new RelatedList<>(this);
 * }
 * // generated:
 * public final class User_ {
 *     public static final Column<Long> id = ...;                     // inherited from Model
 *     public static final Column<String> name = ...;
 *     public static final Column<java.lang.@Nullable Integer> age = ...;
 *     public static final Relation<User, Post> posts = ...;
 * }
 * session.select(User.class).where(User_.name.startsWith("a")).options(selectIn(User_.posts)).all();
 * }</pre>
 *
 * <p>The processor decides only the static types, from the field declarations the way the runtime
 * mapper reads them (superclass fields, {@code @Transient} and {@code transient} skipped,
 * {@code Lazy<V>} is a {@code V} column, primitives boxed, {@code Ref}/{@code RelatedList} fields are
 * relationships, nullability from {@code @MappedColumn(nullable)}, also as a meta-annotation). The handles
 * themselves come from the runtime mapping ({@code org.tabula.orm.Metamodel}), which checks at class
 * initialisation that it agrees with these types. Classes the runtime cannot map (private or local
 * classes, abstract ones) get no metamodel; the build never fails because of an entity.
 */
@SupportedAnnotationTypes(MetamodelProcessor.ENTITY)
public final class MetamodelProcessor extends AbstractProcessor {

    static final String ENTITY = "org.tabula.orm.Entity";
    private static final String COLUMN = "org.tabula.orm.MappedColumn";
    private static final String TRANSIENT = "org.tabula.orm.Transient";
    private static final String LAZY = "org.tabula.orm.Lazy";
    private static final String REF = "org.tabula.orm.Ref";
    private static final String RELATED_LIST = "org.tabula.orm.RelatedList";

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement entity = processingEnv.getElementUtils().getTypeElement(ENTITY);
        if (entity == null) {
            return false;
        }
        for (Element e : round.getElementsAnnotatedWith(entity)) {
            if (e instanceof TypeElement type && mappable(type)) {
                try {
                    write(type);
                } catch (IOException ex) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            "cannot write the metamodel of " + type.getQualifiedName() + ": " + ex, type);
                }
            }
        }
        return false;
    }

    /** Only classes the generated code can name and the runtime can instantiate. */
    private boolean mappable(TypeElement type) {
        if ((type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD)
                || type.getModifiers().contains(Modifier.ABSTRACT)) {
            return false;
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)
                    || t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
                        "no metamodel for " + type.getQualifiedName() + ": it is private or local", type);
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- model

    /** A handle to generate: a column ({@code target == null}) or a relationship. */
    private record Handle(String name, String valueType, String valueClass, boolean nullable,
                          String target, boolean toMany) {
    }

    private List<Handle> handles(TypeElement entity) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        for (TypeElement c = entity; c != null; c = superclass(c)) {
            String n = c.getQualifiedName().toString();
            if (n.equals("java.lang.Object") || n.equals("java.lang.Record")) {
                break;
            }
            chain.push(c);    // superclass fields first, as the mapper lists them
        }
        DeclaredType owner = (DeclaredType) entity.asType();
        List<Handle> out = new ArrayList<>();
        List<Handle> relationships = new ArrayList<>();
        for (TypeElement c : chain) {
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                Set<Modifier> mods = f.getModifiers();
                if (mods.contains(Modifier.STATIC)) {
                    continue;
                }
                TypeMirror type = processingEnv.getTypeUtils().asMemberOf(owner, f);
                String raw = erasedName(type);
                if (raw.equals(REF) || raw.equals(RELATED_LIST)) {
                    Handle r = relationship(entity, f, type, raw.equals(RELATED_LIST));
                    if (r != null) {
                        relationships.add(r);
                    }
                    continue;
                }
                if (mods.contains(Modifier.TRANSIENT) || annotation(f, TRANSIENT) != null) {
                    continue;
                }
                if (raw.equals(LAZY)) {
                    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
                    if (args.isEmpty()) {
                        warn(f, "declare the value type of the Lazy field, e.g. Lazy<String>; no metamodel handle");
                        continue;
                    }
                    type = args.get(0);
                }
                if (type.getKind().isPrimitive()) {
                    type = processingEnv.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) type).asType();
                }
                out.add(new Handle(f.getSimpleName().toString(), typeName(type), erasedName(type), nullable(f), null, false));
            }
        }
        out.addAll(relationships);
        return out;
    }

    private Handle relationship(TypeElement entity, VariableElement f, TypeMirror type, boolean toMany) {
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
            warn(f, "declare the related class of the relationship, e.g. RelatedList<Post>; no metamodel handle");
            return null;
        }
        return new Handle(f.getSimpleName().toString(), null, null, false, erasedName(args.get(0)), toMany);
    }

    private TypeElement superclass(TypeElement c) {
        TypeMirror s = c.getSuperclass();
        return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
    }

    /** {@code @MappedColumn(nullable = true)} on the field or on one of its annotations; primary keys never are. */
    private boolean nullable(VariableElement f) {
        AnnotationMirror column = annotation(f, COLUMN);
        if (column == null) {
            for (AnnotationMirror a : f.getAnnotationMirrors()) {
                column = annotation(a.getAnnotationType().asElement(), COLUMN);
                if (column != null) {
                    break;
                }
            }
        }
        if (column == null) {
            return false;
        }
        return bool(column, "nullable") && !bool(column, "primaryKey");
    }

    private boolean bool(AnnotationMirror a, String name) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                processingEnv.getElementUtils().getElementValuesWithDefaults(a);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return Boolean.TRUE.equals(e.getValue().getValue());
            }
        }
        return false;
    }

    private static AnnotationMirror annotation(Element e, String qualifiedName) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return a;
            }
        }
        return null;
    }

    private void warn(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, message, e);
    }

    // ---------------------------------------------------------------- source text

    /** Source spelling of a type: qualified names, type arguments kept, type variables erased. */
    private String typeName(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType d = (DeclaredType) type;
                StringBuilder s = new StringBuilder(((TypeElement) d.asElement()).getQualifiedName());
                if (!d.getTypeArguments().isEmpty()) {
                    s.append('<');
                    for (int i = 0; i < d.getTypeArguments().size(); i++) {
                        s.append(i == 0 ? "" : ", ").append(typeName(d.getTypeArguments().get(i)));
                    }
                    s.append('>');
                }
                return s.toString();
            }
            case ARRAY -> {
                return typeName(((ArrayType) type).getComponentType()) + "[]";
            }
            case WILDCARD -> {
                WildcardType w = (WildcardType) type;
                if (w.getExtendsBound() != null) {
                    return "? extends " + typeName(w.getExtendsBound());
                }
                return w.getSuperBound() != null ? "? super " + typeName(w.getSuperBound()) : "?";
            }
            case TYPEVAR -> {
                return typeName(processingEnv.getTypeUtils().erasure(type));
            }
            default -> {
                return type.toString();    // primitives (array components)
            }
        }
    }

    private String erasedName(TypeMirror type) {
        TypeMirror erased = processingEnv.getTypeUtils().erasure(type);
        if (erased.getKind() == TypeKind.ARRAY) {
            return erasedName(((ArrayType) erased).getComponentType()) + "[]";
        }
        if (erased.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
        }
        return erased.toString();
    }

    /** A nullable type argument: the annotation goes on the simple name ({@code java.lang.@Nullable Integer}, {@code byte @Nullable []}). */
    private static String nullableName(String typeName) {
        if (typeName.endsWith("[]")) {
            return typeName.substring(0, typeName.length() - 2) + " @Nullable []";
        }
        int args = typeName.indexOf('<');
        String head = args < 0 ? typeName : typeName.substring(0, args);
        int dot = head.lastIndexOf('.');
        return typeName.substring(0, dot + 1) + "@Nullable " + typeName.substring(dot + 1);
    }

    private void write(TypeElement entity) throws IOException {
        PackageElement pkg = processingEnv.getElementUtils().getPackageOf(entity);
        String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        String entityName = entity.getQualifiedName().toString();
        String simple = (packageName.isEmpty() ? entityName : entityName.substring(packageName.length() + 1)).replace('.', '_') + "_";
        boolean isPublic = true;
        for (Element e = entity; e instanceof TypeElement; e = e.getEnclosingElement()) {
            isPublic &= e.getModifiers().contains(Modifier.PUBLIC);
        }
        List<Handle> handles = handles(entity);
        StringBuilder s = new StringBuilder();
        if (!packageName.isEmpty()) {
            s.append("package ").append(packageName).append(";\n\n");
        }
        s.append("import javax.annotation.processing.Generated;\n")
                .append("import org.jspecify.annotations.NullMarked;\n")
                .append("import org.jspecify.annotations.Nullable;\n")
                .append("import org.tabula.orm.Metamodel;\n")
                .append("import org.tabula.orm.Relation;\n")
                .append("import org.tabula.schema.Column;\n\n")
                .append("/**\n * Typed handles on the attributes of {@link ").append(entityName).append("}: its table's columns\n")
                .append(" * for conditions and {@code filterBy}, its relationships for joins and load options.\n")
                .append(" * Generated from the class by tabula-processor; do not edit.\n */\n")
                .append("@Generated(\"").append(MetamodelProcessor.class.getName()).append("\")\n")
                .append("@NullMarked\n")
                .append(isPublic ? "public " : "").append("final class ").append(simple).append(" {\n");
        for (Handle h : handles) {
            s.append('\n');
            if (h.target() == null) {
                s.append("    /** Column of {@code ").append(h.name()).append("}").append(h.nullable() ? ", nullable" : "").append(". */\n")
                        .append("    public static final Column<").append(h.nullable() ? nullableName(h.valueType()) : h.valueType())
                        .append("> ").append(h.name()).append(" = Metamodel.column(").append(entityName).append(".class, \"")
                        .append(h.name()).append("\", ").append(h.valueClass()).append(".class, ").append(h.nullable()).append(");\n");
            } else {
                s.append("    /** Relationship {@code ").append(h.name()).append("} (").append(h.toMany() ? "to-many" : "to-one").append("). */\n")
                        .append("    public static final Relation<").append(entityName).append(", ").append(h.target()).append("> ")
                        .append(h.name()).append(" = Metamodel.relation(").append(entityName).append(".class, \"").append(h.name())
                        .append("\", ").append(h.target()).append(".class, ").append(h.toMany()).append(");\n");
            }
        }
        s.append("\n    private ").append(simple).append("() {\n    }\n}\n");
        String qualified = packageName.isEmpty() ? simple : packageName + "." + simple;
        try (Writer w = processingEnv.getFiler().createSourceFile(qualified, entity).openWriter()) {
            w.write(s.toString());
        }
    }
}
