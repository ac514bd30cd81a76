package dev.migrate.lint;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.Replay;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Replays a migrator's migrations on an empty throwaway database and reports what each statement of
 * the analysed ones locked, rewrote and scanned, with the {@link LintRule rules} they break:
 *
 * <pre>{@code
 * LintReport report = Lint.builder(migrator)
 *         .database(throwawayDataSource)                          // an empty database made for the lint
 *         .tableSizes(TableSizes.read(productionDataSource))      // optional: weigh hazards by real size
 *         .build()
 *         .pending(production.current());                         // or .run("base:heads")
 * }</pre>
 *
 * The lint writes a few sample rows into every table once it exists and, after a statement fails on
 * them, deletes them again: before anything runs it refuses ({@link LintRefusedException}) a database
 * that holds a version table or any table, view or sequence of its own. The migrator's own database,
 * if it has one, is never touched.
 */
public final class Lint {
    /**
     * The estimated rows from which a lock hazard on an existing table is an error rather than
     * information, when {@link Builder#tableSizes table sizes} are given: a non-concurrent index
     * build or a rewrite of 100,000 narrow rows holds its lock for well under a second, of millions
     * for minutes: {@code builder.largeTableRows(Lint.DEFAULT_LARGE_TABLE_ROWS * 10)}.
     */
    public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

    /**
     * How long each count of the rows a type change would fail on may run on the configured database, unless set
     * ({@code measureTimeout}'s default): {@code builder.measuringRowsOn(production, Lint.DEFAULT_MEASURE_TIMEOUT)}.
     */
    public static final Duration DEFAULT_MEASURE_TIMEOUT = Duration.ofSeconds(5);

    private final Migrator migrator;
    private final DataSource database;
    private final TableSizes sizes;
    private final long largeTableRows;
    private final @Nullable Set<String> judged; // null: every analysed revision
    private final @Nullable DataSource headedFor;
    private final Duration measureTimeout;

    private Lint(Builder builder, DataSource database) {
        this.migrator = builder.migrator;
        this.database = database;
        this.sizes = builder.sizes;
        this.largeTableRows = builder.largeTableRows;
        this.judged = builder.judged;
        this.headedFor = builder.headedFor;
        this.measureTimeout = builder.measureTimeout;
    }

    /**
     * Starts a lint of {@code migrator}'s migrations (its classes, version table names, transaction
     * mode and timeouts): {@code Lint.builder(migrator).database(throwaway).build()}.
     *
     * @param migrator a built migrator; with a database or without
     * @return a builder
     */
    public static Builder builder(Migrator migrator) {
        return new Builder(migrator);
    }

    /**
     * Lints the revisions of {@code range}, applying those below it first without analysis:
     * {@code lint.run("base:heads").findings()}.
     *
     * @param range {@code <from>:<to>}; the analysis covers the revisions above {@code from} up to
     *     {@code to} ({@code heads} when empty), {@code base:heads} covers the whole chain
     * @return what was seen
     * @throws LintRefusedException when the database is not an empty one, before anything runs
     * @throws LintStoppedException when a migration fails, with what was seen up to it
     */
    public LintReport run(String range) {
        Replay replay = MigratorTools.of(migrator).replayOn(database);
        RevisionTarget r = RevisionTarget.orRange(range);
        return lint(replay, r.lower().map(replay.graph()::versionsAt).orElse(Set.of()), r.upper(RevisionTarget.HEADS));
    }

    /**
     * Lints the migrations pending on another database, such as production, given its current
     * revisions (read from there; nothing runs there):
     * {@code lint.pending(Migrator.builder().url(productionUrl).build().current()).findings()}.
     *
     * @param current the revisions the other database is at, as its {@link Migrator#current()} gives them
     * @return what was seen of the migrations it has not applied yet
     * @throws LintRefusedException when the lint's database is not an empty one, before anything runs
     * @throws LintStoppedException when a migration fails, with what was seen up to it
     */
    public LintReport pending(List<CurrentRevision> current) {
        return lint(
                MigratorTools.of(migrator).replayOn(database),
                current.stream().map(CurrentRevision::id).collect(Collectors.toSet()),
                RevisionTarget.HEADS);
    }

    private LintReport lint(Replay replay, Set<String> from, RevisionTarget to) {
        ThrowawayCheck.requireEmpty(database, replay.versionTable());
        Set<String> analysed = replay.graph().upgradeRevisions(from, to).stream()
                .filter(id -> judged == null || judged.contains(id))
                .collect(Collectors.toSet());
        try (RowsRefusingType rows = headedFor == null ? null : new RowsRefusingType(headedFor, measureTimeout)) {
            return lint(replay, to, new Linter(analysed, replay.ownTables(), rows));
        }
    }

