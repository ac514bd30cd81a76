package dev.migrate.imports;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.op.Precondition;
import dev.migrate.op.SqlOp;
import dev.migrate.tooling.PreconditionCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The revisions an old chain becomes: one class per migration, a linear chain in the old order, each naming the
 * migration it came from in its id, message and {@link Imported} annotation, running the statements the old tool
 * ran ({@code op.execute}, one call per statement) and undoing them with the old tool's undo where it has one.
 * Flyway's repeatable migrations come last, in one revision, as Flyway runs them after the versioned ones.
 */
public final class ImportedRevisions {
    /** A class file's constant may hold 65,535 bytes of modified UTF-8; longer statements are joined at run time. */
    private static final int CONSTANT_BYTES = 60_000;

    private static final ClassName FLYWAY_CONTEXT = ClassName.get("org.flywaydb.core.api.migration", "Context");
    private static final ClassName FLYWAY_CONFIGURATION =
            ClassName.get("org.flywaydb.core.api.configuration", "Configuration");

    private final String packageName;

    public ImportedRevisions(String packageName) {
        this.packageName = packageName;
    }

    /** One revision to write: its id, class and source. */
    public record Written(String id, String className, String message, JavaFile file) {}

    /**
     * The revisions of {@code chain}, the first revising {@code parent} (null: a base).
     *
     * @throws MigrateException when the chain names refusals: nothing is written then
     */
    public List<Written> of(OldChain chain, @Nullable String parent) {
        if (!chain.refusals().isEmpty()) {
            throw new MigrateException("The import of " + chain.tool().displayName() + "'s migrations stopped at "
                    + chain.refusals().size() + " migration" + (chain.refusals().size() == 1 ? "" : "s")
                    + " it cannot keep as they are:\n  - " + String.join("\n  - ", chain.refusals())
                    + "\nNothing was written.");
        }
        List<Written> written = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        @Nullable String previous = parent;
        int index = 0;
        List<OldMigration> repeatable = new ArrayList<>();
        for (OldMigration migration : chain.migrations()) {
            if (chain.tool() == OldTool.FLYWAY && migration.kind() == OldMigration.Kind.REPEATABLE) {
                repeatable.add(migration);
                continue;
            }
            index++;
            String id = unique(ids, id(chain.tool(), migration, index));
            Written revision = revision(id, previous, message(migration), List.of(migration));
            written.add(revision);
            previous = id;
        }
        if (!repeatable.isEmpty()) {
            String id = unique(ids, "R_repeatable");
            written.add(revision(
                    id,
                    previous,
                    "Flyway's repeatable migrations (" + repeatable.size() + "), run after the versioned ones",
                    repeatable));
        }
        return written;
    }

