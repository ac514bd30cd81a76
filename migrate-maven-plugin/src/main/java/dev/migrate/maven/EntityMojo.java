package dev.migrate.maven;

import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.GivenSettings;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that compares the project's JPA entities and declared objects with a database schema: {@code autogenerate},
 * {@code check}, {@code verify} and {@code watch}. Its {@link EntityGoal} reads the parameters below.
 */
abstract class EntityMojo extends DatabaseMojo {

    /** Packages whose {@code @Entity} classes are compared (subpackages included). Empty: every entity in {@code target/classes}. */
    @Parameter(property = "migrate.entityPackages")
    protected @Nullable List<String> entityPackages;

    /** A persistence unit from {@code META-INF/persistence.xml} to take the entities from, instead of scanning. */
    @Parameter(property = "migrate.persistenceUnit")
    protected @Nullable String persistenceUnit;

    /** Hibernate's physical naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.physicalNamingStrategy")
    protected @Nullable String physicalNamingStrategy;

    /** Hibernate's implicit naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.implicitNamingStrategy")
    protected @Nullable String implicitNamingStrategy;

    /**
     * Further JPA provider properties, as in persistence.xml: in the plugin's configuration, an
     * element per property, such as {@code hibernate.default_schema} with the value {@code app}.
     */
    @Parameter
    protected @Nullable Map<String, String> hibernateProperties;

    /**
     * Keep the entity side of the comparison in {@code target/migrate/entity-cache}, so that a run
     * with unchanged entities (same DDL, server version, schema and exclusions) skips building them
     * on the server.
     */
    @Parameter(property = "migrate.entityCache", defaultValue = "true")
    protected boolean entityCache;

    /**
     * A file of the project, committed with the migrations ({@code src/main/migrate/entities.sql}), that
     * {@code autogenerate} writes the provider's DDL of the entities to, under a key of what it depends on
     * (the class files and jars by their contents, the settings, the server's major version): a
     * {@code check} or {@code autogenerate} in a clean checkout whose entities, provider and settings are
     * the ones of the key reads it instead of starting the provider. Unset: no such file.
     */
    @Parameter(property = "migrate.entitySnapshot")
    protected @Nullable File entitySnapshot;

    /**
     * The project's objects beside tables: {@code .sql} files (any number, any layout) whose views,
     * materialized views, functions, procedures, triggers, policies, row-level security, domains, types
     * and extensions are the desired state of those objects in the managed schemas, as the entities are
     * of the tables. When the directory exists, every such object of the database is compared, and one
     * no file declares is dropped (unless {@code exclude}d); without it, they are left as they are.
     */
    @Parameter(property = "migrate.objectsDirectory", defaultValue = "${project.basedir}/src/main/resources/db/objects")
    protected File objectsDirectory;

    /**
     * Where the desired schema comes from: {@code jpa} (the entities, through the project's JPA provider),
     * {@code sql} (the SQL files of {@code sourceSqlDir}), {@code command} (the DDL that {@code sourceCommand} or
     * {@code sourceMainClass} prints) or {@code spring-data-jdbc}. Not set: {@code sql} when those files exist and no
     * JPA provider is on the class path, else {@code jpa}.
     */
    @Parameter(property = "migrate.source")
    protected @Nullable String source;

    /**
     * The SQL files that are the desired schema with source {@code sql}: every {@code .sql} file below, in any order;
     * {@code -- migrate:renamed-from old_name} on the line of a table or column declares a rename.
     */
    @Parameter(property = "migrate.source.sql.dir", defaultValue = "${project.basedir}/src/main/resources/db/schema")
    protected File sourceSqlDir;

    /**
     * With source {@code command}: a command line run in the project's directory whose standard output is the DDL of
     * the desired schema ({@code python3 schema.py}).
     */
    @Parameter(property = "migrate.source.command")
    protected @Nullable String sourceCommand;

    /**
     * With source {@code command}: a main class run with the project's class path in a JVM of its own, whose
     * standard output is the DDL of the desired schema.
     */
    @Parameter(property = "migrate.source.mainClass")
    protected @Nullable String sourceMainClass;

    /**
     * The project's declared rows: one {@code .csv} or {@code .sql} file per table, named after it, each the
     * table's whole content found by a primary key or unique constraint; a folder limits its files to the
     * context of its name ({@code db/data/test/}).
     */
    @Parameter(property = "migrate.dataDirectory", defaultValue = "${project.basedir}/src/main/resources/db/data")
    protected File dataDirectory;

    /** The most rows a declared table may hold, in its file or in the database. */
    @Parameter(property = "migrate.dataRowLimit", defaultValue = "10000")
    protected int dataRowLimit;

    /**
     * Name patterns the comparison leaves alone on both sides ({@code *} and {@code ?} globs; with a
     * dot, matched against {@code schema.name}). The version tables are always left alone.
     */
    @Parameter(property = "migrate.exclude")
    protected @Nullable List<String> exclude;

