package dev.migrate.autogen.write;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.LockSafeForm;
import dev.migrate.catalog.diff.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A migration class to be written: its place in the graph, its message, and what its two methods
 * hold. {@link MigrationBody} renders the methods, {@link MigrationWriter} writes the class.
 *
 * @param id the new revision id ({@link RevisionIds#next})
 * @param revises its parents: none for a first migration, two or more for a merge
 * @param message the one-line description, also the source of the class name
 * @param content what its methods hold
 * @param transactional false for a migration that runs in autocommit ({@code @Revision(..., transactional =
 *     false)}), as the concurrent part of a lock-safe change must
 * @param replaces for a squash, the revisions it replaces, parents first; empty otherwise
 * @param contexts the contexts it runs in ({@code @Revision(contexts = ...)}); empty: every context
 */
public record NewMigration(
        String id,
        List<String> revises,
        String message,
        Content content,
        boolean transactional,
        List<String> replaces,
        List<String> contexts) {
    public NewMigration {
        revises = List.copyOf(revises);
        replaces = List.copyOf(replaces);
        contexts = List.copyOf(new java.util.TreeSet<>(contexts));
        message = message == null ? "" : message;
    }

    /** A migration that runs in every context. */
    public NewMigration(
            String id,
            List<String> revises,
            String message,
            Content content,
            boolean transactional,
            List<String> replaces) {
        this(id, revises, message, content, transactional, replaces, List.of());
    }

    /** This migration, run only in a run given one of {@code names}. */
    public NewMigration limitedTo(java.util.Collection<String> names) {
        return new NewMigration(id, revises, message, content, transactional, replaces, List.copyOf(names));
    }

    /** What a new migration's methods hold. */
    public sealed interface Content permits Stub, Merge, Changes, HandOver, TakeOver {
        /** The goal that writes it, named in the class header. */
        String writtenBy();
    }

    /** A migration that replaces none. */
    public NewMigration(String id, List<String> revises, String message, Content content, boolean transactional) {
        this(id, revises, message, content, transactional, List.of());
    }

    /** Comments for a person to replace with the change and its undoing, as {@code migrate:revision} writes them. */
    public record Stub() implements Content {
        @Override
        public String writtenBy() {
            return "migrate:revision";
        }
    }

    /** A merge point: it joins branches and changes nothing unless a person adds to it. */
    public record Merge() implements Content {
        @Override
        public String writtenBy() {
            return "migrate:merge";
        }
    }

    /**
     * The changes of a script autogenerate (or {@code migrate:baseline}) made, with their notes, and the
     * reverse in {@code downgrade}.
     */
    public record Changes(MigrationScript script, String writtenBy) implements Content {}

    /**
     * Tables of the migration's module given to module {@code to}, whose entities they now are
     * ({@code @HandsOver(to = "billing", tables = "customer_note")}): nothing runs, the rows stay.
     */
    public record HandOver(String to, List<String> tables) implements Content {
        public HandOver {
            tables = List.copyOf(tables);
        }

        @Override
        public String writtenBy() {
            return "migrate:autogenerate";
        }
    }

    /**
     * Tables module {@code from} gave the migration's module, taken ({@code @TakesOver(from = "customers", tables =
     * "customer_note")}); the migration depends on {@code givenBy}, the revision that gave them, named whole
     * ({@code customers.20261129_100000}), so that an upgrade gives before it takes.
     */
    public record TakeOver(String from, List<String> tables, String givenBy) implements Content {
        public TakeOver {
            tables = List.copyOf(tables);
        }

        @Override
        public String writtenBy() {
            return "migrate:autogenerate";
        }
    }

    /** The goal that writes it, named in the class header: {@code migrate:revision}, {@code migrate:merge}, {@code migrate:autogenerate}, {@code migrate:baseline}, {@code migrate:squash} or {@code migrate:drift}. */
    public String writtenBy() {
        return content.writtenBy();
    }

    /**
     * This migration, its header naming the JPA provider whose entity DDL it was written from
     * ({@code hibernate-core 7.2.0.Final}), so that a later provider's differences can be told from the entities'.
     */
    public NewMigration describedBy(String provider) {
        return content instanceof Changes changes
                ? new NewMigration(
                        id,
                        revises,
                        message,
                        new Changes(changes.script(), changes.writtenBy() + " " + DESCRIBED_BY + provider),
                        transactional,
                        replaces,
                        contexts)
                : this;
    }

    /** What a header says before the provider whose entity DDL a migration was written from. */
    public static final String DESCRIBED_BY = "from the entity DDL of ";

    /** This migration, run in autocommit: each statement commits on its own. */
    public NewMigration outsideTransaction() {
        return new NewMigration(id, revises, message, content, false, replaces, contexts);
    }

    /** An empty migration for a person to fill in, as {@code migrate:revision} writes it. */
    public static NewMigration empty(String id, List<String> revises, String message) {
        return new NewMigration(id, revises, message, new Stub(), true);
    }

    /** A merge point: it joins branches and changes nothing unless a person adds to it. */
    public static NewMigration merge(String id, List<String> revises, String message) {
        return new NewMigration(id, revises, message, new Merge(), true);
    }

    /**
     * The migration for the script autogenerate made. The script is rendered only when the class is
     * written, so whoever holds it before can still change its ops.
     */
    public static NewMigration autogenerated(String id, List<String> revises, String message, MigrationScript script) {
        return new NewMigration(id, revises, message, new Changes(script, "migrate:autogenerate"), true);
    }

    /** The hand-over of {@code tables} to module {@code to}, as autogenerate writes it when their entities moved there. */
    public static NewMigration handOver(String id, List<String> revises, String to, List<String> tables) {
        return new NewMigration(
                id, revises, "hand " + String.join(" and ", tables) + " over to " + to, new HandOver(to, tables), true);
    }

    /** The take of {@code tables} from module {@code from}, which revision {@code givenBy} gave them. */
    public static NewMigration takeOver(
            String id, List<String> revises, String from, List<String> tables, String givenBy) {
        return new NewMigration(
                id,
                revises,
                "take " + String.join(" and ", tables) + " from " + from,
                new TakeOver(from, tables, givenBy),
                true);
    }

    /**
     * The migration that accepts a database's drift, as {@code migrate:drift -Dmigrate.drift.accept=true}
     * writes it: the changes from the chain's schema at head to the database's, written as autogenerate
     * writes a migration, revising the head.
     */
    public static NewMigration driftAccepted(String id, List<String> revises, String message, MigrationScript script) {
        return new NewMigration(id, revises, message, new Changes(script, "migrate:drift"), true);
    }

    /**
     * The first migration of a chain that adopts a database, as {@code migrate:baseline} writes it from
     * {@link dev.migrate.autogen.Autogenerate#baseline}: it revises nothing, and is written as
     * autogenerate writes a migration.
     */
    public static NewMigration baseline(String id, String message, MigrationScript script) {
        return new NewMigration(id, List.of(), message, new Changes(script, "migrate:baseline"), true);
    }

    /**
     * A squash, as {@code migrate:squash} writes it: the schema the chain builds up to the last of
     * {@code replaces}, from nothing, and the rows its data steps leave; it revises nothing.
     */
    public static NewMigration squash(String id, String message, List<String> replaces, MigrationScript script) {
        return new NewMigration(id, List.of(), message, new Changes(script, "migrate:squash"), true, replaces);
    }

    /**
     * The migrations for the script in its lock-safe form ({@code -Dmigrate.safe=true}, see
     * {@link LockSafeForm}): the first in a transaction, then its concurrent part, {@code transactional =
     * false}, which revises it and is called {@code <message> (concurrent part)}. When every change is in
     * the concurrent part, that one migration alone, with the message as given; when none is, the first
     * alone.
     *
     * @param nextId a new revision id for the given parents, sorting after them ({@link RevisionIds#next})
     */
    public static List<NewMigration> autogeneratedLockSafe(
            List<String> revises, String message, MigrationScript script, Function<List<String>, String> nextId) {
        return autogeneratedLockSafe(revises, message, script, nextId, table -> true);
    }

    /** As {@link #autogeneratedLockSafe(List, String, MigrationScript, Function)}, for the tables {@code large} accepts. */
    public static List<NewMigration> autogeneratedLockSafe(
            List<String> revises,
            String message,
            MigrationScript script,
            Function<List<String>, String> nextId,
            Predicate<ObjectName> large) {
        LockSafeForm.Split split = LockSafeForm.of(script, large);
        List<NewMigration> migrations = new ArrayList<>();
        List<String> parents = revises;
        if (!split.inTransaction().isEmpty()) {
            NewMigration first = autogenerated(nextId.apply(parents), parents, message, split.inTransaction());
            migrations.add(first);
            parents = List.of(first.id());
        }
        if (!split.concurrent().isEmpty()) {
            String concurrentMessage = migrations.isEmpty() ? message : message + " (concurrent part)";
            MigrationScript concurrent = migrations.isEmpty()
                    ? new MigrationScript(split.concurrent().upgradeGroups(), script.warnings(), script.guards())
                    : split.concurrent();
            migrations.add(autogenerated(nextId.apply(parents), parents, concurrentMessage, concurrent)
                    .outsideTransaction());
        }
        return migrations;
    }
}
