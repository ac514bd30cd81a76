package dev.migrate;

import dev.migrate.connection.DatabaseUrl;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.MigratorAccess;
import dev.migrate.internal.discovery.DeclaredModules;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationScanner;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.text.Fixes;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Applies and inspects migrations on one database.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder().dataSource(ds).packages("db.migrations").build();
 * MigrationResult result = migrator.upgrade("head");
 * migrator.assertUpToDate();
 * }</pre>
 *
 * Building a migrator finds the migration classes and validates the revision graph; it does not
 * connect. The offline methods ({@code upgradeSql}, ...) need no database at all.
 */
public final class Migrator {
    /**
     * The {@code lock_timeout} of migration statements unless configured, as strong_migrations
     * uses: long enough for a brief lock behind normal traffic, short enough that a statement stuck
     * behind a long transaction does not stall every query on its table:
     * {@code Migrator.DEFAULT_LOCK_TIMEOUT.toSeconds()}.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Settings.DEFAULT_LOCK_TIMEOUT;

    /**
     * How many times a migration that failed on {@code lock_timeout} is tried again unless configured:
     * {@code builder.lockRetries(Migrator.DEFAULT_LOCK_RETRIES + 2)}.
     */
    public static final int DEFAULT_LOCK_RETRIES = Settings.DEFAULT_LOCK_RETRIES;

    private final Engine engine;
    private final boolean online;
    /** Where the migrations were looked for, for the message when there are none. */
    private final String searched;

    private final MigrationListener listener;

    static {
        // the plugin, autogen, the lint and migrate-junit reach what this class offers no application
        // (the replay, the round trips, the report texts) through this hook alone
        MigratorAccess.register(new MigratorAccess.Opener() {
            @Override
            public Engine engine(Migrator migrator) {
                return migrator.engine;
            }

            @Override
            public Engine database(Migrator migrator) {
                return migrator.requireDatabase();
            }

            @Override
            public boolean online(Migrator migrator) {
                return migrator.online;
            }

            @Override
            public MigrationListener listener(Migrator migrator) {
                return migrator.listener;
            }

            @Override
            public Engine migrations(Migrator migrator) {
                return migrator.requireMigrations();
            }

            @Override
            public void fixes(Migrator.Builder builder, Fixes fixes) {
                builder.settings.fixes(Objects.requireNonNull(fixes, "fixes"));
            }

            @Override
            public void startedByAgent(Migrator.Builder builder, String agent) {
                builder.settings.consent(consent -> consent.startedBy(agent));
            }
        });
    }

    /** Where the schema of the head is kept when {@code assertUpToDate} also checks drift; {@code null}: it does not. */
    private final @Nullable ClassLoader driftResources;

    private Migrator(
            Engine engine,
            boolean online,
            String searched,
            MigrationListener listener,
            @Nullable ClassLoader driftResources) {
        this.engine = engine;
        this.online = online;
        this.searched = searched;
        this.listener = listener;
        this.driftResources = driftResources;
    }

    /**
     * Starts the configuration of a migrator: {@code Migrator.builder().url("postgresql://app:secret@db/app").build()}.
     *
     * @return a builder with the defaults ({@code db.migrations}, version tables in {@code public})
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- running migrations ----

    /**
     * Applies migrations up to {@code target}: {@code migrator.upgrade("head").applied().size()}.
     *
     * @param target {@code head}, {@code heads}, an id or unique prefix, {@code +N}, {@code <id>+N}, {@code base+N},
     *     {@code <label>@head} or another of the target forms of docs/reference/targets.md; several separated by commas
     * @return the steps applied, none when the database was already there
     * @throws MigrateException after the listener's {@code onFailure}; among others a {@link BadTargetException},
     *     {@link ConnectionFailedException}, {@link ChecksumMismatchException} or {@link MigrationFailedException}
     */
    public MigrationResult upgrade(String target) {
        return run(StepDirection.UPGRADE, target, () -> RevisionTarget.of(target));
    }

    /**
     * Applies migrations up to {@code target}, parsed where it was written, as {@link #upgrade(String)} does:
     * {@code migrator.upgrade(RevisionTarget.of("head"))}.
     */
    public MigrationResult upgrade(RevisionTarget target) {
        return run(StepDirection.UPGRADE, target.text(), () -> target);
    }

