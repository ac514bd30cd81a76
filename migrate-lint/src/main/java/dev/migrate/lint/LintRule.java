package dev.migrate.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code migrate:lint} reports, each with the lock it concerns and the lock-safe form that
 * PostgreSQL 12 and later offer. A statement is reported only for what it was seen to do on the
 * server: a constant default that does not rewrite, or a {@code varchar} widening, is not a finding.
 *
 * <pre>{@code
 * LintRule rule = LintRule.byId("index-not-concurrent").orElseThrow();
 * }</pre>
 */
public enum LintRule {
    /** {@code CREATE INDEX} in a transaction, on a table that existed before the migration. */
    INDEX_NOT_CONCURRENT(
            true,
            "index-not-concurrent",
            Severity.ERROR,
            "ShareLock",
            "builds an index on an existing table without CONCURRENTLY: writes to the table wait until it is built",
            "create it with op.createIndex(index(name, table, columns).concurrently()) (CREATE INDEX CONCURRENTLY,"
                    + " ShareUpdateExclusiveLock: reads and writes go on)"
                    + " in a migration of its own with @Revision(..., transactional = false)"),
    /** {@code ADD UNIQUE} or {@code ADD PRIMARY KEY} that builds its index under the table's lock. */
    UNIQUE_NOT_FROM_INDEX(
            true,
            "unique-not-from-index",
            Severity.ERROR,
            "AccessExclusiveLock",
            "adds a unique or primary key constraint to an existing table by building its index under the lock:"
                    + " reads and writes wait until it is built",
            "build the index first with CREATE UNIQUE INDEX CONCURRENTLY in a transactional = false migration, then"
                    + " op.execute(\"ALTER TABLE t ADD CONSTRAINT name UNIQUE USING INDEX index_name\")"),
    /**
     * A foreign key or check added without {@code NOT VALID}, or validated in the transaction that
     * added it: the rows are checked under a lock that blocks writes.
     */
    CONSTRAINT_WITHOUT_NOT_VALID(
            true,
            "constraint-without-not-valid",
            Severity.ERROR,
            "ShareRowExclusiveLock",
            "adds a foreign key or check constraint to an existing table and checks every row while holding a"
                    + " lock that blocks writes",
            "add it with .notValid() (NOT VALID: no scan), then op.validateConstraint(table, name) in a later"
                    + " migration (its own transaction), which scans under ShareUpdateExclusiveLock and lets writes go on"),
    /** {@code SET NOT NULL} that scans the table, since no validated check proves it. */
    SET_NOT_NULL_SCAN(
            true,
            "set-not-null-scan",
            Severity.ERROR,
            "AccessExclusiveLock",
            "sets NOT NULL on a column of an existing table and scans every row under AccessExclusiveLock",
            "first add check(name, \"col IS NOT NULL\").notValid() and validate it; SET NOT NULL then skips the"
                    + " scan (PostgreSQL 12 and later); drop the check afterwards"),
    /**
     * {@code ADD COLUMN} whose value is computed for every existing row (a volatile default, an
     * identity or a stored generated column), which rewrites the table.
     */
    ADD_COLUMN_REWRITE(
            true,
            "add-column-rewrite",
            Severity.ERROR,
            "AccessExclusiveLock",
            "adds a column whose value is computed for every existing row (a volatile default such as"
                    + " clock_timestamp(), random(), gen_random_uuid() or a sequence's nextval(), an identity, a stored"
                    + " generated column), which rewrites the table and its indexes under AccessExclusiveLock",
            "add the column without a default (or with a constant or stable one such as now(): no rewrite since"
                    + " PostgreSQL 11), then op.setDefault(...) for new rows, and fill the existing rows in batches"),
    /** {@code ALTER COLUMN TYPE} that rewrites the table. */
    TYPE_CHANGE_REWRITE(
            true,
            "type-change-rewrite",
            Severity.ERROR,
            "AccessExclusiveLock",
            "changes a column's type in a way that rewrites the table and its indexes under AccessExclusiveLock",
            "add a column of the new type, fill it in batches, switch the application, then drop the old column;"
                    + " widenings such as varchar(n) to a longer varchar or text do not rewrite"),
    /** Any other statement that rewrote an existing table. */
    TABLE_REWRITE(
            true,
            "table-rewrite",
            Severity.ERROR,
            "AccessExclusiveLock",
            "rewrites an existing table under AccessExclusiveLock",
            "run it in a maintenance window, or rebuild the table online with a copy, backfill and swap"),
    /** {@code REINDEX}, or a column change that builds an index again, in a transaction. */
    INDEX_REWRITE(
            true,
            "index-rewrite",
            Severity.ERROR,
            "ShareLock or stronger",
            "rebuilds an index of an existing table in a transaction: writes to the table, and queries that use the"
                    + " index, wait until it is built",
            "op.execute(\"REINDEX INDEX CONCURRENTLY name\") in a migration of its own with @Revision(...,"
                    + " transactional = false); for a column change that rebuilds it, build an index of the new form"
                    + " concurrently under another name first, then drop the old one"),
    /**
     * {@code REFRESH MATERIALIZED VIEW} without {@code CONCURRENTLY} (or another rebuild) of a
     * materialized view that existed before the migration.
     */
    REFRESH_NOT_CONCURRENT(
            true,
            "refresh-not-concurrent",
            Severity.ERROR,
            "AccessExclusiveLock",
            "refreshes an existing materialized view without CONCURRENTLY: every query that reads the view waits"
                    + " under AccessExclusiveLock until the view's query has run again in full",
            "op.execute(\"REFRESH MATERIALIZED VIEW CONCURRENTLY name\") (ExclusiveLock: reads go on while it runs),"
                    + " which needs a unique index on the view over plain columns and without WHERE: create it once"
                    + " with CREATE UNIQUE INDEX CONCURRENTLY in a migration with @Revision(..., transactional = false)"),
    /**
     * A table that existed before the migration is spread over a Citus cluster (distributed by a column, made a
     * reference table, moved with its distributed schema) or taken back to the coordinator: its rows are copied
     * while writes to it wait.
     */
    DISTRIBUTION_COPIES_ROWS(
            true,
            "distribution-copies-rows",
            Severity.ERROR,
            "ExclusiveLock (AccessExclusiveLock to undistribute)",
            "spreads an existing table over a Citus cluster or takes it back to the coordinator: its rows are"
                    + " copied to the workers (to every node for a reference table), or back from them into a new"
                    + " table, while writes to it wait",
            "distribute a table in the migration that creates it, while it is empty; for a table with rows,"
                    + " op.execute(\"SELECT create_distributed_table_concurrently('orders', 'customer_id')\")"
                    + " (Citus 11.2 and later) copies them while writes go on, in a migration of its own with"
                    + " @Revision(..., transactional = false)"),
    /**
     * A statement Citus refuses on a table it spreads: a trigger, a foreign key to a table of the coordinator
     * alone or of another colocation group, a key without the distribution column, a type change of that column.
     */
    CITUS_REFUSES(
            false,
            "citus-refuses",
            Severity.ERROR,
            "none: the coordinator refuses the statement",
            "does to a distributed or reference table what Citus refuses: a trigger (unless"
                    + " citus.enable_unsafe_triggers), a foreign key from a distributed table to a table of the"
                    + " coordinator alone or to a distributed table of another colocation group, a primary key, unique"
                    + " constraint or unique index without the distribution column, a change of the distribution"
                    + " column's type",
            "the finding names the fix for its case: make the referenced table a reference table or colocate the"
                    + " two, include the distribution column in the key, add a new column rather than retype the"
                    + " distribution column"),
    /** A table or column that existed before the migration is dropped or renamed. */
    BACKWARD_INCOMPATIBLE(
            false,
            "backward-incompatible",
            Severity.WARNING,
            "AccessExclusiveLock",
            "drops or renames a table or column that the running version of the application may still use",
            "release the application that no longer uses it first and drop it in a later migration; for a rename,"
                    + " add the new name, write both, backfill, switch reads, then drop the old one"),
    /**
     * A trigger created, replaced, dropped, enabled or disabled on a table that existed before the
     * migration, which takes {@code ShareRowExclusiveLock} on it until the transaction ends.
     */
    TRIGGER_BLOCKS_WRITES(
            false,
            "trigger-blocks-writes",
            Severity.WARNING,
            "ShareRowExclusiveLock",
            "changes the triggers of an existing table, which takes ShareRowExclusiveLock: writes to the table wait"
                    + " from then until the migration's transaction ends, and while the statement waits for the lock"
                    + " behind a long transaction, writes queue behind it",
            "change the trigger in a short migration of its own that does nothing slow after it, so that the lock"
                    + " is held for milliseconds, with lockTimeout on (-Dmigrate.lockTimeout=5s) so that it gives up"
                    + " rather than queueing writes, and retry"),
    /**
     * Row-level security left on, at the end of the migration, on a table that existed before it,
     * with no permissive policy for {@code SELECT}: every role but the owner reads no rows.
     */
    ROW_SECURITY_WITHOUT_POLICY(
            false,
            "row-security-without-policy",
            Severity.WARNING,
            "AccessExclusiveLock",
            "leaves row-level security on an existing table with no policy that lets a role read it: once the"
                    + " migration commits, every role but the table's owner, superusers and roles with BYPASSRLS"
                    + " reads no rows of it",
            "create the policies the application's roles need in the same migration: op.execute(\"CREATE POLICY"
                    + " name ON table FOR SELECT TO role USING (...)\") (or FOR ALL); to lock every other role out on"
                    + " purpose, accept the finding with @SuppressLint"),
    /**
     * A statement fails on the rows of an existing table (a check, a cast, a unique index they break)
     * and runs once the tables are empty: it depends on the data it finds.
     */
    FAILS_ON_ROWS(
            false,
            "fails-on-rows",
            Severity.WARNING,
            "none of its own",
            "fails on rows that violate it (it failed on the lint's sample rows and ran once the tables were"
                    + " empty): applied to a table whose rows break it, the migration fails",
            "check the existing data before applying: find the rows it would refuse and fix them in an earlier"
                    + " migration, or accept the finding with @SuppressLint when the data is known to comply"),
    /**
     * A column type change that rows of the configured database do not fit, counted there as autogenerate counts
     * them ({@link TypeChangeRows}): a vector of another dimension, a geometry of another SRID or kind.
     */
    ROWS_REFUSE_TYPE(
            false,
            "rows-refuse-type",
            Severity.ERROR,
            "none of its own",
            "changes a column's type to one that rows of the configured database do not fit (counted there): applied"
                    + " there, the migration fails on them",
            "fix those rows in an earlier migration (compute the vectors again or set them to NULL; ST_Transform a"
                    + " geometry to the new SRID), or convert them in the type change with a USING expression"
                    + " (op.alterColumnType(table, column, type, \"ST_Transform(location, 3857)\"))"),
    /**
     * A statement fails on the lint's database, where existing tables hold sample rows (a new
     * {@code NOT NULL} column without a default, say): the lint stops there, and the migrations
     * after it are not analysed.
     */
    MIGRATION_FAILS(
            false,
            "migration-fails",
            Severity.ERROR,
            "none of its own",
            "fails on the lint's throwaway database, where every existing table holds sample rows: applied to"
                    + " a table with rows, the migration fails in production too",
            "make the statement work on a table with rows: give a new NOT NULL column a default, or add it"
                    + " nullable, fill it and then set NOT NULL; fix the data it trips over in an earlier migration"),
    /**
     * A revision imported from Flyway or Liquibase whose old migration had no undo: its downgrade throws until one
     * is written ({@code @Imported(downgrade = false)}).
     */
    NO_DOWNGRADE(
            false,
            "no-downgrade",
            Severity.WARNING,
            "none of its own",
            "was imported from a migration its old tool had no undo for: its downgrade throws, so a downgrade past it"
                    + " stops there",
            "write the downgrade in the revision (the statements that undo its upgrade) and set downgrade = true in"
                    + " its @Imported; or accept the finding with @SuppressLint when the revision is never to be"
                    + " undone"),
    /** A lock that blocks writes is taken on an existing table with no {@code lock_timeout}. */
    MISSING_LOCK_TIMEOUT(
            false,
            "missing-lock-timeout",
            Severity.WARNING,
            "ShareLock or stronger",
            "takes a lock that blocks writes on an existing table with lock_timeout = 0: behind a long transaction"
                    + " it waits, and every query on the table queues behind it",
            "keep the lockTimeout setting on (-Dmigrate.lockTimeout=5s), or op.execute(\"SET LOCAL lock_timeout ="
                    + " '5s'\") in the migration");