    /**
     * Renames to write instead of drop plus add: {@code old_table=new_table} or
     * {@code table.old_column=new_column}, comma-separated on the command line.
     */
    @Parameter(property = "migrate.renames")
    protected @Nullable List<String> renames;

    /**
     * Tables ({@code old_table}) and columns ({@code table.old_column}) that look renamed but are
     * not: {@code autogenerate} in batch mode then writes their drop and the new one's add, instead of
     * stopping to ask for {@link #renames}.
     */
    @Parameter(property = "migrate.notRenamed")
    protected @Nullable List<String> notRenamed;

    /** The schema the entities are compared with. Objects in other schemas are never touched. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Where the entity side of the comparison is built when a database is configured: {@code server}
     * (a scratch schema on that database, created and dropped by the goal; needs the CREATE
     * privilege on the database), {@code embedded} (a throwaway embedded PostgreSQL of the
     * server's major version; the configured database is only read) or {@code auto} (the default:
     * {@code server} when the role may create there, {@code embedded} on a standby, in a read-only
     * session or for a role without CREATE). Without a configured database, everything runs on the
     * embedded one anyway.
     */
    @Parameter(property = "migrate.comparisonDatabase", defaultValue = "auto")
    protected String comparisonDatabase;

    /**
     * Keep the schema the migrations build on the embedded default in
     * {@code target/migrate/replay-cache}, so that a run with the same migrations (same revisions and
     * checksums), the same embedded PostgreSQL, schemas and exclusions does not replay them. With the
     * entity side cached too ({@link #entityCache}), {@code check} and {@code autogenerate} start no
     * server at all. {@code verify} always replays: it tests the chain itself.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /**
     * With a configured database, how long each read-only query that measures a risky change on its
     * rows may run ({@code 5s}, {@code 500ms}): a figure not taken in time says so, and the change
     * is guarded.
     */
    @Parameter(property = "migrate.measureTimeout", defaultValue = "5s")
    protected String measureTimeout;

    /**
     * With a configured database, the estimated rows ({@code pg_class}) from which a table counts as
     * large: autogenerate writes changes to a large table in the lock-safe form by itself, and the
     * plain form for a smaller one, whose lock is brief.
     */
    @Parameter(property = "migrate.largeTableRows", defaultValue = "100000")
    protected long largeTableRows;

    /**
     * Convert serial and bigserial columns that the entities map as identity columns
     * ({@code @GeneratedValue(strategy = IDENTITY)}): {@code -Dmigrate.serialToIdentity=true}. The two
     * number rows alike, so without it they are no difference. The conversion drops the column's
     * default, adds the identity, moves it past the column's largest value and the sequence's last one
     * (read when the migration runs, offline too) and drops the sequence; its downgrade gives the
     * column its sequence and default back, past what the identity handed out.
     */
    @Parameter(property = "migrate.serialToIdentity", defaultValue = "false")
    protected boolean serialToIdentity;

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return given.with("entityCache", entityCache)
                .with("entitySnapshot", entitySnapshot)
                .with("source", source)
                .with("source.sql.dir", sourceSqlDir)
                .with("source.command", sourceCommand)
                .with("source.mainClass", sourceMainClass)
                .with("objectsDirectory", objectsDirectory)
                .with("dataDirectory", dataDirectory)
                .with("dataRowLimit", dataRowLimit)
                .with("exclude", joined(exclude))
                .with("renames", joined(renames))
                .with("notRenamed", joined(notRenamed))
                .with("managedSchema", managedSchema)
                .with("serialToIdentity", serialToIdentity);
    }

    /** A list parameter as the table reads a list: comma-separated. */
    private static @Nullable String joined(@Nullable List<String> values) {
        return values == null ? null : String.join(",", values);
    }

    @Override
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        entityOptions().check(database.goal());
        comparisonOptions().check();
    }

    @Override
    protected DatabaseUse use(Goal goal) {
        // a configured database is read at once by every comparison: its first connection opens while the goal starts
        return super.use(goal).keepingReplayCache(replayCache).connectingAhead(RunDatabase::isConfigured);
    }

    @Override
    protected final void run(DatabaseGoal database, ClassLoader projectClasses) {
        run(new EntityGoal(database, entityOptions(), comparisonOptions(), null), projectClasses);
    }

    /** Does the goal's work with the project's classes loaded. A {@link dev.migrate.MigrateException} fails the build. */
    protected abstract void run(EntityGoal goal, ClassLoader projectClasses);

    private EntityOptions entityOptions() {
        return new EntityOptions(
                entityPackages, persistenceUnit, physicalNamingStrategy, implicitNamingStrategy, hibernateProperties);
    }

    private ComparisonOptions comparisonOptions() {
        return new ComparisonOptions(comparisonDatabase, replayCache, measureTimeout, largeTableRows);
    }
}
