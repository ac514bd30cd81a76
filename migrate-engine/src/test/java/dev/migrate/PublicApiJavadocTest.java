package dev.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every public type, method, constructor and constant of {@code dev.migrate} (the package users
 * import, not its subpackages) has a Javadoc with an example: a {@code <pre>} block, or inline code
 * that {@link JavadocExamplesTest} compiles. A member whose Javadoc or example is removed is named.
 * Overrides inherit their documentation and are not counted.
 */
class PublicApiJavadocTest {

    /** A public member and its Javadoc, {@code null} when it has none. */
    record Member(String name, String javadoc) {}

    @Test
    void everyPublicMemberOfTheApiHasAJavadocWithAnExample() throws IOException {
        List<Member> members = publicMembers();
        assertThat(members)
                .extracting(Member::name)
                .as("members found")
                .contains(
                        "Operations",
                        "Operations.addColumn",
                        "Ddl.column",
                        "Ddl.CASCADE",
                        "Migrator.DEFAULT_LOCK_RETRIES",
                        "MigrationListener.duringStep",
                        "Revision.id")
                .hasSizeGreaterThan(150);
        assertThat(members.stream()
                        .filter(m -> !hasExample(m.javadoc()))
                        .map(m -> m.name() + (m.javadoc() == null ? " (no Javadoc)" : " (no example)"))
                        .toList())
                .as("public members of dev.migrate without a Javadoc example")
                .isEmpty();
    }

    @Test
    void aJavadocWithoutAnExampleIsTold() {
        assertThat(hasExample(null)).isFalse();
        assertThat(hasExample("The revision id, or {@code null} when there is none."))
                .isFalse();
        assertThat(hasExample("Runs the {@code upgrade} method.")).isFalse();
        assertThat(hasExample("Drops a table: {@code op.dropTable(\"agents\")}."))
                .isTrue();
        assertThat(hasExample("Builds it.\n<pre>{@code\nMigrator.builder().build();\n}</pre>"))
                .isTrue();
    }

    /** A {@code <pre>} block, or inline code that reads as a call, as {@link JavadocExamplesTest} compiles it. */
    static boolean hasExample(@Nullable String javadoc) {
        if (javadoc == null) {
            return false;
        }
        return javadoc.contains("<pre>")
                || JavadocExamplesTest.inlineCode(javadoc).stream().anyMatch(JavadocExamplesTest::isExample);
    }

    private static List<Member> publicMembers() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Path> files = JavadocExamplesTest.apiSourceFiles();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> sources = fileManager.getJavaFileObjectsFromPaths(files);
            JavacTask task =
                    (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null, sources);
            DocTrees docs = DocTrees.instance(task);
            List<Member> members = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c && isPublic(c.getModifiers(), false)) {
                        collect(new TreePath(new TreePath(unit), c), "", docs, members);
                    }
                }
            }
            return members;
        }
    }

    /** The type at {@code path} and its public members, nested public types with theirs. */
    private static void collect(TreePath path, String outer, DocTrees docs, List<Member> members) {
        ClassTree type = (ClassTree) path.getLeaf();
        String name = outer + type.getSimpleName();
        members.add(new Member(name, docs.getDocComment(path)));
        boolean implicitlyPublic = type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
        for (Tree member : type.getMembers()) {
            TreePath at = new TreePath(path, member);
            if (member instanceof ClassTree nested && isPublic(nested.getModifiers(), implicitlyPublic)) {
                collect(at, name + ".", docs, members);
            } else if (member instanceof MethodTree method
                    && isPublic(method.getModifiers(), implicitlyPublic)
                    && !isOverride(method.getModifiers())) {
                String methodName = method.getName().contentEquals("<init>")
                        ? type.getSimpleName().toString()
                        : method.getName().toString();
                members.add(new Member(name + "." + methodName, docs.getDocComment(at)));
            } else if (member instanceof VariableTree field
                    && (isPublic(field.getModifiers(), implicitlyPublic) || isEnumConstant(type, field))) {
                members.add(new Member(name + "." + field.getName(), docs.getDocComment(at)));
            }
        }
    }

    /** Public as written, or as an interface's or annotation's member that is not private. */
    private static boolean isPublic(ModifiersTree modifiers, boolean implicitlyPublic) {
        return modifiers.getFlags().contains(Modifier.PUBLIC)
                || (implicitlyPublic && !modifiers.getFlags().contains(Modifier.PRIVATE));
    }

    private static boolean isOverride(ModifiersTree modifiers) {
        return modifiers.getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
    }

    /** An enum's constants are parsed as fields whose type is the enum and whose value creates it. */
    private static boolean isEnumConstant(ClassTree type, VariableTree field) {
        return type.getKind() == Tree.Kind.ENUM
                && field.getType() != null
                && field.getType().toString().equals(type.getSimpleName().toString());
    }
}
