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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Applies and inspects migrations on one database.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder().dataSource(ds).packages("db.migrations").build();
 * migrator.upgrade("head");
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

    private Migrator(Engine engine, boolean online, String searched) {
        this.engine = engine;
        this.online = online;
        this.searched = searched;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The revision graph of the discovered migrations. */
    public RevisionGraph graph() {
        return engine.graph();
    }

    /**
     * A SHA-256 (hex) of what replaying every migration on an empty database does: each revision in
     * order with its parents and the checksum {@code upgrade} records for it (plus, for migrations
     * with JDBC code, which a checksum sees only by its place, the bytes of their classes). Equal
     * fingerprints replay to the same schema, so a schema read after a replay can be kept under it.
     * Needs no database: the migrations are only recorded.
     */
    public String chainFingerprint() {
        return engine.chainFingerprint();
    }

    /** Applies migrations up to {@code target}: {@code head}, {@code heads}, an id or unique prefix, {@code +N}, {@code <label>@head}. */
    public void upgrade(String target) {
        requireDatabase().upgrade(target);
    }

    /** Reverts migrations down to {@code target}: {@code -1}, {@code base}, an id, {@code <id>-N}. */
    public void downgrade(String target) {
        requireDatabase().downgrade(target);
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
        private MigrationLog log = MigrationLog.console();

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

        public Builder log(MigrationLog migrationLog) {
            this.log = migrationLog;
            return this;
        }

        /** Finds the migrations and validates the graph; fails with a {@link MigrateException} naming any problem. */
        public Migrator build() {
            Settings settings = new Settings(schema, versionTable, historyTable, transactionMode, lockTimeout,
                    statementTimeout, lockWaitTimeout, acceptChecksums, waitReportInterval, log);
            String searched = classes.isEmpty() ? "in the package" + (packages.size() == 1 ? " " : "s ")
                    + String.join(", ", packages) + " (subpackages included)" : "among the classes given to the builder";
            return new Migrator(new Engine(discover(), connections, settings), connections != null, searched);
        }

        private List<DiscoveredMigration> discover() {
            if (classes.isEmpty()) {
                ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                return new MigrationScanner(loader, packages).scan();
            }
            List<DiscoveredMigration> found = new ArrayList<>();
            for (Class<?> type : classes) {
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