    /** How bad a finding is; {@code failOn} picks the level that fails the build. */
    public enum Severity {
        /** Blocks reads or writes for as long as the table takes to rewrite, scan or index. */
        ERROR,
        /** Can break a deployment or queue queries, depending on how the application is run. */
        WARNING,
        /**
         * A lock hazard on a table the configured database estimates below the lint's large-table
         * threshold: the lock is held for as long as a small table takes, which is briefly.
         */
        INFO
    }

    private final boolean weighsBySize;
    private final String id;
    private final Severity severity;
    private final String lock;
    private final String description;
    private final String safeForm;

    LintRule(boolean weighsBySize, String id, Severity severity, String lock, String description, String safeForm) {
        this.weighsBySize = weighsBySize;
        this.id = id;
        this.severity = severity;
        this.lock = lock;
        this.description = description;
        this.safeForm = safeForm;
    }

    /**
     * The id the lint prints and {@code @SuppressLint} takes: {@code LintRule.SET_NOT_NULL_SCAN.id()}.
     *
     * @return a lower-case id such as {@code set-not-null-scan}
     */
    public String id() {
        return id;
    }

    /**
     * How bad a finding of this rule is: {@code LintRule.BACKWARD_INCOMPATIBLE.severity()}.
     *
     * @return its severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Whether the harm grows with the table's rows (a build, scan or rewrite under a lock), so that
     * with a configured database the lint makes a finding information on a small table and an error
     * on a large one: {@code LintRule.INDEX_NOT_CONCURRENT.weighsBySize()}.
     *
     * @return true for the rules whose lock lasts as long as the table takes to read or write
     */
    public boolean weighsBySize() {
        return weighsBySize;
    }

    /**
     * The lock the rule is about, as PostgreSQL names it: {@code LintRule.INDEX_NOT_CONCURRENT.lock()}.
     *
     * @return a lock mode name
     */
    public String lock() {
        return lock;
    }

    /**
     * What a statement breaking the rule does: {@code LintRule.TABLE_REWRITE.description()}.
     *
     * @return a sentence fragment that follows "the statement"
     */
    public String description() {
        return description;
    }

    /**
     * The lock-safe way to do the same: {@code LintRule.CONSTRAINT_WITHOUT_NOT_VALID.safeForm()}.
     *
     * @return the alternative, with the migrate calls that write it
     */
    public String safeForm() {
        return safeForm;
    }

    /**
     * The rule with this id: {@code LintRule.byId("set-not-null-scan")}.
     *
     * @param id a rule id as printed
     * @return the rule, or empty for an unknown id
     */
    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
