package dev.migrate;

import dev.migrate.discovery.DiscoveredMigration;
import dev.migrate.discovery.MigrationScanner;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Step;
import dev.migrate.runtime.ConnectionSource;
import dev.migrate.runtime.Engine;
import dev.migrate.runtime.Settings;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

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
    private final Engine engine;
    private final boolean online;
    /** Where the migrations were looked for, for the message when there are none. */
    private final String searched;
    private final MigrationListener listener;

    private Migrator(Engine engine, boolean online, String searched, MigrationListener listener) {
        this.engine = engine;
        this.online = online;
        this.searched = searched;
        this.listener = listener;
    }

    /** Starts configuring a migrator. Example: {@code Migrator.builder().dataSource(ds).build()} */
    public static Builder builder() {
        return new Builder();
    }

    /** The revision graph of the discovered migrations. */
    public RevisionGraph graph() {
        return engine.graph();
    }

    /**
     * Applies migrations up to {@code target}: {@code head}, {@code heads}, an id or unique prefix, {@code +N}, {@code <label>@head}.
     * Example: {@code migrator.upgrade("head").applied().size()}
     *
     * @return the steps applied, none when the database was already there
     * @throws MigrateException after the listener's {@code onFailure}; among others a {@link BadTargetException},
     *     {@link ConnectionFailedException}, {@link ChecksumMismatchException} or {@link MigrationFailedException}
     */
    public MigrationResult upgrade(String target) {
        return run(() -> requireDatabase().upgrade(target));
    }

    /**
     * Reverts migrations down to {@code target}: {@code -1}, {@code base}, an id, {@code <id>-N}.
     * Example: {@code migrator.downgrade("-1")}
     *
     * @return the steps applied, none when the database was already there
     */
    public MigrationResult downgrade(String target) {
        return run(() -> requireDatabase().downgrade(target));
    }

    private MigrationResult run(Supplier<List<AppliedStep>> work) {
        try {
            return new MigrationResult(work.get());
        } catch (MigrateException e) {
            listener.onFailure(e);
            throw e;
        }
    }

    /** Sets the version table to {@code target} without running migrations; {@code purge} empties it first. */
    public void stamp(String target, boolean purge) {
        requireDatabase().stamp(target, purge);
    }

    /** The database's current revisions; empty when none is applied. */
    public List<CurrentRevision> current() {
        return requireDatabase().current();
    }

    /** Fails with a {@link MigrateException} unless the database is at every head: call it at application start. */
    public void assertUpToDate() {
        requireDatabase().assertUpToDate();
    }

    /**
     * Runs steps planned on {@link #graph()} against the database's current version rows, under the
     * migration lock: for tools that need finer control than a target, such as a round-trip check
     * that reverts one revision at a time ({@link RevisionGraph#planRevert}).
     */
    public void apply(Function<Set<String>, List<Step>> planner) {
        requireDatabase().apply(planner);
    }

    /** Writes the SQL script of an upgrade over {@code range} ({@code to} from base, or {@code from:to}); needs no database. */
    public void upgradeSql(String range, Writer out) {
        requireMigrations().upgradeSql(range, out);
    }

    /** Writes the SQL script of a downgrade over {@code range} ({@code from:to}); needs no database. */
    public void downgradeSql(String range, Writer out) {
        requireMigrations().downgradeSql(range, out);
    }

    /** Writes the SQL that stamps {@code target}; needs no database. */
    public void stampSql(String target, boolean purge, Writer out) {
        requireMigrations().stampSql(target, purge, out);
    }

    /**
     * Finding no migration is never a success: a wrong package, a missing build or a misplaced
     * class would otherwise leave the database untouched while the run reports nothing to do.
     */
    private Engine requireMigrations() {
        if (engine.graph().size() == 0) {
            throw new MigrateException("No migration was found " + searched + ". Check the packages setting "
                    + "(-Dmigrate.packages=...) against the package of the migration classes, and that they are compiled "
                    + "(mvn compile); write the first one with mvn migrate:revision.");
        }
        return engine;
    }

    private Engine requireDatabase() {
        requireMigrations();
        if (!online) {
            throw new MigrateException("No database is configured for this migrator. Give it a DataSource or a JDBC URL "
                    + "(Migrator.builder().dataSource(...) or .url(...)), or use the offline *Sql methods.");
        }
        return engine;
    }

    /** Configures a {@link Migrator}. Only {@link #dataSource} or {@link #url} is needed to run against a database. */
    public static final class Builder {
        private ConnectionSource connections;
        private List<String> packages = List.of(MigrationScanner.DEFAULT_PACKAGE);
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<Migration> instances = new ArrayList<>();
        private MigrationListener listener = MigrationListener.NONE;
        private ClassLoader classLoader;
        private String schema = "public";
        private String versionTable = "migrate_version";
        private String historyTable = "migrate_history";
        private TransactionMode transactionMode = TransactionMode.PER_MIGRATION;
        private Duration lockTimeout;
        private Duration statementTimeout;
        private Duration lockWaitTimeout = Duration.ofMinutes(10);
        private boolean acceptChecksums;
        private Duration waitReportInterval = Duration.ofSeconds(5);
        private MigrationLog log = MigrationLog.system();

        private Builder() {}

        public Builder dataSource(DataSource dataSource) {
            this.connections = ConnectionSource.of(Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /** A {@code jdbc:postgresql://host:port/database} URL; user and password may be null when the URL has them. */
        public Builder url(String jdbcUrl, String user, String password) {
            this.connections = ConnectionSource.of(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password);
            return this;
        }

        /** The packages to search for migration classes, subpackages included (default {@code db.migrations}). */
        public Builder packages(String... packageNames) {
            this.packages = List.of(packageNames);
            return this;
        }

        /** Uses exactly these migration classes instead of searching packages. */
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
         */
        public Builder migrations(Migration... migrationInstances) {
            for (Migration instance : migrationInstances) {
                instances.add(Objects.requireNonNull(instance, "migration instance"));
            }
            return this;
        }

        /**
         * Hears about each step and each failure of {@code upgrade} and {@code downgrade}.
         * Example: {@code builder.listener(new MetricsListener(registry))}
         */
        public Builder listener(MigrationListener migrationListener) {
            this.listener = Objects.requireNonNull(migrationListener, "listener");
            return this;
        }

        /** The loader to find migrations with (default: the thread's context class loader). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** The schema of the version and history tables (default {@code public}). */
        public Builder schema(String name) {
            this.schema = name;
            return this;
        }

        public Builder versionTable(String table) {
            this.versionTable = table;
            return this;
        }

        public Builder historyTable(String table) {
            this.historyTable = table;
            return this;
        }

        public Builder transactionMode(TransactionMode mode) {
            this.transactionMode = mode;
            return this;
        }

        /** PostgreSQL {@code lock_timeout} for migration statements: fail instead of queueing behind long transactions. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /** PostgreSQL {@code statement_timeout} for migration statements. */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** How long to wait for another run's migration lock (default 10 minutes). */
        public Builder lockWaitTimeout(Duration timeout) {
            this.lockWaitTimeout = timeout;
            return this;
        }

        /** Store the new checksum of applied migrations whose SQL changed, instead of failing. */
        public Builder acceptChecksums(boolean accept) {
            this.acceptChecksums = accept;
            return this;
        }

        /**
         * How often a waiting run logs who it waits for: the run holding the migration lock, or a
         * session holding a lock a migration statement needs (default 5 seconds).
         */
        public Builder waitReportInterval(Duration interval) {
            this.waitReportInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Where progress lines go (default {@link MigrationLog#system()}). Example: {@code builder.log(MigrationLog.console())} */
        public Builder log(MigrationLog migrationLog) {
            this.log = migrationLog;
            return this;
        }

        /** Finds the migrations and validates the graph; fails with a {@link MigrateException} naming any problem. */
        public Migrator build() {
            Settings settings = new Settings(schema, versionTable, historyTable, transactionMode, lockTimeout,
                    statementTimeout, lockWaitTimeout, acceptChecksums, waitReportInterval, log, listener);
            String searched = classes.isEmpty() ? "in the package" + (packages.size() == 1 ? " " : "s ")
                    + String.join(", ", packages) + " (subpackages included)" : "among the classes given to the builder";
            return new Migrator(new Engine(withInstances(discover()), connections, settings), connections != null,
                    searched, listener);
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
                result.add(instance == null ? m : new DiscoveredMigration(m.info(), m.type(), instance));
            }
            byClass.forEach((type, instance) -> result.add(new DiscoveredMigration(
                    MigrationScanner.toInfo(type.getAnnotation(Revision.class), type), type.asSubclass(Migration.class),
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
                    throw new MigrateException("The migration instance of class " + instance.getClass().getName()
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

        private List<DiscoveredMigration> discover() {
            if (classes.isEmpty()) {
                ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                Set<String> supplied = new HashSet<>();
                instancesByClass().keySet().forEach(type -> supplied.add(type.getName()));
                return new MigrationScanner(loader, packages).scan(supplied);
            }
            List<DiscoveredMigration> found = new ArrayList<>();
            for (Class<?> type : classes) {
                if (instancesByClass().containsKey(type)) {
                    continue; // withInstances adds it with its instance
                }
                Revision revision = type.getAnnotation(Revision.class);
                if (revision == null || !Migration.class.isAssignableFrom(type)) {
                    throw new MigrateException("Class " + type.getName() + " is not a migration: it needs @Revision and "
                            + "'implements Migration'.");
                }
                found.add(new DiscoveredMigration(MigrationScanner.toInfo(revision, type), type.asSubclass(Migration.class)));
            }
            return found;
        }
    }
}
