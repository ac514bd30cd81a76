package dev.migrate.imports.tool;

import dev.migrate.op.SqlOp;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One migration of the old tool as it would run it on PostgreSQL: a Flyway versioned or repeatable migration,
 * or a Liquibase changeset.
 *
 * @param tool the tool it comes from
 * @param key what the old history table records it by: Flyway's version ({@code 42}, {@code 1.2}) or, for a
 *     repeatable migration, its description; Liquibase's {@code path::id::author}
 * @param description the old tool's description (Flyway's from the file name; Liquibase's id or comment)
 * @param source the file as the old tool names it in its history table ({@code V42__add_orders.sql},
 *     {@code db/changelog/orders.xml})
 * @param kind versioned (runs once, in order), repeatable (Flyway's {@code R__}, Liquibase's
 *     {@code runOnChange}: runs again when it changes), or always (Liquibase's {@code runAlways})
 * @param checksums what the old history table may hold for it when it ran as it is now: Flyway's CRC32 as a
 *     decimal, Liquibase's MD5SUM of each checksum version ({@code 9:...}, {@code 8:...})
 * @param upgrade the statements it runs, placeholders and parameters resolved, in order
 * @param downgrade the statements that undo it (Flyway's {@code U} file, Liquibase's rollback, written or
 *     derived), or {@code null} when the old tool has none
 * @param transactional false when the old tool runs it outside a transaction
 *     ({@code executeInTransaction=false}, {@code runInTransaction="false"})
 * @param javaClass for a Java-based migration the old tool calls, its class name; its statements are then empty
 * @param notes what a reader of the written revision should know (contexts, labels, a tag, a kept
 *     precondition, how the downgrade was made), one sentence each
 * @param guards what the old tool checked on the database before running it, as the revision's guards
 *     (Liquibase's preconditions only a database decides), in order; empty for none
 * @param failOnError false when the old tool went on past an error in it (Liquibase's {@code failOnError="false"})
 */
public record OldMigration(
        OldTool tool,
        String key,
        String description,
        String source,
        Kind kind,
        List<String> checksums,
        List<String> upgrade,
        @Nullable List<String> downgrade,
        boolean transactional,
        @Nullable String javaClass,
        List<String> notes,
        List<SqlOp.Guard> guards,
        boolean failOnError) {

    /** How a note that says why the old tool has no downgrade for a migration begins, the reason after it. */
    public static final String NO_DOWNGRADE = "It has no downgrade: ";

    /** The note that says why the old tool has no downgrade for a migration: {@code noDowngrade("drops data")}. */
    public static String noDowngrade(String reason) {
        return NO_DOWNGRADE + reason;
    }

    /** Whether one of its notes says why it has no downgrade ({@link #noDowngrade}). */
    public boolean saysWhyNoDowngrade() {
        return notes.stream().anyMatch(note -> note.startsWith(NO_DOWNGRADE));
    }

    /** How often the old tool runs a migration. */
    public enum Kind {
        VERSIONED,
        REPEATABLE,
        ALWAYS
    }

    public OldMigration {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        checksums = List.copyOf(checksums);
        upgrade = List.copyOf(upgrade);
        downgrade = downgrade == null ? null : List.copyOf(downgrade);
        notes = List.copyOf(notes);
        guards = List.copyOf(guards);
    }

    /** One the old tool stops on an error in. */
    public OldMigration(
            OldTool tool,
            String key,
            String description,
            String source,
            Kind kind,
            List<String> checksums,
            List<String> upgrade,
            @Nullable List<String> downgrade,
            boolean transactional,
            @Nullable String javaClass,
            List<String> notes,
            List<SqlOp.Guard> guards) {
        this(
                tool,
                key,
                description,
                source,
                kind,
                checksums,
                upgrade,
                downgrade,
                transactional,
                javaClass,
                notes,
                guards,
                true);
    }

    /** One the old tool runs without a check of the database first. */
    public OldMigration(
            OldTool tool,
            String key,
            String description,
            String source,
            Kind kind,
            List<String> checksums,
            List<String> upgrade,
            @Nullable List<String> downgrade,
            boolean transactional,
            @Nullable String javaClass,
            List<String> notes) {
        this(
                tool,
                key,
                description,
                source,
                kind,
                checksums,
                upgrade,
                downgrade,
                transactional,
                javaClass,
                notes,
                List.of());
    }
}