    /** Writes the revisions into {@code sourceRoot}, refusing to overwrite a file. */
    public List<Path> write(List<Written> revisions, Path sourceRoot) {
        List<Path> paths = new ArrayList<>();
        for (Written revision : revisions) {
            Path target = sourceRoot.resolve(packageName.replace('.', '/')).resolve(revision.className() + ".java");
            if (Files.exists(target)) {
                throw new MigrateException("The migration file " + target + " already exists, so the import would "
                        + "overwrite it. Delete the classes an earlier import wrote and import again.");
            }
        }
        for (Written revision : revisions) {
            try {
                paths.add(revision.file().writeToPath(sourceRoot, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MigrateException(
                        "Could not write " + revision.className() + " into " + sourceRoot + ": " + e.getMessage()
                                + ". Check that it is writable.",
                        e);
            }
        }
        return paths;
    }

    private Written revision(String id, @Nullable String parent, String message, List<OldMigration> from) {
        String className = className(id, from.size() == 1 ? from.get(0).description() : "repeatable");
        boolean transactional = from.stream().allMatch(OldMigration::transactional);
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addJavadoc("$L", javadoc(from))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(revisionAnnotation(id, parent, message, transactional))
                .addSuperinterface(Migration.class);
        for (OldMigration migration : from) {
            type.addAnnotation(importedAnnotation(migration));
        }
        type.addMethod(method("upgrade", upgrade(from)));
        type.addMethod(method("downgrade", downgrade(from)));
        JavaFile file = JavaFile.builder(packageName, type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
        return new Written(id, className, message, file);
    }

    private static CodeBlock upgrade(List<OldMigration> from) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (OldMigration migration : from) {
            if (from.size() > 1) {
                code.add("// $L\n", migration.source());
            }
            if (migration.javaClass() != null) {
                // the project's own class, run as Flyway ran it: on this revision's connection, in its transaction
                code.add("op.jdbc(connection -> {\n")
                        .indent()
                        .beginControlFlow("try")
                        .addStatement(
                                """
                                new $L().migrate(new $T() {
                                    @Override public $T getConfiguration() { return null; }
                                    @Override public $T getConnection() { return connection; }
                                })""",
                                migration.javaClass(),
                                FLYWAY_CONTEXT,
                                FLYWAY_CONFIGURATION,
                                java.sql.Connection.class)
                        .nextControlFlow("catch ($T e)", java.sql.SQLException.class)
                        .addStatement("throw e")
                        .nextControlFlow("catch ($T e)", Exception.class)
                        .addStatement(
                                "throw new $T($S + e, e)",
                                java.sql.SQLException.class,
                                migration.javaClass() + " failed: ")
                        .endControlFlow()
                        .unindent()
                        .add("});\n");
            }
            for (SqlOp.Guard guard : migration.guards()) {
                // first, so the database decides before any statement whether the revision's changes run
                PreconditionCode precondition = PreconditionCode.of(guard.precondition());
                PreconditionCode outcomes = PreconditionCode.outcomes(guard);
                if (guard.errorMessage() == null) {
                    code.addStatement(
                            "op.guard($L,$W$L,$W$S)",
                            CodeBlock.of(
                                    precondition.format(), precondition.args().toArray()),
                            CodeBlock.of(outcomes.format(), outcomes.args().toArray()),
                            guard.message());
                } else {
                    // the onErrorMessage too: both outcomes are written, onError HALT as well
                    code.addStatement(
                            "op.guard($L,$W$T.$L,$W$T.$L,$W$S,$W$S)",
                            CodeBlock.of(
                                    precondition.format(), precondition.args().toArray()),
                            Precondition.OnFail.class,
                            guard.onFail().name(),
                            Precondition.OnFail.class,
                            guard.errorOutcome().name(),
                            guard.message(),
                            guard.errorMessage());
                }
            }
            for (String statement : migration.upgrade()) {
                code.addStatement("op.execute($L)", literal(statement));
            }
        }
        return code.build();
    }

    private static CodeBlock downgrade(List<OldMigration> from) {
        CodeBlock.Builder code = CodeBlock.builder();
        List<OldMigration> reversed = new ArrayList<>(from);
        java.util.Collections.reverse(reversed);
        for (OldMigration migration : reversed) {
            if (migration.downgrade() == null) {
                code.addStatement(
                        "throw new $T($S)",
                        MigrateException.class,
                        migration.tool().displayName() + " has no undo for " + migration.source() + " ("
                                + migration.key() + "), so this revision cannot be downgraded. Write its downgrade"
                                + " here, and set downgrade = true in its @Imported.");
                return code.build();
            }
            for (String statement : migration.downgrade()) {
                code.addStatement("op.execute($L)", literal(statement));
            }
        }
        return code.build();
    }

    /** A statement as a Java string: one literal, or pieces joined at run time when a constant could not hold it. */
    private static CodeBlock literal(String statement) {
        if (statement.getBytes(StandardCharsets.UTF_8).length <= CONSTANT_BYTES) {
            return CodeBlock.of("$S", statement);
        }
        List<CodeBlock> pieces = new ArrayList<>();
        int start = 0;
        while (start < statement.length()) {
            int end = Math.min(statement.length(), start + CONSTANT_BYTES / 3);
            if (end < statement.length() && Character.isHighSurrogate(statement.charAt(end - 1))) {
                end--;
            }
            pieces.add(CodeBlock.of("$S", statement.substring(start, end)));
            start = end;
        }
        return CodeBlock.of("$T.join($S, $L)", String.class, "", CodeBlock.join(pieces, ",\n"));
    }

    private static AnnotationSpec revisionAnnotation(
            String id, @Nullable String parent, String message, boolean transactional) {
        AnnotationSpec.Builder revision = AnnotationSpec.builder(Revision.class).addMember("id", "$S", id);
        if (parent != null) {
            revision.addMember("revises", "$S", parent);
        }
        revision.addMember("message", "$S", message);
        if (!transactional) {
            revision.addMember("transactional", "false");
        }
        return revision.build();
    }

    private static AnnotationSpec importedAnnotation(OldMigration migration) {
        AnnotationSpec.Builder imported = AnnotationSpec.builder(Imported.class)
                .addMember("from", "$S", migration.tool().key())
                .addMember("key", "$S", migration.key());
        if (!migration.checksums().isEmpty()) {
            imported.addMember(
                    "checksums",
                    migration.checksums().size() == 1 ? "$L" : "{$L}",
                    migration.checksums().stream()
                            .map(c -> CodeBlock.of("$S", c))
                            .collect(CodeBlock.joining(", ")));
        }
        if (migration.kind() == OldMigration.Kind.REPEATABLE) {
            imported.addMember("repeatable", "true");
        }
        if (migration.downgrade() == null) {
            imported.addMember("downgrade", "false");
        }
        if (!migration.failOnError()) {
            imported.addMember("failOnError", "false");
        }
        return imported.build();
    }

    private static String javadoc(List<OldMigration> from) {
        StringBuilder text = new StringBuilder();
        for (OldMigration migration : from) {
            text.append("Imported from ")
                    .append(migration.tool().displayName())
                    .append(": ")
                    .append(migration.source())
                    .append(" (")
                    .append(migration.key())
                    .append(").\n");
            for (String note : migration.notes()) {
                text.append("<p>").append(note).append('\n');
            }
            // said once: a note that gives the reason says it already
            if (migration.downgrade() == null && !migration.saysWhyNoDowngrade()) {
                text.append("<p>No downgrade: ")
                        .append(migration.tool().displayName())
                        .append(" has none for it.\n");
            }
        }
        return text.toString().replace("*/", "*&#47;").replace("@", "&#64;");
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

    /** The message a reader recognises the old migration by: {@code V42 add orders (Flyway V42__add_orders.sql)}. */
    static String message(OldMigration migration) {
        if (migration.tool() == OldTool.FLYWAY) {
            return "V" + migration.key() + " " + migration.description() + " (Flyway " + migration.source() + ")";
        }
        String[] parts = migration.key().split("::", -1);
        String id = parts.length == 3 ? parts[1] : migration.key();
        String author = parts.length == 3 ? parts[2] : "";
        return "changeset " + id + (author.isEmpty() ? "" : " by " + author) + " (Liquibase " + migration.source()
                + ")";
    }

    /** {@code V42}, {@code V1_2} for Flyway; {@code L0007_create_orders} for a Liquibase changeset. */
    static String id(OldTool tool, OldMigration migration, int index) {
        if (tool == OldTool.FLYWAY) {
            return "V" + migration.key().replaceAll("[^A-Za-z0-9]", "_");
        }
        String[] parts = migration.key().split("::", -1);
        String changeset = parts.length == 3 ? parts[1] : migration.key();
        String id = String.format(Locale.ROOT, "L%04d_%s", index, changeset.replaceAll("[^A-Za-z0-9]+", "_"));
        id = id.replaceAll("_+$", "");
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    private static String unique(Set<String> ids, String id) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }

    /**
     * {@code V42_AddOrders}: the id, then the description in camel case, plain ASCII; the id alone where it ends with
     * the description already ({@code L0002_2_orders} for a changeset {@code 2-orders} that has no comment).
     */
    static String className(String id, String description) {
        StringBuilder name = new StringBuilder(id);
        StringBuilder words = new StringBuilder();
        for (String word : description.split("[^A-Za-z0-9]+", -1)) {
            if (!word.isEmpty()) {
                words.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        boolean said = id.replace("_", "")
                .toLowerCase(Locale.ROOT)
                .endsWith(words.toString().toLowerCase(Locale.ROOT));
        if (words.length() > 0 && !said) {
            name.append('_').append(words, 0, Math.min(words.length(), 60));
        }
        return name.toString();
    }
}
