package dev.migrate.autogen.write;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A migration class to be written: its place in the graph and the bodies of its two methods.
 *
 * @param id the new revision id ({@link RevisionIds#next})
 * @param revises its parents: none for a first migration, two or more for a merge
 * @param message the one-line description, also the source of the class name
 * @param upgrade the statements of {@code upgrade(Operations op)}
 * @param downgrade the statements of {@code downgrade(Operations op)}
 */
public record NewMigration(String id, List<String> revises, String message, CodeBlock upgrade, CodeBlock downgrade) {

    public NewMigration {
        revises = List.copyOf(revises);
        message = message == null ? "" : message;
    }

    /** An empty migration for a person to fill in, as {@code migrate:revision} writes it. */
    public static NewMigration empty(String id, List<String> revises, String message) {
        return new NewMigration(id, revises, message,
                CodeBlock.of("// Describe the change, e.g. op.execute(\"...\") or op.addColumn(...).\n"),
                CodeBlock.of("// Undo what upgrade does, in reverse order.\n"));
    }

    /** A merge point: it joins branches and changes nothing unless a person adds to it. */
    public static NewMigration merge(String id, List<String> revises, String message) {
        return new NewMigration(id, revises, message,
                CodeBlock.of("// Joins $L branches; nothing to change.\n", revises.size()),
                CodeBlock.of("// Splits the branches again; nothing to change.\n"));
    }
}
