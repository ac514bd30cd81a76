package dev.migrate.autogen.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes a migration class {@code V<id>_<CamelCaseMessage>} into a source root, in the package
 * the project keeps its migrations in (for example {@code src/main/java/db/migrations/}).
 */
public final class MigrationWriter {
    private final Path sourceRoot;
    private final String packageName;

    public MigrationWriter(Path sourceRoot, String packageName) {
        this.sourceRoot = sourceRoot;
        this.packageName = packageName;
    }

    /** Writes the class and returns its path; refuses to overwrite an existing file. */
    public Path write(NewMigration migration) {
        JavaFile file = toJavaFile(migration);
        Path target = sourceRoot.resolve(packageName.replace('.', '/')).resolve(file.typeSpec().name() + ".java");
        if (Files.exists(target)) {
            throw new MigrateException("The migration file " + target + " already exists. Delete it or choose another message.");
        }
        try {
            return file.writeToPath(sourceRoot);
        } catch (IOException e) {
            throw new MigrateException("Could not write the migration " + target + ": " + e.getMessage()
                    + ". Check that " + sourceRoot + " is writable.", e);
        }
    }

    /** The Java source of the class, without writing it. */
    public JavaFile toJavaFile(NewMigration migration) {
        AnnotationSpec.Builder revision = AnnotationSpec.builder(Revision.class).addMember("id", "$S", migration.id());
        if (migration.revises().size() == 1) {
            revision.addMember("revises", "$S", migration.revises().get(0));
        } else if (migration.revises().size() > 1) {
            // One code block keeps the parents on one line, as a person would write them.
            revision.addMember("revises", "{$L}", migration.revises().stream()
                    .map(parent -> CodeBlock.of("$S", parent)).collect(CodeBlock.joining(", ")));
        }
        if (!migration.message().isEmpty()) {
            revision.addMember("message", "$S", migration.message());
        }
        TypeSpec type = TypeSpec.classBuilder(className(migration.id(), migration.message()))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(revision.build())
                .addSuperinterface(Migration.class)
                .addMethod(method("upgrade", migration.upgrade()))
                .addMethod(method("downgrade", migration.downgrade()))
                .build();
        // Ddl's factories read best unqualified: column(...), index(...), foreignKey(...)
        return JavaFile.builder(packageName, type).addStaticImport(OpJavaRenderer.DDL, "*")
                .indent("    ").skipJavaLangImports(true).build();
    }

    private static MethodSpec method(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(void.class)
                .addParameter(ClassName.get(Operations.class), "op")
                .addCode(body)
                .build();
    }

    /** {@code V<id>_<CamelCaseMessage>}: "add status column" becomes {@code V20261122_101500_AddStatusColumn}. */
    public static String className(String id, String message) {
        StringBuilder name = new StringBuilder("V").append(id);
        StringBuilder words = new StringBuilder();
        for (String word : (message == null ? "" : message).split("[^\\p{Alnum}]+")) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 128)) {
                continue; // a class name must stay plain ASCII for every file system and tool
            }
            words.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        if (!words.isEmpty()) {
            name.append('_').append(words);
        }
        return name.toString();
    }
}
