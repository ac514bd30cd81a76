package dev.migrate.internal.runtime.sink;

import dev.migrate.op.QualifiedName;
import dev.migrate.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * What a statement of a {@code transactional = false} migration may leave behind when it fails or is
 * cut part way (the server restarts, its session is terminated, its connection breaks, a timeout
 * cancels it). Outside a transaction most statements are a transaction of their own, which commits
 * whole or not at all; the concurrent index commands commit in stages, and a procedure may commit as
 * it goes.
 */
public sealed interface Leftover {

    /** Whether the runner can find what a cut left in {@code pg_index} before the statement runs again. */
    default boolean leavesInvalidIndexes() {
        return false;
    }

    /** What the failure may have left, in full sentences for a person, each ending with a space. */
    String describe();

    /**
     * {@code CREATE INDEX CONCURRENTLY}: the index, marked invalid, from the moment its first stage
     * committed.
     *
     * @param table the indexed table, as the statement names it
     * @param name the index, or {@code null} when PostgreSQL picks the name
     */
    record InvalidIndex(QualifiedName table, @Nullable String name) implements Leftover {
        @Override
        public boolean leavesInvalidIndexes() {
            return name != null;
        }

        /** The index as the statement would reach it: in the table's schema, or through the search path. */
        String index() {
            return name == null ? "" : Identifiers.quote(table.sibling(name));
        }

        @Override
        public String describe() {
            String what = name == null
                    ? "an index on " + Identifiers.quote(table) + ", with the name PostgreSQL chose for it,"
                    : "the index " + index();
            String next = name == null
                    ? "Drop it by hand (DROP INDEX CONCURRENTLY) before running the migration again, or it builds a"
                            + " second one under another name. "
                    : "The next run of this migration drops it (DROP INDEX CONCURRENTLY IF EXISTS " + index()
                            + ") and builds it again; with rebuildInvalidIndexes=false it stops and names it instead. ";
            return "A CREATE INDEX CONCURRENTLY that fails or is cut after its first stage leaves its index behind,"
                    + " marked invalid: PostgreSQL does not use it for queries but still updates it on every write"
                    + " (and a unique one may still refuse duplicates). So " + what + " may be there now; see the"
                    + " invalid indexes with SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid. " + next;
        }
    }

    /** What a {@code REINDEX ... CONCURRENTLY} covers. */
    enum ReindexScope {
        INDEX,
        TABLE,
        SCHEMA,
        DATABASE
    }

    /**
     * {@code REINDEX ... CONCURRENTLY}: the new copy of an index it was building, marked invalid and
     * named after the index with the suffix {@code _ccnew}, or the old index, suffixed {@code _ccold},
     * when it failed while dropping it.
     *
     * @param target the index, table or schema reindexed; {@code null} for the current database
     */
    record ReindexCopies(ReindexScope scope, @Nullable QualifiedName target) implements Leftover {
        @Override
        public boolean leavesInvalidIndexes() {
            return true;
        }

        /** The index, table or schema reindexed, which every scope but the database's names. */
        QualifiedName named() {
            if (target == null) {
                throw new IllegalStateException("a REINDEX of the " + scope + " names nothing");
            }
            return target;
        }

        @Override
        public String describe() {
            String of = switch (scope) {
                case INDEX -> "of the index " + Identifiers.quote(named());
                case TABLE -> "of the indexes of " + Identifiers.quote(named());
                case SCHEMA -> "of the indexes in the schema " + Identifiers.quote(named());
                case DATABASE -> "of the indexes of the database";
            };
            return "A REINDEX ... CONCURRENTLY that fails or is cut leaves behind, marked invalid, the new copy " + of
                    + " it was building, named after the index with the suffix _ccnew (or the old index, with the"
                    + " suffix _ccold, when it failed while dropping it); see them with SELECT indexrelid::regclass"
                    + " FROM pg_index WHERE NOT indisvalid. The next run of this migration drops them (DROP INDEX"
                    + " CONCURRENTLY IF EXISTS) before it reindexes again; with rebuildInvalidIndexes=false it stops"
                    + " and names them instead. ";
        }
    }

    /** {@code DROP INDEX CONCURRENTLY}: the index, marked invalid but not dropped. */
    record IndexNotDropped(QualifiedName index) implements Leftover {
        @Override
        public String describe() {
            return "A DROP INDEX CONCURRENTLY that fails or is cut after its first stage leaves the index "
                    + Identifiers.quote(index) + " in place, marked invalid: PostgreSQL no longer uses it for"
                    + " queries. Running the migration again drops it. ";
        }
    }

    /** {@code CALL} or {@code DO}: a procedure, or a block, may commit as it goes. */
    record PartlyCommitted() implements Leftover {
        @Override
        public String describe() {
            return "A procedure called with CALL, or a DO block, may commit as it goes, so part of its work may have"
                    + " stayed: check what it did before running it again. ";
        }
    }

    /** Any other statement: a transaction of its own. */
    record Nothing() implements Leftover {
        @Override
        public String describe() {
            return "That statement left nothing half done: PostgreSQL ran it as a transaction of its own, which"
                    + " committed whole or not at all. ";
        }
    }
}
