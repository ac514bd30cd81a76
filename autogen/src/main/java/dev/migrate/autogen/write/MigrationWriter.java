package dev.migrate.autogen.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.HandsOver;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TakesOver;
import dev.migrate.autogen.internal.write.JavaLayout;
import dev.migrate.autogen.internal.write.OpJavaRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes a migration class {@code V<id>_<CamelCaseMessage>} into a source root, in the package
 * the project keeps its migrations in (for example {@code src/main/java/db/migrations/}).
 */
public final class MigrationWriter {
    private static final DateTimeFormatter WRITTEN_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'");

    private final Path sourceRoot;
    private final String packageName;
    private final Clock clock;

    public MigrationWriter(Path sourceRoot, String packageName) {
        this(sourceRoot, packageName, Clock.systemUTC());
    }

    /** @param clock the time the class header gives as when it was written */
    public MigrationWriter(Path sourceRoot, String packageName, Clock clock) {
        this.sourceRoot = sourceRoot;
        this.packageName = packageName;
        this.clock = clock;
    }

    /** Writes the class and returns its path; refuses to overwrite an existing file. */
    public Path write(NewMigration migration) {
        JavaFile file = toJavaFile(migration);
        Path target = sourceRoot
                .resolve(packageName.replace('.', '/'))
                .resolve(file.typeSpec().name() + ".java");
        if (Files.exists(target)) {
            throw new MigrateException(
                    "The migration file " + target + " already exists. Delete it or choose another message.");
        }
        try {
            return file.writeToPath(sourceRoot);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the migration " + target + ": " + e.getMessage() + ". Check that " + sourceRoot
                            + " is writable.",
                    e);
        }
    }

    /** The Java source of the class, without writing it. */
    public JavaFile toJavaFile(NewMigration migration) {
        MigrationBody body = MigrationBody.of(migration);
        TypeSpec.Builder type = TypeSpec.classBuilder(className(migration.id(), migration.message()))
                .addJavadoc("$L", header(migration, body.hazards()))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(revision(migration));
        transfer(migration).ifPresent(type::addAnnotation);
        type.addSuperinterface(Migration.class)
                .addMethod(method("upgrade", body.upgrade()))
                .addMethod(method("downgrade", body.downgrade()));
        // Ddl's factories read best unqualified: column(...), index(...), foreignKey(...)
        return JavaFile.builder(packageName, type.build())
                .addStaticImport(OpJavaRenderer.DDL, "*")
                .indent(JavaLayout.INDENT)
                .skipJavaLangImports(true)
                .build();
    }

    /** {@code @HandsOver(to = ..., tables = ...)} or {@code @TakesOver(from = ..., tables = ...)}; empty for the rest. */
    private static Optional<AnnotationSpec> transfer(NewMigration migration) {
        if (migration.content() instanceof NewMigration.HandOver given) {
            return Optional.of(AnnotationSpec.builder(HandsOver.class)
                    .addMember("value", "to = $S, tables = $L", given.to(), tables(given.tables()))
                    .build());
        }
        if (migration.content() instanceof NewMigration.TakeOver taken) {
            return Optional.of(AnnotationSpec.builder(TakesOver.class)
                    .addMember("value", "from = $S, tables = $L", taken.from(), tables(taken.tables()))
                    .build());
        }
        return Optional.empty();
    }

    private static CodeBlock tables(List<String> tables) {
        return tables.size() == 1
                ? CodeBlock.of("$S", tables.get(0))
                : CodeBlock.of(
                        "{$L}", tables.stream().map(t -> CodeBlock.of("$S", t)).collect(CodeBlock.joining(", ")));
    }

    /** {@code @Revision(id = ..., revises = ..., message = ...)} on one line when it fits, one member a line when not. */
    private static AnnotationSpec revision(NewMigration migration) {
        List<CodeBlock> members = new ArrayList<>();
        members.add(CodeBlock.of("id = $S", migration.id()));
        if (migration.revises().size() == 1) {
            members.add(CodeBlock.of("revises = $S", migration.revises().get(0)));
        } else if (migration.revises().size() > 1) {
            // one code block keeps the parents on one line, as a person would write them
            members.add(CodeBlock.of(
                    "revises = {$L}",
                    migration.revises().stream()
                            .map(parent -> CodeBlock.of("$S", parent))
                            .collect(CodeBlock.joining(", "))));
        }
        if (migration.content() instanceof NewMigration.TakeOver taken) {
            members.add(CodeBlock.of("dependsOn = $S", taken.givenBy()));
        }
        if (!migration.message().isEmpty()) {
            members.add(CodeBlock.of("message = $S", migration.message()));
        }
        if (!migration.transactional()) {
            members.add(CodeBlock.of("transactional = false"));
        }
        if (migration.contexts().size() == 1) {
            members.add(CodeBlock.of("contexts = $S", migration.contexts().get(0)));
        } else if (migration.contexts().size() > 1) {
            members.add(CodeBlock.of(
                    "contexts = {$L}",
                    migration.contexts().stream()
                            .map(c -> CodeBlock.of("$S", c))
                            .collect(CodeBlock.joining(", "))));
        }
        if (!migration.replaces().isEmpty()) {
            members.add(CodeBlock.of(
                    "replaces = {$L}",
                    migration.replaces().stream()
                            .map(id -> CodeBlock.of("$S", id))
                            .collect(CodeBlock.joining(", "))));
        }
        CodeBlock oneLine = CodeBlock.join(members, ", ");
        String text = "@Revision(" + oneLine + ")";
        if (text.length() <= JavaLayout.LINE_WIDTH && !text.contains("\n")) {
            // JavaPoet prints a lone "value" member inline and every other member set one per line,
            // so the whole member list goes in as that one value
            return AnnotationSpec.builder(Revision.class)
                    .addMember("value", "$L", oneLine)
                    .build();
        }
        AnnotationSpec.Builder revision = AnnotationSpec.builder(Revision.class);
        for (CodeBlock member : members) {
            String code = member.toString();
            int equals = code.indexOf(" = ");
            revision.addMember(code.substring(0, equals), "$L", code.substring(equals + 3));
        }
        return revision.build();
    }

    /**
     * The class Javadoc: the message, its place in the graph, when and by which goal it was written,
     * and for autogenerated code what a reviewer must weigh before applying it.
     */
    private String header(NewMigration migration, List<String> hazards) {
        List<String> paragraphs = new ArrayList<>();
        if (!migration.message().isBlank()) {
            paragraphs.add(wrap(javadocText(migration.message()), ""));
        }
        List<String> revises = migration.revises();
        String place = !migration.replaces().isEmpty()
                ? "Replaces " + migration.replaces().get(0) + " to "
                        + migration.replaces().get(migration.replaces().size() - 1) + " ("
                        + migration.replaces().size() + " revisions)."
                : revises.isEmpty()
                        ? "Revises nothing: this is the first migration."
                        : revises.size() == 1
                                ? "Revises " + revises.get(0) + "."
                                : "Merges " + String.join(", ", revises) + ".";
        boolean autogenerated = migration.content() instanceof NewMigration.Changes;
        String written = "Written " + WRITTEN_AT.format(clock.instant().atOffset(ZoneOffset.UTC)) + " by "
                + migration.writtenBy() + (autogenerated ? ": review before applying." : ".");
        paragraphs.add(wrap((paragraphs.isEmpty() ? "" : "<p>") + place + " " + written, ""));
        if ("migrate:baseline".equals(migration.writtenBy())) {
            paragraphs.add(wrap(
                    "<p>The schema of the database it was read from, as it was then. Mark that database as at this"
                            + " revision without running it (mvn migrate:stamp -Dmigrate.target=" + migration.id()
                            + "); mvn migrate:upgrade builds the same schema on a new database.",
                    ""));
        }
        if ("migrate:squash".equals(migration.writtenBy())) {
            String standsFor = migration.replaces().get(migration.replaces().size() - 1);
            paragraphs.add(wrap(
                    "<p>The schema the chain builds up to " + standsFor + ", from nothing, then the rows its data"
                            + " steps leave. A database at base runs this instead of the replaced revisions and is"
                            + " then at " + standsFor + "; a database part-way through them continues through them;"
                            + " one past " + standsFor + " sees no change. Delete the replaced classes once every"
                            + " database is past " + standsFor + ".",
                    ""));
        }
        if (!migration.transactional()) {
            paragraphs.add(wrap(
                    "<p>Runs outside a transaction (transactional = false): each statement commits on its own, so"
                            + " CREATE INDEX CONCURRENTLY can run and VALIDATE CONSTRAINT holds no lock taken by the"
                            + " statement that added the constraint. A statement that fails leaves the earlier ones"
                            + " applied; a failed CREATE INDEX CONCURRENTLY leaves an invalid index to drop before"
                            + " running it again.",
                    ""));
        }
        if (autogenerated) {
            if (hazards.isEmpty()) {
                paragraphs.add("<p>Hazards: none found.");
            } else {
                StringBuilder list = new StringBuilder("<p>Hazards, each noted above its code:\n<ul>");
                for (String hazard : hazards) {
                    list.append('\n').append(wrap("  <li>" + javadocText(hazard), "      "));
                }
                paragraphs.add(list.append("\n</ul>").toString());
            }
        }
        return String.join("\n\n", paragraphs) + "\n";
    }

    /** Whether the code was written from a schema comparison, for a reviewer to weigh its hazards. */
    /** Breaks text between words so no Javadoc line ({@code " * "} and the text) passes the line width. */
    private static String wrap(String text, String continuation) {
        return String.join("\n", OpJavaRenderer.wrapWords(text, JavaLayout.JAVADOC_WIDTH, continuation));
    }

    /** Text as Javadoc shows it literally: no HTML, no end of comment, no tags, no unicode escapes. */
    private static String javadocText(String text) {
        return text.replace('\n', ' ')
                .replace('\r', ' ')
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;")
                .replace("\\u", "&#92;u");
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

    /**
     * {@code V<id>_<CamelCaseMessage>}: "add status column" becomes {@code V20261122_101500_AddStatusColumn}. An id
     * that starts with a capital letter is a class name's start already and keeps it: after a Flyway import the id
     * {@code V2_20261122_101500} gives {@code V2_20261122_101500_AddNickName}, not {@code VV2_...}. What an id may
     * hold that a class name may not ({@code -}, {@code .}) becomes {@code _}.
     */
    public static String className(String id, String message) {
        String stem = id.replaceAll("[^A-Za-z0-9_]", "_");
        // a time-based id starts with a digit, which no class name may; V is the prefix Flyway users know
        boolean startsAsAClass = !stem.isEmpty() && stem.charAt(0) >= 'A' && stem.charAt(0) <= 'Z';
        StringBuilder name = new StringBuilder(startsAsAClass ? "" : "V").append(stem);
        StringBuilder words = new StringBuilder();
        for (String word : (message == null ? "" : message).split("[^\\p{Alnum}]+", -1)) {
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