    private LintReport lint(Replay replay, RevisionTarget to, Linter linter) {
        try {
            replay.upgrade(to, linter);
            linter.migrationEnded();
            linter.withoutDowngrade(MigratorTools.of(migrator).withoutDowngrade());
        } catch (MigrationFailedException e) {
            String refused = linter.report().findings().stream()
                    .filter(f -> f.rule() == LintRule.CITUS_REFUSES)
                    .map(f -> " [" + LintRule.CITUS_REFUSES.id() + "] " + f.revision() + " " + f.detail() + ".")
                    .collect(Collectors.joining());
            throw new LintStoppedException(
                    e.getMessage() + refused
                            + " The lint ran the migrations on a throwaway database where every table holds "
                            + Linter.SAMPLE_ROWS + " rows once it exists: a migration that fails on a table with rows"
                            + " fails in production too.",
                    e,
                    weighed(linter.report()));
        }
        return weighed(linter.report());
    }

    /** The findings with the estimated rows of their tables, and the severity that size gives them. */
    private LintReport weighed(LintReport report) {
        List<LintFinding> findings = report.findings().stream()
                .map(f -> sizes.estimatedRows(f.table()).isPresent()
                        ? weighed(f, sizes.estimatedRows(f.table()).getAsLong())
                        : f)
                .toList();
        return new LintReport(report.serverVersion(), report.revisions(), report.statements(), findings);
    }

    private LintFinding weighed(LintFinding finding, long rows) {
        if (!finding.rule().weighsBySize()) {
            return finding.weighed(finding.severity(), rows);
        }
        return finding.weighed(rows >= largeTableRows ? LintRule.Severity.ERROR : LintRule.Severity.INFO, rows);
    }

    /** Where the lint runs and what it weighs findings by: {@code Lint.builder(migrator).database(ds).build()}. */
    public static final class Builder {
        private final Migrator migrator;
        private @Nullable DataSource database;
        private TableSizes sizes = TableSizes.UNKNOWN;
        private long largeTableRows = DEFAULT_LARGE_TABLE_ROWS;
        private @Nullable Set<String> judged; // null: every analysed revision
        private @Nullable DataSource headedFor;
        private Duration measureTimeout = DEFAULT_MEASURE_TIMEOUT;

        private Builder(Migrator migrator) {
            this.migrator = Objects.requireNonNull(migrator, "migrator");
        }

        /**
         * The database the migrations are replayed on: an empty one made for the lint, such as a
         * database of a throwaway server: {@code builder.database(embedded.getPostgresDatabase())}.
         *
         * @param throwaway a PostgreSQL data source; anything else in it is refused
         * @return this builder
         */
        public Builder database(DataSource throwaway) {
            this.database = Objects.requireNonNull(throwaway, "throwaway");
            return this;
        }

        /**
         * The estimated rows of the tables of the database the migrations are headed for: a finding of
         * a rule that {@link LintRule#weighsBySize() weighs by size} is an error on a table of at
         * least {@link #largeTableRows(long)} rows and information below; every finding on a table it
         * holds carries the estimate: {@code builder.tableSizes(TableSizes.read(productionDataSource))}.
         *
         * @param estimates the estimates; {@link TableSizes#UNKNOWN} (the default) keeps every rule's severity
         * @return this builder
         */
        public Builder tableSizes(TableSizes estimates) {
            this.sizes = Objects.requireNonNull(estimates, "estimates");
            return this;
        }

        /**
         * The database the migrations are headed for, only read: a column type change the replay sees is measured
         * on its rows, as autogenerate measures it ({@link TypeChangeRows}: a vector of another dimension, a
         * geometry of another SRID or kind, a value too long), and the rows that would make it fail are a {@link
         * LintRule#ROWS_REFUSE_TYPE} finding with their count and an example; each count may run {@code timeout}:
         * {@code builder.measuringRowsOn(productionDataSource, Duration.ofSeconds(5))}.
         *
         * @param configured the database, read on a read-only connection of the lint's own
         * @param timeout how long each count may run; a count stopped by it is a finding that says so
         * @return this builder
         */
        public Builder measuringRowsOn(DataSource configured, Duration timeout) {
            this.headedFor = Objects.requireNonNull(configured, "configured");
            this.measureTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The estimated rows from which a hazard weighed by size is an error ({@link
         * #DEFAULT_LARGE_TABLE_ROWS} unless set): {@code builder.largeTableRows(1_000_000)}.
         *
         * @param rows 0 or more; 0 makes every hazard an error again
         * @return this builder
         */
        public Builder largeTableRows(long rows) {
            if (rows < 0) {
                throw new MigrateException("largeTableRows must be 0 or more, not " + rows + ".");
            }
            this.largeTableRows = rows;
            return this;
        }

        /**
         * Reports findings only for these revisions, such as those a pull request adds; the others
         * still replay, without analysis, so that locks and rewrites are measured on the schema they
         * build: {@code builder.judgingOnly(Set.of("20261122_101500"))}.
         *
         * @param revisions revision ids; those outside the analysed range stay unanalysed
         * @return this builder
         */
        public Builder judgingOnly(Collection<String> revisions) {
            this.judged = Set.copyOf(revisions);
            return this;
        }

        /**
         * The configured lint; connects to nothing yet: {@code Lint lint = builder.build()}.
         *
         * @return the lint
         */
        public Lint build() {
            if (database == null) {
                throw new MigrateException("The lint has no database to replay the migrations on. Give it an empty"
                        + " database made for it with builder.database(dataSource), such as one of a throwaway server;"
                        + " mvn migrate:lint starts one.");
            }
            return new Lint(this, database);
        }
    }
}
