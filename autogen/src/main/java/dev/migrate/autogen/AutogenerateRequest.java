package dev.migrate.autogen;

import dev.migrate.Migrator;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.diff.RenameDecider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a comparison of the entities with the schema at head is asked to do, for
 * {@link Autogenerate#run}:
 *
 * <pre>{@code
 * AutogenerateRequest request = AutogenerateRequest.builder(chain, entityDdl)
 *         .managedSchema("public")
 *         .excluding(List.of("tmp_*"))
 *         .entityCacheIn(Path.of("target/migrate/entity-cache"))
 *         .replayCacheIn(Path.of("target/migrate/replay-cache"))
 *         .build();
 * }</pre>
 */
public final class AutogenerateRequest {
    /** The most rows a declared table holds unless the project says otherwise: reference data, not bulk data. */
    public static final int DEFAULT_ROW_LIMIT = 10_000;

    private final Migrator chain;
    private final EntityDdlSource entityDdl;
    private final String managedSchema;
    private final List<String> exclude;
    private final String versionTable;
    private final String historyTable;
    private final Map<String, String> renames;
    private final @Nullable RenameDecider renameDecider;
    private final List<String> notRenamed;
    private final @Nullable Path entityCache;
    private final @Nullable Path entitySnapshot;
    private final boolean entitySnapshotWritten;
    private final @Nullable Path replayCache;
    private final ComparisonDatabase comparisonDatabase;
    private final @Nullable Duration measureTimeout;
    private final long largeTableRows;
    private final boolean serialToIdentity;
    private final boolean wholeSchemaDeclared;
    private final DeclaredObjects objects;
    private final DeclaredRows rows;
    private final int rowLimit;
    private final boolean expectingNoDifference;
    private final boolean readyingAhead;

    private AutogenerateRequest(Builder builder) {
        this.chain = builder.chain;
        this.entityDdl = builder.entityDdl;
        this.managedSchema = builder.managedSchema;
        this.exclude = List.copyOf(builder.exclude);
        this.versionTable = builder.versionTable;
        this.historyTable = builder.historyTable;
        this.renames = Map.copyOf(builder.renames);
        this.renameDecider = builder.renameDecider;
        this.notRenamed = List.copyOf(builder.notRenamed);
        this.entityCache = builder.entityCache;
        this.entitySnapshot = builder.entitySnapshot;
        this.entitySnapshotWritten = builder.entitySnapshotWritten;
        this.replayCache = builder.replayCache;
        this.comparisonDatabase = builder.comparisonDatabase;
        this.measureTimeout = builder.measureTimeout;
        this.largeTableRows = builder.largeTableRows;
        this.serialToIdentity = builder.serialToIdentity;
        this.wholeSchemaDeclared = builder.wholeSchemaDeclared;
        this.objects = builder.objects;
        this.rows = builder.rows;
        this.rowLimit = builder.rowLimit;
        this.expectingNoDifference = builder.expectingNoDifference;
        this.readyingAhead = builder.readyingAhead;
    }

    /**
     * A request to compare the entities whose DDL {@code entityDdl} gives with the schema
     * {@code chain} builds.
     *
     * @param chain the migrations: a migrator over the configured database when there is one (which
     *     must be at head), otherwise one without a database, whose chain a throwaway server replays
     */
    public static Builder builder(Migrator chain, EntityDdlSource entityDdl) {
        return new Builder(chain, entityDdl);
    }

    public Migrator chain() {
        return chain;
    }

    public EntityDdlSource entityDdl() {
        return entityDdl;
    }

    public String managedSchema() {
        return managedSchema;
    }

    /** The user's patterns of names left alone; the version tables are left alone besides. */
    public List<String> exclude() {
        return exclude;
    }

    public String versionTable() {
        return versionTable;
    }

    public String historyTable() {
        return historyTable;
    }

    public Map<String, String> renames() {
        return renames;
    }

    /** Who is asked whether something renamed; empty in batch mode, where what looks renamed is reported instead. */
    public Optional<RenameDecider> renameDecider() {
        return Optional.ofNullable(renameDecider);
    }

    public List<String> notRenamed() {
        return notRenamed;
    }

    public Optional<Path> entityCache() {
        return Optional.ofNullable(entityCache);
    }

    /** The file the provider's DDL is kept in within the project, read with the entity cache; empty: none. */
    public Optional<Path> entitySnapshot() {
        return Optional.ofNullable(entitySnapshot);
    }

    /** Whether the provider's DDL is written to the {@link #entitySnapshot} once known. */
    public boolean entitySnapshotWritten() {
        return entitySnapshotWritten;
    }

    public Optional<Path> replayCache() {
        return Optional.ofNullable(replayCache);
    }

    public ComparisonDatabase comparisonDatabase() {
        return comparisonDatabase;
    }

    /** How long each query that measures a change on the configured database's rows may run; empty: nothing measured. */
    public Optional<Duration> measureTimeout() {
        return Optional.ofNullable(measureTimeout);
    }

    public long largeTableRows() {
        return largeTableRows;
    }

    /** Whether a {@code serial} column the entities want as an identity column is converted; otherwise it is no difference. */
    public boolean serialToIdentity() {
        return serialToIdentity;
    }

    /**
     * Whether the desired side declares the whole schema (SQL schema files, a program's DDL), so that what entities
     * cannot express (an expression index, an operator class, another index method) is compared like the rest, and
     * dropped where it is no longer declared.
     */
    public boolean wholeSchemaDeclared() {
        return wholeSchemaDeclared;
    }

    /** The objects beside tables the project declares; {@link DeclaredObjects#none()} by default. */
    public DeclaredRows rows() {
        return rows;
    }

    /** The most rows a declared table may hold ({@link Builder#declaringRows}). */
    public int rowLimit() {
        return rowLimit;
    }

    public DeclaredObjects objects() {
        return objects;
    }

    /** Builds a request; every setting but the chain and the entity DDL has a default. */
    /**
     * Whether a difference is the exception ({@code check}): on a fresh checkout the schema at head is
     * then first read from the migrations' SQL without a server, and a server starts only when that
     * reading cannot confirm the entities.
     */
    public boolean expectingNoDifference() {
        return expectingNoDifference;
    }

    /**
     * Whether the comparison is run ahead of the next one, to ready what that one needs ({@link
     * Builder#readyingAhead()}): its differences are not wanted.
     */
    public boolean readyingAhead() {
        return readyingAhead;
    }

    public static final class Builder {
        private final Migrator chain;
        private final EntityDdlSource entityDdl;
        private String managedSchema = "public";
        private List<String> exclude = List.of();
        private String versionTable = "migrate_version";
        private String historyTable = "migrate_history";
        private Map<String, String> renames = Map.of();
        private @Nullable RenameDecider renameDecider;
        private List<String> notRenamed = List.of();
        private @Nullable Path entityCache;
        private @Nullable Path entitySnapshot;
        private boolean entitySnapshotWritten;
        private @Nullable Path replayCache;
        private ComparisonDatabase comparisonDatabase = ComparisonDatabase.AUTO;
        private @Nullable Duration measureTimeout;
        private long largeTableRows = Long.MAX_VALUE;
        private boolean serialToIdentity;
        private boolean wholeSchemaDeclared;
        private boolean expectingNoDifference;
        private boolean readyingAhead;
        private DeclaredObjects objects = DeclaredObjects.none();
        private DeclaredRows rows = DeclaredRows.none();
        private int rowLimit = DEFAULT_ROW_LIMIT;

        private Builder(Migrator chain, EntityDdlSource entityDdl) {
            this.chain = Objects.requireNonNull(chain, "chain");
            this.entityDdl = Objects.requireNonNull(entityDdl, "entityDdl");
        }

        /** The schema the entities are compared with (default {@code public}); objects in other schemas are never touched. */
        public Builder managedSchema(String schema) {
            this.managedSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** Name patterns left alone on both sides ({@code *} and {@code ?} globs; with a dot, {@code schema.name}). */
        public Builder excluding(List<String> patterns) {
            this.exclude = List.copyOf(patterns);
            return this;
        }

        /** Leaves {@code patterns} alone too, beside the patterns given so far: a module's dependencies' tables. */
        public Builder excludingAlso(List<String> patterns) {
            List<String> all = new ArrayList<>(exclude);
            all.addAll(patterns);
            this.exclude = List.copyOf(all);
            return this;
        }

        /** The version and history tables, always left alone (default {@code migrate_version}, {@code migrate_history}). */
        public Builder versionTables(String version, String history) {
            this.versionTable = Objects.requireNonNull(version, "version");
            this.historyTable = Objects.requireNonNull(history, "history");
            return this;
        }

        /** Renames to write instead of drop plus add: {@code old_table=new_table}, {@code table.old_column=new_column}. */
        public Builder renames(Map<String, String> hints) {
            this.renames = Map.copyOf(hints);
            return this;
        }

        /** Asks {@code decider} whether what disappeared and what appeared is a rename (interactive use). */
        public Builder askingAboutRenames(RenameDecider decider) {
            this.renameDecider = Objects.requireNonNull(decider, "decider");
            return this;
        }

        /** Tables ({@code old_table}) and columns ({@code table.old_column}) that look renamed but are not. */
        public Builder notRenamed(List<String> names) {
            this.notRenamed = List.copyOf(names);
            return this;
        }

        /** Keeps the provider's DDL and the entity side in {@code directory} between runs. */
        public Builder entityCacheIn(Path directory) {
            this.entityCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Reads the provider's DDL from {@code file} when it was written for the same entities, provider and
         * settings, on any machine (a clean checkout in CI), as a run reads it from the {@linkplain #entityCacheIn
         * entity cache}, which it is read beside.
         */
        public Builder readingEntitySnapshot(Path file) {
            this.entitySnapshot = Objects.requireNonNull(file, "file");
            return this;
        }

        /** As {@link #readingEntitySnapshot}, and writes the DDL there once known ({@code autogenerate}). */
        public Builder writingEntitySnapshot(Path file) {
            this.entitySnapshotWritten = true;
            return readingEntitySnapshot(file);
        }

        /** Keeps the schema the chain replays to on the embedded default in {@code directory} between runs. */
        public Builder replayCacheIn(Path directory) {
            this.replayCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Where the entity side goes when a database is configured (default {@link ComparisonDatabase#AUTO}). */
        public Builder entitiesOn(ComparisonDatabase database) {
            this.comparisonDatabase = Objects.requireNonNull(database, "database");
            return this;
        }

        /**
         * Measures the risky changes on the configured database's rows, each query bounded by
         * {@code timeout}; tables of at least {@code largeRows} estimated rows count as large.
         */
        public Builder measuringRows(Duration timeout, long largeRows) {
            this.measureTimeout = Objects.requireNonNull(timeout, "timeout");
            this.largeTableRows = largeRows;
            return this;
        }

        /**
         * Converts a {@code serial} column the entities want as an identity column when {@code convert}:
         * its default dropped, the identity added past the column's largest value, the sequence dropped.
         */
        public Builder convertingSerialToIdentity(boolean convert) {
            this.serialToIdentity = convert;
            return this;
        }

        /**
         * The desired side declares the whole schema when {@code declared} (SQL schema files, a program's DDL): an
         * index entities cannot express is compared, and dropped once no statement declares it.
         */
        public Builder declaringTheWholeSchema(boolean declared) {
            this.wholeSchemaDeclared = declared;
            return this;
        }

        /**
         * The views, functions, triggers, policies, types and extensions the project declares: with an
         * objects directory, every object of the managed schemas is compared, and one the project lacks
         * is dropped.
         */
        public Builder declaringObjects(DeclaredObjects declared) {
            this.objects = Objects.requireNonNull(declared, "declared");
            return this;
        }

        /**
         * Says that a difference is the exception, as for {@code check}: a cold comparison then tries the
         * schema at head read from the migrations' SQL before it starts a server; a comparison that expects
         * one ({@code autogenerate}) starts the server at once, for the replay to overlap the JPA provider.
         */
        public Builder expectingNoDifference(boolean expected) {
            this.expectingNoDifference = expected;
            return this;
        }

        /**
         * Says that the comparison is run ahead of the next one, to ready what that one needs (a watch's, behind its
         * first cycle), its differences not wanted: on the embedded default it replays a chain the replay cache
         * lacks rather than reading the chain's SQL, and builds the entity side on the server even where reading it
         * without one confirms the match (or, the caches answering, starts the server and builds it there when the
         * entity cache keeps no build for that server), so that the caches keep the schema at head and the build the
         * next comparison builds only the changed tables against, on a server already up.
         */
        public Builder readyingAhead() {
            this.readyingAhead = true;
            return this;
        }

        /**
         * The rows the project declares ({@code db/data/}): those of the chain's contexts are compared by key with
         * the rows at head, a table of more than {@code limit} rows refused.
         */
        public Builder declaringRows(DeclaredRows declared, int limit) {
            this.rows = Objects.requireNonNull(declared, "declared");
            if (limit < 1) {
                throw new IllegalArgumentException("The row limit of declared tables must be at least 1: " + limit);
            }
            this.rowLimit = limit;
            return this;
        }

        public AutogenerateRequest build() {
            return new AutogenerateRequest(this);
        }
    }
}