    /**
     * Reverts migrations down to {@code target}: {@code migrator.downgrade("-1")}.
     *
     * @param target {@code -N}, {@code base}, an id or unique prefix, {@code <id>-N}, {@code <label>@base},
     *     {@code <label>@<id>} (that branch only) or another of the target forms of docs/reference/targets.md
     * @return the steps applied, none when the target is the current revision
     * @throws BadTargetException when the target is not applied (above the current revision), before
     *     anything runs
     */
    public MigrationResult downgrade(String target) {
        return run(StepDirection.DOWNGRADE, target, () -> RevisionTarget.of(target));
    }

    /**
     * Reverts migrations down to {@code target}, parsed where it was written, as {@link #downgrade(String)} does:
     * {@code migrator.downgrade(RevisionTarget.of("-1"))}.
     */
    public MigrationResult downgrade(RevisionTarget target) {
        return run(StepDirection.DOWNGRADE, target.text(), () -> target);
    }

    /**
     * Runs the contract phase of the online revision in its expand phase, in one transaction: the old
     * columns, the triggers and the temporary names go, and the tables have the new shape under their
     * final names; the views of its schema {@code <schema>_<revision>} keep working:
     * {@code migrator.complete().ifPresent(id -> System.out.println("completed " + id))}.
     *
     * @return the revision completed, or empty when no online revision was in its expand phase
     */
    public Optional<String> complete() {
        try {
            return requireDatabase().complete();
        } catch (MigrateException e) {
            listener.onFailure(e);
            throw e;
        }
    }

    /**
     * Checks {@code target} against the migrations alone, before anything connects: its form, and each
     * revision id, prefix and branch it names, on both sides of an offline {@code <from>:<to>} range (the
     * steps of a relative form are counted later, from the database's revision). The goals and the command
     * line call it first, so a misspelt target fails once, naming it, rather than under the migration lock,
     * or once per tenant of a fleet: {@code migrator.checkTarget(RevisionTarget.of("heda"))}.
     *
     * @throws BadTargetException naming what is wrong and the forms a target takes
     */
    public void checkTarget(RevisionTarget target) {
        requireMigrations().graph().checkNames(target);
    }

    /**
     * Runs an upgrade or a downgrade to {@code target} between the listener's {@code beforeRun} and {@code afterRun};
     * a target that does not parse is heard as the run's failure.
     */
    private MigrationResult run(StepDirection direction, String text, Supplier<RevisionTarget> target) {
        return run(
                new MigrationRun(direction, text, false),
                () -> direction == StepDirection.UPGRADE
                        ? requireDatabase().upgrade(target.get())
                        : requireDatabase().downgrade(target.get()));
    }

    /** Runs an upgrade or a downgrade between the listener's {@code beforeRun} and {@code afterRun}. */
    private MigrationResult run(MigrationRun run, Supplier<List<AppliedStep>> work) {
        long start = System.nanoTime();
        listener.beforeRun(run);
        MigrationResult result;
        try {
            result = new MigrationResult(work.get());
        } catch (MigrateException e) {
            listener.onFailure(e);
            failedRun(run, start, e);
            throw e;
        } catch (RuntimeException | Error e) {
            failedRun(run, start, e);
            throw e;
        }
        listener.afterRun(new FinishedRun(run, Duration.ofNanos(System.nanoTime() - start), true));
        return result;
    }

