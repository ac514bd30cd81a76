package dev.migrate.imports.liquibase;

import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One changeset as Liquibase 4.x would run it on PostgreSQL, read in its own class loader.
 *
 * @param id the changeset's id
 * @param author its author
 * @param filePath the file as Liquibase records it in {@code DATABASECHANGELOG.FILENAME} (its logical path where
 *     one is set)
 * @param checksum9 the checksum Liquibase 4.22 and later store ({@code 9:...}), or {@code null} when it cannot be
 *     computed here (see {@code checksumError})
 * @param checksum8 the checksum earlier Liquibase stored ({@code 8:...}), or {@code null} likewise
 * @param checksumError why no checksum could be computed, or {@code null}
 * @param validCheckSums the values of its validCheckSum elements as written ({@code ANY} included)
 * @param description Liquibase's description ({@code createTable tableName=person})
 * @param comments its comment, or {@code null}
 * @param contexts its context filter with those of the includes around it, as Liquibase records it, or {@code null}
 * @param labels its labels likewise, or {@code null}
 * @param runOnChange Liquibase runs it again when it changes
 * @param runAlways Liquibase runs it on every update
 * @param runInTransaction Liquibase runs it in a transaction
 * @param failOnError Liquibase stops on its errors ({@code failOnError} not false)
 * @param statements the SQL Liquibase runs for it on PostgreSQL, each without a trailing {@code ;}
 * @param rollback the SQL of its rollback, or {@code null} when it has none (see {@code rollbackReason})
 * @param rollbackKind {@code written} (a rollback block, {@code --rollback} or {@code changeSetId} reference),
 *     {@code derived} (Liquibase's inverse of its changes) or {@code none}
 * @param rollbackReason why it has no rollback, or {@code null}
 * @param tag the tag its {@code tagDatabase} sets, or {@code null}
 * @param preconditions its preconditions, empty for none
 * @param customChanges the classes of its customChange elements
 * @param problems why Liquibase cannot render part of it offline, full sentences
 */
public record LiquibaseChangeSet(
        String id,
        String author,
        String filePath,
        @Nullable String checksum9,
        @Nullable String checksum8,
        @Nullable String checksumError,
        List<String> validCheckSums,
        String description,
        @Nullable String comments,
        @Nullable String contexts,
        @Nullable String labels,
        boolean runOnChange,
        boolean runAlways,
        boolean runInTransaction,
        boolean failOnError,
        List<String> statements,
        @Nullable List<String> rollback,
        String rollbackKind,
        @Nullable String rollbackReason,
        @Nullable String tag,
        List<Precondition> preconditions,
        List<String> customChanges,
        List<String> problems) {

    /**
     * A changeset's or changelog's preconditions, with what Liquibase does when they fail or err.
     *
     * @param type the precondition types, comma-separated ({@code tableExists, sqlCheck})
     * @param onFail {@code HALT}, {@code CONTINUE}, {@code MARK_RAN} or {@code WARN}
     * @param onError likewise
     * @param text the preconditions as the changelog combines them ({@code not(tableExists)}), for messages
     * @param onPostgres what they come to on PostgreSQL before any database is looked at: {@code holds} and
     *     {@code fails} where {@code dbms} decides them, else {@code runtime}
     * @param guards for {@code runtime}, what the imported revision's guard checks, or {@code null}
     * @param onFailMessage the block's {@code onFailMessage}, or {@code null}
     * @param onErrorMessage the block's {@code onErrorMessage}, or {@code null}
     * @param onSqlOutput the block's {@code onSqlOutput} ({@code IGNORE}, Liquibase's default, {@code TEST},
     *     {@code FAIL}), which only Liquibase's {@code updateSQL} reads, or {@code null} where no guard is kept
     */
    public record Precondition(
            String type,
            String onFail,
            String onError,
            String text,
            String onPostgres,
            @Nullable LiquibaseGuards guards,
            @Nullable String onFailMessage,
            @Nullable String onErrorMessage,
            @Nullable String onSqlOutput) {
        public Precondition {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(onFail, "onFail");
            Objects.requireNonNull(onError, "onError");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(onPostgres, "onPostgres");
        }

        /** Preconditions only a database decides. */
        public Precondition(String type, String onFail, String onError) {
            this(type, onFail, onError, type, "runtime");
        }

        public Precondition(String type, String onFail, String onError, String text, String onPostgres) {
            this(type, onFail, onError, text, onPostgres, null, null, null, null);
        }

        /** What Liquibase shows where the precondition fails: its {@code onFailMessage}, else the precondition. */
        public String failMessage() {
            return onFailMessage != null ? onFailMessage : text;
        }

        /**
         * What the guard says where the precondition cannot be evaluated, when it is not {@link #failMessage}: the
         * {@code onErrorMessage}; else, where an {@code onFailMessage} says why it fails, the precondition itself.
         */
        public @Nullable String errorMessage() {
            return onErrorMessage != null ? onErrorMessage : onFailMessage != null ? text : null;
        }

        private static @Nullable String text(Map<?, ?> map, String key) {
            Object value = map.get(key);
            return value == null ? null : String.valueOf(value);
        }

        /** Liquibase stops on failure and on error: the changeset ran wherever Liquibase went past it. */
        public boolean halts() {
            return onFail.equals("HALT") && onError.equals("HALT");
        }

        /** {@code dbms} makes them hold on every PostgreSQL database. */
        public boolean holdsOnPostgres() {
            return onPostgres.equals("holds");
        }

        /** {@code dbms} makes them fail on every PostgreSQL database. */
        public boolean failsOnPostgres() {
            return onPostgres.equals("fails");
        }

        static List<Precondition> fromBridge(@Nullable Object value, QualifiedName history) {
            List<Precondition> out = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    Map<?, ?> map = (Map<?, ?>) item;
                    out.add(new Precondition(
                            String.valueOf(map.get("type")),
                            String.valueOf(map.get("onFail")),
                            String.valueOf(map.get("onError")),
                            String.valueOf(map.get("text")),
                            String.valueOf(map.get("onPostgres")),
                            LiquibaseGuards.fromBridge(map.get("tree"), history),
                            text(map, "onFailMessage"),
                            text(map, "onErrorMessage"),
                            text(map, "onSqlOutput")));
                }
            }
            return out;
        }
    }

    public LiquibaseChangeSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(filePath, "filePath");
        validCheckSums = List.copyOf(validCheckSums);
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        rollback = rollback == null ? null : List.copyOf(rollback);
        Objects.requireNonNull(rollbackKind, "rollbackKind");
        preconditions = List.copyOf(preconditions);
        customChanges = List.copyOf(customChanges);
        problems = List.copyOf(problems);
    }

    /** Liquibase's identity of a changeset, {@code filePath::id::author}. */
    public String key() {
        return filePath + "::" + id + "::" + author;
    }

    /** How the import names it in a sentence. */
    String named() {
        return "The changeset " + id + " by " + author + " in " + filePath;
    }

    /** The bridge's map of one changeset, whose {@code changeSetExecuted} preconditions look in {@code history}. */
    static LiquibaseChangeSet fromBridge(Map<?, ?> map, QualifiedName history) {
        return new LiquibaseChangeSet(
                text(map, "id"),
                text(map, "author"),
                text(map, "filePath"),
                optional(map, "checksum9"),
                optional(map, "checksum8"),
                optional(map, "checksumError"),
                texts(map.get("validCheckSums")),
                text(map, "description"),
                optional(map, "comments"),
                optional(map, "contexts"),
                optional(map, "labels"),
                Boolean.TRUE.equals(map.get("runOnChange")),
                Boolean.TRUE.equals(map.get("runAlways")),
                Boolean.TRUE.equals(map.get("runInTransaction")),
                Boolean.TRUE.equals(map.get("failOnError")),
                texts(map.get("statements")),
                map.get("rollback") == null ? null : texts(map.get("rollback")),
                text(map, "rollbackKind"),
                optional(map, "rollbackReason"),
                optional(map, "tag"),
                Precondition.fromBridge(map.get("preconditions"), history),
                texts(map.get("customChanges")),
                texts(map.get("problems")));
    }

    private static String text(Map<?, ?> map, String key) {
        return String.valueOf(map.get(key));
    }

    private static @Nullable String optional(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static List<String> texts(@Nullable Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.add(String.valueOf(item));
            }
        }
        return out;
    }
}