    /** Tells the listener a run failed; what it throws then goes with the run's own failure. */
    private void failedRun(MigrationRun run, long start, Throwable failure) {
        try {
            listener.afterRun(new FinishedRun(run, Duration.ofNanos(System.nanoTime() - start), false));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Sets the version table to {@code target} without running any migration: {@code migrator.stamp("head", false)}.
     *
     * @param target the revisions the database is to be marked as being at, as for {@link #upgrade}; the
     *     rows recorded are those an upgrade there would leave, a dependency's own row included
     * @param purge empty the version table first, for a table that names revisions no class defines
     */
    public void stamp(String target, boolean purge) {
        stamp(RevisionTarget.of(target), purge);
    }

    /**
     * Sets the version table to {@code target}, parsed where it was written, as {@link #stamp(String, boolean)} does:
     * {@code migrator.stamp(RevisionTarget.of("head"), false)}.
     */
    public void stamp(RevisionTarget target, boolean purge) {
        requireDatabase().stamp(target, purge);
    }

    /**
     * The database's current revisions: {@code migrator.current().forEach(System.out::println)}.
     *
     * @return one entry per version row, empty when no revision is applied
     */
    public List<CurrentRevision> current() {
        return requireDatabase().reads().current();
    }

    /**
     * Fails with a {@link MigrateException} unless the database is at every head; call it at
     * application start: {@code migrator.assertUpToDate()}. Under {@link Builder#validateDrift}, it
     * also fails when the database at head no longer has the schema its migrations build there,
     * naming each difference.
     */
    public void assertUpToDate() {
        requireDatabase().assertUpToDate(driftResources);
    }

    // ---- offline SQL ----

    /**
     * Writes the SQL script of an upgrade; needs no database:
     * {@code migrator.upgradeSql("head", writer)}.
     *
     * @param range {@code <to>} (from base) or {@code <from>:<to>}
     * @param out where the script goes; the caller flushes and closes it
     */
    public void upgradeSql(String range, Writer out) {
        upgradeSql(RevisionTarget.orRange(range), out);
    }

    /**
     * Writes the SQL script of an upgrade over {@code range}, parsed where it was written, as
     * {@link #upgradeSql(String, Writer)} does: {@code migrator.upgradeSql(RevisionTarget.orRange("base:head"), writer)}.
     */
    public void upgradeSql(RevisionTarget range, Writer out) {
        requireMigrations().upgradeSql(range, out);
    }

    /**
     * Writes the SQL script of a downgrade; needs no database:
     * {@code migrator.downgradeSql("head:-1", writer)}.
     *
     * @param range {@code <from>:<to>}: there is no database to ask where to start
     * @param out where the script goes; the caller flushes and closes it
     */
    public void downgradeSql(String range, Writer out) {
        downgradeSql(RevisionTarget.orRange(range), out);
    }

    /**
     * Writes the SQL script of a downgrade over {@code range}, parsed where it was written, as
     * {@link #downgradeSql(String, Writer)} does: {@code migrator.downgradeSql(RevisionTarget.orRange("head:-1"), writer)}.
     */
    public void downgradeSql(RevisionTarget range, Writer out) {
        requireMigrations().downgradeSql(range, out);
    }

    /**
     * Writes the SQL of an online revision's contract phase, what {@link #complete()} runs; needs no
     * database: {@code migrator.completeSql("head", writer)}.
     *
     * @param target the online revision, in any target form that names one revision
     * @param out where the script goes; the caller flushes and closes it
     */
    public void completeSql(String target, Writer out) {
        completeSql(RevisionTarget.of(target), out);
    }

    /**
     * Writes the SQL of the contract phase of the online revision {@code target}, as {@link #completeSql(String, Writer)}
     * does: {@code migrator.completeSql(RevisionTarget.of("head"), writer)}.
     */
    public void completeSql(RevisionTarget target, Writer out) {
        requireMigrations().completeSql(target, out);
    }

    /**
     * Writes the SQL that stamps {@code target}; needs no database:
     * {@code migrator.stampSql("head", false, writer)}.
     *
     * @param target the revisions to mark the database as being at, written for an empty version table;
     *     or a range {@code <from>:<to>}, whose script moves the rows of a database at {@code from} to {@code to}
     * @param purge empty the version table first
     * @param out where the script goes; the caller flushes and closes it
     */
    public void stampSql(String target, boolean purge, Writer out) {
        stampSql(RevisionTarget.orRange(target), purge, out);
    }

    /**
     * Writes the SQL that stamps {@code target}, as {@link #stampSql(String, boolean, Writer)} does:
     * {@code migrator.stampSql(RevisionTarget.of("head"), false, writer)}.
     */
    public void stampSql(RevisionTarget target, boolean purge, Writer out) {
        requireMigrations().stampSql(target, purge, out);
    }

    // ---- the revision graph; none of these needs a database ----

    /**
     * Every revision found, parents and dependencies before the revisions that need them:
     * {@code migrator.revisions().size()}.
     *
     * @return the revisions, bases first; empty when no migration was found
     */
    public List<RevisionDetails> revisions() {
        RevisionGraph graph = engine.graph();
        return graph.all().stream().map(graph::details).toList();
    }

    /**
     * The contexts its runs are given, as the builder's {@code contexts} took them: {@code migrator.contexts()}.
     * The revisions limited to others are not in its graph. Empty for a run given none.
     */
    public java.util.Set<String> contexts() {
        return engine.settings().contexts();
    }

    /**
     * The ids of the revisions nothing revises yet: {@code migrator.heads()}. One, unless the graph has branches.
     *
     * @return the heads' ids, in the graph's order
     */
    public List<String> heads() {
        return engine.graph().heads();
    }

    /**
     * The one revision a target names: {@code migrator.revision("head")}.
     *
     * @param target a full id or unique prefix, {@code head} or {@code <label>@head}
     * @return that revision
     * @throws MigrateException when the target names no revision, or several
     */
    public RevisionDetails revision(String target) {
        return revision(RevisionTarget.of(target));
    }

    /**
     * The one revision {@code target}, parsed where it was written, names, as {@link #revision(String)} answers:
     * {@code migrator.revision(RevisionTarget.of("head"))}.
     */
    public RevisionDetails revision(RevisionTarget target) {
        RevisionGraph graph = engine.graph();
        return graph.details(graph.resolveOne(target, Set.of()));
    }

    /**
     * Finding no migration is never a success: a wrong package, a missing build or a misplaced
     * class would otherwise leave the database untouched while the run reports nothing to do.
     */
    private Engine requireMigrations() {
        if (engine.graph().size() == 0) {
            throw new MigrateException("No migration was found " + searched + ". "
                    + engine.settings().fixes().noMigrations());
        }
        return engine;
    }

    private Engine requireDatabase() {
        requireMigrations();
        if (!online) {
            throw new MigrateException(
                    "No database is configured for this migrator. Give it a DataSource or a JDBC URL "
                            + "(Migrator.builder().dataSource(...) or .url(...)), or use the offline *Sql methods.");
        }
        return engine;
    }

    /**
     * What a {@link Fleet} takes from a migrator's builder: the engine every tenant runs with, and the
     * builder's database, null when it has none.
     */
    record FleetParts(Engine engine, @Nullable ConnectionSource connections) {}

    /**
     * Configures a {@link Migrator}; only {@link #dataSource} or {@link #url} is needed to run against a database:
     * {@code Migrator.builder().url("postgresql://app:secret@db:5432/app").packages("db.migrations").build()}.
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable DatabaseUrl url;
        private @Nullable String user;
        private @Nullable String password;
        private @Nullable CredentialsProvider credentials;
        private List<String> packages = List.of(MigrationScanner.DEFAULT_PACKAGE);
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<Migration> instances = new ArrayList<>();
        private final List<DeclaredModules.Declared> modules = new ArrayList<>();
        private @Nullable ClassLoader classLoader;
        private boolean validateDrift;
        /** Everything about how a run behaves, with its defaults. */
        private final Settings.Builder settings = Settings.builder();

        private Builder() {}

        /**
         * The database to run against, as the application already has it: {@code builder.dataSource(dataSource)}.
         *
         * @param dataSource a PostgreSQL data source; the migrator opens and closes its own connections
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /**
         * The database as a URL that carries its credentials, in either spelling:
         * {@code builder.url("postgresql://app:secret@db:5432/app")} or
         * {@code builder.url("jdbc:postgresql://db:5432/app?user=app&password=secret")}.
         *
         * @param url {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://}; reserved
         *     characters in the user name or password percent-encoded ({@code %40} for {@code @}); a
         *     {@code +} stays a plus
         * @return this builder
         * @throws MigrateException when the URL is not a PostgreSQL URL or its port is not a number
         */
        public Builder url(String url) {
            return url(url, null, null);
        }

        /**
         * The database as a URL, with credentials given apart:
         * {@code builder.url("postgresql://db:5432/app", "app", System.getenv("DB_PASSWORD"))}.
         *
         * @param url {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://}, as for {@link #url(String)}
         * @param user the user name; null to take the one in the URL
         * @param password the password; null to take the one in the URL
         * @return this builder
         * @throws MigrateException when the URL is not a PostgreSQL URL or its port is not a number
         */
        public Builder url(String url, @Nullable String user, @Nullable String password) {
            DatabaseUrl parsed = DatabaseUrl.parse(Objects.requireNonNull(url, "url"), "Migrator.builder().url(...)");
            this.url = parsed;
            this.user = user != null ? user : parsed.user();
            this.password = password != null ? password : parsed.password();
            this.dataSource = null;
            return this;
        }

        /**
         * Asks {@code provider} for the user name and password of each new connection to the URL, in place of
         * a fixed password, for credentials that expire (an IAM token, a secrets store's lease); a fleet's
         * databases given by URL ask it too. A DataSource brings its own credentials, so this needs
         * {@link #url}: {@code builder.url("jdbc:postgresql://db:5432/app", "deployer", null).credentials(new RdsIamCredentials())}.
         *
         * @param provider asked once per new connection, from any thread
         * @return this builder
         */
        public Builder credentials(CredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * The packages to search for migration classes, subpackages included (default {@code db.migrations}):
         * {@code builder.packages("com.example.db.migrations")}.
         *
         * @param packageNames one or more package names
         * @return this builder
         */
        public Builder packages(String... packageNames) {
            this.packages = List.of(packageNames);
            return this;
        }

        /**
         * Uses exactly these migration classes instead of searching packages, as tests like to:
         * {@code builder.migrations(V1_CreateAgents.class, V2_AddStatus.class)}.
         *
         * @param migrationClasses classes that implement {@link Migration} and carry {@link Revision}
         * @return this builder
         */
        public Builder migrations(Class<?>... migrationClasses) {
            this.classes.addAll(List.of(migrationClasses));
            return this;
        }

        /**
         * Runs these instances for their revisions, so a container can give a data migration what it
         * needs. When packages are searched (no classes given), a found class that has an instance here
         * uses it, and needs no public no-argument constructor; instances of classes not found are added.
         * An instance serves every run of its migrator, so keep it free of per-run state.
         * Example: {@code builder.migrations(new BackfillStatus(clock))}
         *
         * @param migrationInstances the migrations to run as they are
         * @return this builder
         */
        public Builder migrations(Migration... migrationInstances) {
            for (Migration instance : migrationInstances) {
                instances.add(Objects.requireNonNull(instance, "migration instance"));
            }
            return this;
        }

        /**
         * Declares a module as the application's own module model has it (Spring Modulith's application modules,
         * which the Spring Boot starter hands in), so that nobody declares it twice: the revisions in
         * {@code basePackage} and its subpackages belong to module {@code name} and are applied after those of the
         * modules {@code dependsOn} names; the package is searched as {@link #packages} are. A module declared here
         * that holds no revision is no chain, and a module that depends on it depends on what it depends on. A
         * {@code @MigrationModule} or {@code @Revision(module = ...)} within the package that names another module
         * is refused, naming both.
         * Example: {@code builder.module("orders", "com.acme.orders", List.of("inventory"), "Spring Modulith")}
         *
         * @param name the module's name: letters, digits and underscores
         * @param basePackage the package that holds the module's classes, subpackages included
         * @param dependsOn the modules whose revisions are applied first
         * @param declaredBy what declares the module, for messages, as {@code "Spring Modulith"}
         * @return this builder
         */
        public Builder module(String name, String basePackage, List<String> dependsOn, String declaredBy) {
            modules.add(new DeclaredModules.Declared(
                    Objects.requireNonNull(name, "name"),
                    List.of(Objects.requireNonNull(basePackage, "basePackage")),
                    dependsOn,
                    declaredBy + "'s module " + name + " (package " + basePackage + ")"));
            return this;
        }

        /**
         * Hears about each step and each failure of {@code upgrade} and {@code downgrade}.
         * Example: {@code builder.listener(new MetricsListener(registry))}
         *
         * @param migrationListener called on the thread that runs the migrations
         * @return this builder
         */
        public Builder listener(MigrationListener migrationListener) {
            settings.listener(Objects.requireNonNull(migrationListener, "listener"));
            return this;
        }

        /**
         * The loader to find migrations with (default: the thread's context class loader):
         * {@code builder.classLoader(App.class.getClassLoader())}.
         *
         * @param loader the class loader that sees the migration packages
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /**
         * The schema of the version and history tables (default {@code public}): {@code builder.schema("ops")}.
         *
         * @param name an existing schema, or one the run may create
         * @return this builder
         */
        public Builder schema(String name) {
            settings.schema(name);
            return this;
        }

        /**
         * The name of the version table (default {@code migrate_version}): {@code builder.versionTable("app_version")}.
         *
         * @param table a table name, in {@link #schema}
         * @return this builder
         */
        public Builder versionTable(String table) {
            settings.versionTable(table);
            return this;
        }

        /**
         * The name of the history table (default {@code migrate_history}): {@code builder.historyTable("app_history")}.
         *
         * @param table a table name, in {@link #schema}
         * @return this builder
         */
        public Builder historyTable(String table) {
            settings.historyTable(table);
            return this;
        }

        /**
         * How migrations are grouped into transactions (default one per migration):
         * {@code builder.transactionMode(TransactionMode.ALL)}.
         *
         * @param mode {@link TransactionMode#PER_MIGRATION} or {@link TransactionMode#ALL}
         * @return this builder
         */
        public Builder transactionMode(TransactionMode mode) {
            settings.transactionMode(mode);
            return this;
        }

        /**
         * PostgreSQL {@code lock_timeout} for migration statements, so that a statement behind a long
         * transaction fails (and is retried, see {@link #lockRetries(int)}) instead of queueing every
         * query on its table behind it; {@link #DEFAULT_LOCK_TIMEOUT} unless set, {@code Duration.ZERO}
         * waits as long as it takes: {@code builder.lockTimeout(Duration.ofSeconds(5))}.
         *
         * @param timeout the timeout, zero for none, or {@code null} for the server's setting
         * @return this builder
         */
        public Builder lockTimeout(@Nullable Duration timeout) {
            settings.lockTimeout(timeout);
            return this;
        }

        /**
         * How many times a migration that failed on {@code lock_timeout} is tried again ({@link
         * #DEFAULT_LOCK_RETRIES} unless set, 0 for never): a migration in a transaction of its own is
         * rolled back and run again from its start, a statement of a {@code transactional = false}
         * migration alone; the waits start at one second and double: {@code builder.lockRetries(5)}.
         *
         * @param retries how many more tries, 0 or more
         * @return this builder
         */
        public Builder lockRetries(int retries) {
            return lockRetries(retries, Duration.ofSeconds(1));
        }

        /**
         * Like {@link #lockRetries(int)}, with the first wait given; each next wait is twice as long,
         * at most 30 seconds: {@code builder.lockRetries(3, Duration.ofMillis(200))}.
         *
         * @param retries how many more tries, 0 or more
         * @param firstWait the wait before the first retry
         * @return this builder
         */
        public Builder lockRetries(int retries, Duration firstWait) {
            if (retries < 0) {
                throw new MigrateException("lockRetries must be 0 or more, not " + retries + ".");
            }
            settings.lockRetries(retries, Objects.requireNonNull(firstWait, "firstWait"));
            return this;
        }

        /**
         * Where checksums computed from the current code are kept between runs, so that a run
         * verifies applied migrations without loading each one; only for a caller that knows when
         * the compiled code changes, as the Maven plugin does by the bytes of the classes:
         * {@code builder.checksumCache(ChecksumCache.NONE)}.
         *
         * @param cache the cache; {@link ChecksumCache#NONE} (the default) computes every checksum
         * @return this builder
         */
        public Builder checksumCache(ChecksumCache cache) {
            settings.checksumCache(Objects.requireNonNull(cache, "cache"));
            return this;
        }

        /**
         * PostgreSQL {@code statement_timeout} for migration statements: {@code builder.statementTimeout(Duration.ofMinutes(5))}.
         *
         * @param timeout the longest a statement may run; null for the server's setting
         * @return this builder
         */
        public Builder statementTimeout(@Nullable Duration timeout) {
            settings.statementTimeout(timeout);
            return this;
        }

        /**
         * How long to wait for another run's migration lock (default 10 minutes):
         * {@code builder.lockWaitTimeout(Duration.ofMinutes(1))}.
         *
         * @param timeout the longest wait before the run fails
         * @return this builder
         */
        public Builder lockWaitTimeout(Duration timeout) {
            settings.lockWaitTimeout(timeout);
            return this;
        }

        /**
         * Records the new checksum of applied migrations that changed, instead of failing:
         * {@code builder.acceptChecksums(true)}.
         *
         * @param accept whether a changed applied migration is accepted
         * @return this builder
         */
        public Builder acceptChecksums(boolean accept) {
            settings.acceptChecksums(accept);
            return this;
        }

        /**
         * What a run does when a {@code transactional = false} migration would build an index that an
         * interrupted {@code CREATE INDEX CONCURRENTLY} (or {@code REINDEX ... CONCURRENTLY}) left behind,
         * marked invalid: drop it with {@code DROP INDEX CONCURRENTLY} and build it again (the default),
         * or, with {@code false}, stop before anything runs, naming the index and the statement that
         * drops it: {@code builder.rebuildInvalidIndexes(false)}. A valid index is never dropped.
         *
         * @param rebuild whether such an index is dropped and built again
         * @return this builder
         */
        public Builder rebuildInvalidIndexes(boolean rebuild) {
            settings.rebuildInvalidIndexes(rebuild);
            return this;
        }

        /**
         * The contexts of the runs: a revision limited to contexts ({@code @Revision(contexts = "test")}) runs only
         * in a run given one of them, and is left out of the others, which record it in the history as skipped. None
         * (the default) runs only the revisions that run in every context: {@code builder.contexts("dev", "test")}.
         *
         * @param names the contexts
         * @return this builder
         */
        public Builder contexts(String... names) {
            settings.contexts(Set.of(names));
            return this;
        }

        /**
         * The consent token a person gave for one plan that can lose data or history, which a run started by a
         * coding agent needs: {@code builder.consent("c1-...")}. The refusal of such a run prints the token of its
         * plan; the token counts for that plan on that database alone, in the hour it was issued and the next. None
         * given: the environment variable {@code MIGRATE_CONSENT}. docs/howto/agents.md tells the whole of it.
         *
         * @param token the token, or several (a fleet's) separated by commas; null for none
         * @return this builder
         */
        public Builder consent(@Nullable String token) {
            settings.consent(consent -> consent.withGiven(token));
            return this;
        }

        /**
         * The environment the runs read for a coding agent's marker ({@code CLAUDECODE}, ...) and for {@code
         * MIGRATE_CONSENT}: the process's by default; a test gives its own.
         *
         * @param variables the variables by name
         * @return this builder
         */
        Builder environment(Map<String, String> variables) {
            settings.consent(consent -> consent.withEnvironment(variables));
            return this;
        }

        /**
         * Lets an older build start against a database a newer build already migrated, as during a
         * rolling deploy: {@code builder.acceptFutureRevisions(true)}. A version row that no migration
         * class of this build defines then counts as ahead of this build: {@link #build() the
         * migrator}'s {@code current()} reports it, {@code upgrade} runs nothing and says so, and
         * {@code assertUpToDate()} passes. Such a row cannot be told apart from a revision of another
         * branch of the code, so {@code downgrade} and {@code stamp} still refuse it. Off by default:
         * an unknown row fails the run.
         *
         * @param accept whether a database ahead of this build is accepted
         * @return this builder
         */
        public Builder acceptFutureRevisions(boolean accept) {
            settings.acceptFutureRevisions(accept);
            return this;
        }

        /**
         * Makes {@code assertUpToDate()} also compare the database at head with the schema its migrations
         * build there, every object kind included, and fail naming each difference (a column, an index or a
         * function body changed by hand): {@code builder.validateDrift(true)}. The schema of the head comes
         * from the application's classes, where {@code migrate:snapshot} writes it at build time (one file per
         * PostgreSQL major version, under {@code META-INF/migrate/schema/}), and the database is read with the
         * catalog reader of {@code dev.migrate:migrate-catalog}, which must then be on the classpath. Off by
         * default: reading and comparing the whole catalog costs time at startup (about 0.2 s at 500 tables
         * and 0.55 s at 2,000 on a 2-core machine, docs/howto/drift.md).
         *
         * @param validate whether {@code assertUpToDate()} checks drift
         * @return this builder
         */
        public Builder validateDrift(boolean validate) {
            this.validateDrift = validate;
            return this;
        }

        /**
         * How often a waiting run logs who it waits for: the run holding the migration lock, or a
         * session holding a lock a migration statement needs (default 5 seconds):
         * {@code builder.waitReportInterval(Duration.ofSeconds(30))}.
         *
         * @param interval the time between two reports
         * @return this builder
         */
        public Builder waitReportInterval(Duration interval) {
            settings.waitReportInterval(Objects.requireNonNull(interval, "interval"));
            return this;
        }

        /**
         * How often a migration that is still running logs how long it has run and the statement it is
         * at, and tells the listener's {@link MigrationListener#duringStep} (default 10 seconds;
         * {@code Duration.ZERO} never): {@code builder.progressInterval(Duration.ofSeconds(30))}.
         *
         * @param interval the time between two progress lines of one step
         * @return this builder
         */
        public Builder progressInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new MigrateException("progressInterval must be zero or more, not " + interval + ".");
            }
            settings.progressInterval(interval);
            return this;
        }

        /**
         * Where progress and warnings go (default: {@link MigrationLog#system()}, {@code System.Logger}
         * under the name {@code dev.migrate}): {@code builder.log(MigrationLog.console())}.
         *
         * @param migrationLog the receiver of the run's lines
         * @return this builder
         */
        public Builder log(MigrationLog migrationLog) {
            settings.log(migrationLog);
            return this;
        }

        /**
         * Finds the migrations and validates the revision graph; does not connect: {@code Migrator migrator = builder.build()}.
         *
         * @return the configured migrator
         * @throws MigrateException naming the class at fault: a duplicate id, a missing parent, a cycle, ...
         */
        public Migrator build() {
            Settings run = settings.build();
            ConnectionSource connections = connections();
            String searched = classes.isEmpty()
                    ? "in the package" + (packages.size() == 1 ? " " : "s ") + String.join(", ", packages)
                            + " (subpackages included)"
                    : "among the classes given to the builder";
            List<DiscoveredMigration> found = withInstances(discover());
            if (!classes.isEmpty()) {
                // listed rather than scanned (a Quarkus build's index): placed in their modules as a scan places them
                found = MigrationScanner.inModules(loader(), found, modules);
            }
            return new Migrator(
                    new Engine(found, connections, run),
                    connections != null,
                    searched,
                    run.listener(),
                    validateDrift ? loader() : null);
        }

        /** The built engine and the database, for a fleet; fails as the online methods do without migrations. */
        FleetParts fleetParts() {
            Migrator migrator = build();
            migrator.requireMigrations();
            return new FleetParts(migrator.engine, connections());
        }

        /** The provider a fleet's databases given by URL ask, or null. */
        @Nullable
        CredentialsProvider credentialsProvider() {
            return credentials;
        }

        private @Nullable ConnectionSource connections() {
            DatabaseUrl address = url;
            if (address != null) {
                return ConnectionSource.of(address, user, password, "Migrator.builder().url(...)", credentials);
            }
            DataSource given = dataSource;
            if (given == null) {
                return null;
            }
            if (credentials != null) {
                throw new MigrateException("Migrator.builder().credentials(...) gives the credentials of connections "
                        + "migrate opens from a URL, and this builder has a DataSource, which brings its own. Give the "
                        + "database with .url(url, user, null) instead.");
            }
            return ConnectionSource.of(given);
        }

        /** Replaces found classes by the instances given for them, and adds the other instances. */
        private List<DiscoveredMigration> withInstances(List<DiscoveredMigration> found) {
            if (instances.isEmpty()) {
                return found;
            }
            Map<Class<?>, Migration> byClass = instancesByClass();
            List<DiscoveredMigration> result = new ArrayList<>();
            for (DiscoveredMigration m : found) {
                Migration instance = byClass.remove(m.type());
                result.add(instance == null ? m : m.withInstance(instance));
            }
            byClass.forEach((type, instance) -> result.add(new DiscoveredMigration(
                    MigrationScanner.toInfo(type.getAnnotation(Revision.class), type),
                    type.asSubclass(Migration.class),
                    instance)));
            return result;
        }

        /**
         * The instances by the class that carries their {@code @Revision}: a container may hand over a
         * subclass it generated (a proxy), which does not inherit the annotation.
         */
        private Map<Class<?>, Migration> instancesByClass() {
            Map<Class<?>, Migration> byClass = new LinkedHashMap<>();
            for (Migration instance : instances) {
                Class<?> type = instance.getClass();
                while (type != null && type.getAnnotation(Revision.class) == null) {
                    type = type.getSuperclass();
                }
                if (type == null) {
                    throw new MigrateException("The migration instance of class "
                            + instance.getClass().getName()
                            + " has no @Revision annotation, so it has no place in the revision graph. Add "
                            + "@Revision(id = \"...\", revises = \"...\") to its class.");
                }
                if (byClass.putIfAbsent(type, instance) != null) {
                    throw new MigrateException("Two migration instances of class " + type.getName() + " were given; "
                            + "give one instance per migration class.");
                }
            }
            return byClass;
        }

        /** How the messages of what this builder builds name what to run or set. */
        Fixes fixes() {
            return settings.fixes();
        }

        private ClassLoader loader() {
            return classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        }

        private List<DiscoveredMigration> discover() {
            if (classes.isEmpty()) {
                ClassLoader loader = loader();
                Set<String> supplied = new HashSet<>();
                instancesByClass().keySet().forEach(type -> supplied.add(type.getName()));
                return new MigrationScanner(loader, packages, settings.fixes(), modules).scan(supplied);
            }
            List<DiscoveredMigration> found = new ArrayList<>();
            for (Class<?> type : classes) {
                if (instancesByClass().containsKey(type)) {
                    continue; // withInstances adds it with its instance
                }
                Revision revision = type.getAnnotation(Revision.class);
                if (revision == null || !Migration.class.isAssignableFrom(type)) {
                    throw new MigrateException("Class " + type.getName()
                            + " is not a migration: it needs @Revision and " + "'implements Migration'.");
                }
                found.add(new DiscoveredMigration(
                        MigrationScanner.toInfo(revision, type), type.asSubclass(Migration.class)));
            }
            return found;
        }
    }
}
