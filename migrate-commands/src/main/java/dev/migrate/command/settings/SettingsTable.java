package dev.migrate.command.settings;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of every face, one row each, grouped as the reference page's sections: what the plugin's parameters,
 * the command line's options, the starter's properties and the reference page take from. A new one is a row here,
 * declared by each command that takes it ({@link TakenSettings}), and the code that uses it: the faces read it from
 * this table, {@code SettingsReferenceTest} writes the page from it, and the faces' parity tests prove each face takes
 * each row it should.
 */
public final class SettingsTable {
    // The defaults of the build-time tools' rows, spelled here so that the runtime commands name no class of the lint,
    // autogen or the import (the starter and the Quarkus runtime load this table without them). BuildTimeDefaultsTest
    // in migrate-tooling-commands holds each equal to the tool's own constant.
    /** {@code dev.migrate.lint.Lint.DEFAULT_LARGE_TABLE_ROWS}. */
    private static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;
    /** {@code dev.migrate.autogen.AutogenerateRequest.DEFAULT_ROW_LIMIT}. */
    private static final int DEFAULT_DATA_ROW_LIMIT = 10_000;
    /** {@code dev.migrate.imports.tool.OldTool.FLYWAY_VERSION}. */
    private static final String DEFAULT_FLYWAY_VERSION = "13.12.1";
    /** {@code dev.migrate.imports.tool.OldTool.LIQUIBASE_VERSION}. */
    private static final String DEFAULT_LIQUIBASE_VERSION = "4.33.0";

    // Why a face does not take a setting, where many settings share the reason.
    private static final String STARTER_AT_STARTUP = "the starter only upgrades or validates at startup";
    private static final String STARTER_NO_SQL = "the starter runs migrations at startup; it writes no SQL";
    private static final String STARTER_DATA_SOURCE =
            "the starter migrates the application's `DataSource`; it starts no server";
    private static final String STARTER_REPORTS = "the starter reports through the application's log and Actuator";
    private static final String STARTER_STARTUP = "a setting of the starter's startup";
    private static final String QUARKUS_STARTUP = "a setting of the Quarkus extension's startup";
    private static final String QUARKUS_AT_START =
            "`quarkus.migrate.migrate-at-start` and `quarkus.migrate.validate-at-start` say what runs at startup";
    private static final String QUARKUS_DATASOURCES =
            "the extension migrates each datasource of the application; a fleet is the goals', the command line's and"
                    + " the starter's";
    private static final String QUARKUS_HEALTH = "the readiness check reports UP or DOWN, and there is no endpoint";
    private static final String PROVIDER_BEAN = "the starter takes a `CredentialsProvider` bean";
    private static final String JAVA_RUNS_MIGRATIONS = "the Java API only runs migrations";
    private static final String JAVA_ONE_DATABASE =
            "the Java API migrates one database; a fleet is the goals', the command line's and the starter's";
    private static final String JAVA_DATA_SOURCE =
            "the Java API migrates the database it is given; it starts no server";
    private static final String JAVA_SQL =
            "`upgradeSql`, `downgradeSql`, `stampSql` and `completeSql` write the script to a `Writer`";
    private static final String JAVA_RETURNS = "the Java API returns its results to the caller";
    private static final String NO_SUCH_COMMAND = "the command line has no command that takes it";
    private static final String COMMAND_LINE_WATCH_DEFAULTS =
            "the command line has no `autogenerate` or `check`; its `watch` keeps the default";
    private static final String COMMAND_LINE_THROWAWAY =
            "the command line starts no embedded database to migrate; its throwaway servers are its own";
    private static final String MAVEN_SETTINGS_XML = "settings.xml is Maven's";
    private static final String MAVEN_CACHE = "the cache is kept in a Maven build's `target/migrate`";
    private static final String MAVEN_JVM = "it tunes the JVM of a Maven build";
    private static final String TOOL_PATH_INSTEAD = "the command line runs the old tool of `--tool-path`";

    public static final Setting<String> URL = Setting.named("url", SettingType.text("url"))
            .in(Section.CONNECTION)
            .spelled(
                    Face.JAVA_API,
                    "builder.dataSource(DataSource)",
                    "builder.url(String)",
                    "builder.url(String, String, String)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The database, as jdbc:postgresql://host:5432/app or postgresql://user:password@host:5432/app. "
                            + "Else the environment variable MIGRATE_DATABASE_URL, then DATABASE_URL.")
            .documented("The database, as jdbc:postgresql://host:port/database or "
                    + "postgresql://user:password@host:port/database (postgres:// too). Highest first: "
                    + "-Dmigrate.url, the environment variables MIGRATE_DATABASE_URL and DATABASE_URL, then "
                    + "this setting in the pom; a source that is set but empty is an error. With no URL "
                    + "anywhere, an embedded PostgreSQL is started for the goal. Never printed, not even by mvn "
                    + "-X.");

    public static final Setting<String> USER = Setting.named("user", SettingType.text("name"))
            .in(Section.CONNECTION)
            .notIn(Face.JAVA_API, "`builder.url(String, String, String)` takes it with the URL")
            .describedOn(Face.COMMAND_LINE, "The database user, when the URL names none.")
            .documented("The database user, when the URL does not name one.");

    public static final Setting<String> PASSWORD = Setting.named("password", SettingType.text("password"))
            .in(Section.CONNECTION)
            .notIn(Face.JAVA_API, "`builder.url(String, String, String)` takes it with the URL")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The database password, when the URL carries none. Never printed; other users of the machine "
                            + "can read a process's arguments, so prefer the URL in an environment variable.")
            .documented("The database password, when the URL does not carry one. Prefer serverId with an "
                    + "encrypted password in settings.xml. Never printed or logged.");

    public static final Setting<CredentialsProvider> CREDENTIALS = Setting.named(
                    "credentials", SettingType.object(CredentialsProvider.class))
            .in(Section.CONNECTION)
            .notIn(Face.MAVEN, "the goals take `credentialsProvider`, a class name")
            .notIn(Face.COMMAND_LINE, "the command line takes `--credentials-provider`, a class name")
            .notIn(Face.SPRING_BOOT, PROVIDER_BEAN)
            .spelled(Face.JAVA_API, "builder.credentials(CredentialsProvider)")
            .documented("Asks a provider for the user and password of each new connection migrate opens from a "
                    + "URL, for credentials that expire (an IAM token, a lease of a secrets store). In Spring "
                    + "Boot, a `CredentialsProvider` bean. See [Credentials that "
                    + "expire](connection.md#credentials-that-expire).");

    public static final Setting<String> CREDENTIALS_PROVIDER = Setting.named(
                    "credentialsProvider", SettingType.text("class"))
            .in(Section.CONNECTION)
            .notIn(Face.SPRING_BOOT, PROVIDER_BEAN)
            .notIn(Face.JAVA_API, "`builder.credentials(CredentialsProvider)` takes the provider itself")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The fully qualified class name of a dev.migrate.CredentialsProvider asked for the user and password of "
                            + "each new connection (an IAM token, a secret's lease), such as dev.migrate.RdsIamCredentials or "
                            + "a class in --classpath. Never printed.")
            .documented("The fully qualified class name of a `dev.migrate.CredentialsProvider` asked for the user "
                    + "and password of each new connection, in place of a fixed password, for credentials that "
                    + "expire (an IAM token, a lease of a secrets store): `dev.migrate.RdsIamCredentials`, or a "
                    + "class with a public constructor without arguments among the project's classes and "
                    + "dependencies or the plugin's dependencies (the command line: in `--classpath`). Applies "
                    + "to the URL and to the databases of a fleet; a password given too is not used. What it "
                    + "gives is never printed. A name that is not there, or a class that is no provider, stops "
                    + "the goal naming the class and the fix. In Spring Boot and the Java API, see "
                    + "[credentials](#credentials-java-api). See [Credentials that "
                    + "expire](connection.md#credentials-that-expire).");

    public static final Setting<String> SERVER_ID = Setting.named("serverId", SettingType.TEXT)
            .in(Section.CONNECTION)
            .notIn(Face.COMMAND_LINE, MAVEN_SETTINGS_XML)
            .notIn(Face.SPRING_BOOT, MAVEN_SETTINGS_XML)
            .notIn(Face.JAVA_API, MAVEN_SETTINGS_XML)
            .documented("The id of a server entry in settings.xml (the id element of a server under servers). Its "
                    + "username and password are used when neither the URL nor the user and password parameters "
                    + "give them. A password encrypted with mvn --encrypt-password works too.");

    public static final Setting<List<String>> PACKAGES = Setting.named("packages", SettingType.LIST)
            .in(Section.MIGRATIONS)
            .byDefault("db.migrations")
            .spelled(
                    Face.JAVA_API,
                    "builder.packages(String...)",
                    "builder.migrations(Class<?>...)",
                    "builder.migrations(Migration...)",
                    "builder.module(String, String, List<String>, String)")
            .describedOn(Face.COMMAND_LINE, "The Java packages holding the migration classes. Default db.migrations.")
            .documented("Packages holding migration classes, subpackages included. Where the plugin's is left at its "
                    + "default, a Quarkus application's `quarkus.migrate.packages` in `application.properties` (with "
                    + "the profile), or a Spring Boot application's `migrate.packages` in `application.properties` or "
                    + "`application.yml` (with its active profiles), is the plugin's too, so the goals write and read "
                    + "the revisions where the application runs them from.");

    public static final Setting<String> SCHEMA = Setting.named("schema", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("public")
            .runs(Migrator.Builder::schema, "builder.schema(String)")
            .describedOn(Face.COMMAND_LINE, "The schema of the version and history tables. Default public.")
            .documented("Schema of the version and history tables.");

    public static final Setting<String> VERSION_TABLE = Setting.named("versionTable", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("migrate_version")
            .runs(Migrator.Builder::versionTable, "builder.versionTable(String)")
            .describedOn(Face.COMMAND_LINE, "The table holding one row per current head. Default migrate_version.")
            .documented("The table holding one row per current head revision.");

    public static final Setting<String> HISTORY_TABLE = Setting.named("historyTable", SettingType.TEXT)
            .in(Section.MIGRATIONS)
            .byDefault("migrate_history")
            .runs(Migrator.Builder::historyTable, "builder.historyTable(String)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The table holding one row per applied or reverted step. Default migrate_history.")
            .documented("The table holding one row per applied or reverted step.");

    public static final Setting<ClassLoader> CLASS_LOADER = Setting.named(
                    "classLoader", SettingType.object(ClassLoader.class))
            .in(Section.MIGRATIONS)
            .notIn(Face.MAVEN, "the goals load the project's classes themselves")
            .notIn(Face.COMMAND_LINE, "the command line loads the classes of `--classpath`")
            .notIn(Face.SPRING_BOOT, "the starter finds the migrations with the application's class loader")
            .spelled(Face.JAVA_API, "builder.classLoader(ClassLoader)")
            .documented("See the Javadoc of `Migrator.Builder`.");

    public static final Setting<String> TARGET = Setting.named("target", SettingType.text("revision"))
            .in(Section.RUNNING)
            .byDefault("`head` (upgrade, stamp), `-1` (downgrade)")
            .byDefaultIn("head", "complete", "stamp", "upgrade")
            .byDefaultIn("-1", "downgrade")
            .notIn(Face.JAVA_API, "`upgrade`, `downgrade` and `stamp` take it as an argument")
            .describedOn(Face.COMMAND_LINE, "The revision to go to; every form the plugin's target takes.")
            .describedOn(Face.SPRING_BOOT, "The revision to upgrade to: head, heads, a revision id, +N or label@head.")
            .documented("The revision to go to. See [Targets](targets.md#targets).");

    public static final Setting<TransactionMode> TRANSACTION_MODE = Setting.named(
                    "transactionMode", SettingType.choice(TransactionMode.class))
            .byDefault("per_migration")
            .runs(Migrator.Builder::transactionMode, "builder.transactionMode(TransactionMode)")
            .describedOn(
                    Face.COMMAND_LINE, "One transaction per migration (default), or every migration of the run in one.")
            .documented("One transaction per migration, with its version-table update inside it; or `all`: one"
                    + " transaction for the whole run.");

    public static final Setting<Duration> LOCK_TIMEOUT = Setting.named("lockTimeout", SettingType.DURATION)
            .byDefault("10s")
            .runs(Migrator.Builder::lockTimeout, "builder.lockTimeout(Duration)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "PostgreSQL's lock_timeout for the migrations' statements, as 500ms, 10s, 2min or PT10S. Default "
                            + Migrator.DEFAULT_LOCK_TIMEOUT.toSeconds() + "s.")
            .documented("PostgreSQL `lock_timeout` of migration statements, e.g. `5s`, `500ms`; `0` waits as long as"
                    + " it takes (see [What is in the database](../concepts/database.md#what-is-in-the-database))."
                    + " Every duration needs its unit (below).");

    public static final Setting<Integer> LOCK_RETRIES = Setting.named("lockRetries", SettingType.COUNT)
            .byDefault("3")
            .runs(Migrator.Builder::lockRetries, "builder.lockRetries(int)", "builder.lockRetries(int, Duration)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "How many times a migration that failed on the lock timeout is tried again. Default "
                            + Migrator.DEFAULT_LOCK_RETRIES + "; 0 never.")
            .documented("What failed on the lock timeout is tried again this many times, after 1 s, 2 s, 4 s...;"
                    + " `0` never.");

    public static final Setting<Duration> STATEMENT_TIMEOUT = Setting.named("statementTimeout", SettingType.DURATION)
            .runs(Migrator.Builder::statementTimeout, "builder.statementTimeout(Duration)")
            .describedOn(Face.COMMAND_LINE, "PostgreSQL's statement_timeout for the run. Default: the server's.")
            .documented("PostgreSQL `statement_timeout`, e.g. `5min`. Unset: the server's.");

    public static final Setting<Duration> LOCK_WAIT_TIMEOUT = Setting.named("lockWaitTimeout", SettingType.DURATION)
            .byDefault("10min")
            .runs(Migrator.Builder::lockWaitTimeout, "builder.lockWaitTimeout(Duration)")
            .describedOn(Face.COMMAND_LINE, "How long to wait for the migration lock another run holds. Default 10min.")
            .documented("How long to wait for another run's migration lock.");

    public static final Setting<Duration> PROGRESS_INTERVAL = Setting.named("progressInterval", SettingType.DURATION)
            .byDefault("10s")
            .runs(Migrator.Builder::progressInterval, "builder.progressInterval(Duration)")
            .documented("How often a migration still running logs how long it has run and the statement it is at;"
                    + " `0` never.");

    public static final Setting<Duration> WAIT_REPORT_INTERVAL = Setting.named(
                    "waitReportInterval", SettingType.DURATION)
            .byDefault("5s")
            .runs(Migrator.Builder::waitReportInterval, "builder.waitReportInterval(Duration)")
            .documented("How often a run that waits says who it waits for: the run holding the migration lock, or a"
                    + " session holding a lock a migration statement needs, with its query; a Job stuck behind"
                    + " another deploy says so in its log.");

    public static final Setting<Boolean> ACCEPT_CHECKSUMS = Setting.named("acceptChecksums", SettingType.FLAG)
            .byDefault("false")
            .runs(Migrator.Builder::acceptChecksums, "builder.acceptChecksums(boolean)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Accept applied migrations whose checksum changed since they ran, recording the new checksums.")
            .documented("Accept applied migrations that changed, recording the new checksum.");

    public static final Setting<Boolean> CHECKSUM_CACHE = Setting.named("checksumCache", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("true")
            .notIn(Face.COMMAND_LINE, MAVEN_CACHE)
            .notIn(Face.SPRING_BOOT, MAVEN_CACHE)
            .spelled(Face.JAVA_API, "builder.checksumCache(ChecksumCache)")
            .documented("Keep the migrations' checksums in `target/migrate/checksum-cache`, keyed by the contents "
                    + "of the compiled classes (and each dependency jar's path, size and time), so that a run "
                    + "verifies applied migrations without loading each one while the code is unchanged.");

    public static final Setting<Boolean> REBUILD_INVALID_INDEXES = Setting.named(
                    "rebuildInvalidIndexes", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("true")
            .runs(Migrator.Builder::rebuildInvalidIndexes, "builder.rebuildInvalidIndexes(boolean)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Rebuild an index an interrupted concurrent build left invalid (default); =false stops instead.")
            .documented("`upgrade`: an invalid index that an interrupted `CREATE INDEX CONCURRENTLY` (or `REINDEX "
                    + "... CONCURRENTLY`) left, which a pending `transactional = false` migration builds, is "
                    + "dropped with `DROP INDEX CONCURRENTLY` and built again; `false` stops before anything "
                    + "runs and names the index and the statement to run (see [When a migration is "
                    + "cut](../concepts/database.md#when-a-migration-is-cut)).");

    public static final Setting<List<String>> CONTEXTS = Setting.named("contexts", SettingType.LIST)
            .runs(
                    (builder, contexts) -> builder.contexts(contexts.toArray(String[]::new)),
                    "builder.contexts(String...)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The run's contexts, comma-separated: a revision limited to contexts runs only in a run given one.")
            .documented("The contexts of the run, comma-separated (`test`, `dev,test`): a revision limited to contexts "
                    + "(`@Revision(contexts = \"test\")`) runs only in a run given one of them; every other run "
                    + "leaves it out and records it in the history as skipped, and a later run in one of its contexts "
                    + "applies it. None (the default) runs only the revisions that run in every context. See "
                    + "[Reference data and contexts](../howto/reference-data.md#contexts).");

    public static final Setting<Boolean> ACCEPT_FUTURE_REVISIONS = Setting.named(
                    "acceptFutureRevisions", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("false")
            .runs(Migrator.Builder::acceptFutureRevisions, "builder.acceptFutureRevisions(boolean)")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Accept a database a newer build has migrated (rolling deploys): its revisions are reported as newer "
                            + "than this build instead of failing.")
            .documented("`current`, `history` and `upgrade` accept a database a newer build migrated: a revision "
                    + "no class of this build defines is reported as newer than this build, and `upgrade` runs "
                    + "nothing ([Rolling deploys](../howto/zero-downtime.md#rolling-deploys)).");

    public static final Setting<String> CONSENT = Setting.named("consent", SettingType.text("token"))
            .in(Section.RUNNING)
            .runs(Migrator.Builder::consent, "builder.consent(String)")
            .notIn(Face.SPRING_BOOT, "an application started by a coding agent reads `MIGRATE_CONSENT`")
            .describedOn(
                    Face.COMMAND_LINE,
                    "The consent token a refusal printed, from the user: runs exactly that plan on that database.")
            .documented("The consent token of one plan that can lose data or history, which a run started by a "
                    + "coding agent needs on a database migrate did not start; the refusal prints the plan and its "
                    + "token, valid for that plan on that database in the hour it was issued and the next. Else the "
                    + "environment variable `MIGRATE_CONSENT`. No other value (`yes`, `true`) counts. See "
                    + "[Coding agents](../howto/agents.md).");

    public static final Setting<Boolean> REHEARSE = Setting.named("rehearse", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("true")
            .notIn(Face.SPRING_BOOT, "an application's refusal shows the plan without a throwaway copy")
            .notIn(Face.JAVA_API, "a refusal is a `ConsentRefusedException`; rehearse with the tooling yourself")
            .describedOn(
                    Face.COMMAND_LINE,
                    "When a coding agent's run is refused for consent, run its plan first on a throwaway copy of the"
                            + " chain and show the locks it took and for how long; false: refuse without them.")
            .documented("When a run started by a coding agent is refused for want of its user's consent, the "
                    + "`upgrade` or `downgrade` is first run on a throwaway copy of the chain (a throwaway server, "
                    + "`scratchUrl`'s or an embedded one) from the database's revision, and the refusal shows each "
                    + "statement as it ran there with the table locks it took and how long they were held. `false` "
                    + "refuses without the figures, and says so. The token is the same either way. Runs that are "
                    + "not refused never rehearse. See [Coding agents](../howto/agents.md#throwaway-first).");

    public static final Setting<Boolean> EMBEDDED = Setting.named("embedded", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, "the command line starts no embedded database to migrate")
            .notIn(Face.SPRING_BOOT, STARTER_DATA_SOURCE)
            .notIn(Face.JAVA_API, JAVA_DATA_SOURCE)
            .documented("Let `upgrade`, `downgrade` and `stamp` change the embedded database without a warning, "
                    + "and under `CI=true`.");

    public static final Setting<Boolean> PURGE = Setting.named("purge", SettingType.FLAG)
            .in(Section.RUNNING)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`stamp(target, purge)` takes it as an argument")
            .describedOn(
                    Face.COMMAND_LINE, "Empty the version table first, even when it names revisions no class defines.")
            .documented("`stamp` empties the version table first.");

    public static final Setting<MigrationListener> LISTENER = Setting.named(
                    "listener", SettingType.object(MigrationListener.class))
            .in(Section.RUNNING)
            .notIn(Face.MAVEN, "the goals report each step in Maven's log")
            .notIn(Face.COMMAND_LINE, "the command line reports each step itself")
            .notIn(Face.SPRING_BOOT, "the starter gives the builder every `MigrationListener` bean")
            .spelled(Face.JAVA_API, "builder.listener(MigrationListener)")
            .documented("See the Javadoc of `Migrator.Builder`; several listeners as one: "
                    + "`MigrationListener.allOf(List.of(a, b))`. The starter gives it every `MigrationListener` "
                    + "bean, and, with `migrate-observability`, listeners for the application's `MeterRegistry` "
                    + "and `OpenTelemetry` beans ([Metrics and "
                    + "traces](../howto/observability.md#metrics-and-traces)).");

    public static final Setting<MigrationLog> LOG = Setting.named("log", SettingType.object(MigrationLog.class))
            .in(Section.RUNNING)
            .notIn(Face.MAVEN, "the goals log through Maven's log")
            .notIn(Face.COMMAND_LINE, "the command line prints its own lines")
            .notIn(Face.SPRING_BOOT, "the starter logs through the application's logging")
            .spelled(Face.JAVA_API, "builder.log(MigrationLog)")
            .documented("See the Javadoc of `Migrator.Builder`.");

    public static final Setting<Boolean> SQL = Setting.named("sql", SettingType.FLAG)
            .in(Section.OFFLINE_SQL)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, STARTER_NO_SQL)
            .notIn(Face.JAVA_API, JAVA_SQL)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Print the SQL script to standard output instead of running it. Needs no database.")
            .documented("Offline mode: print the SQL script to standard output instead of running it. Needs no "
                    + "database, and never starts the embedded one.");

    public static final Setting<Path> SQL_FILE = Setting.named("sqlFile", SettingType.PATH)
            .in(Section.OFFLINE_SQL)
            .notIn(Face.SPRING_BOOT, STARTER_NO_SQL)
            .notIn(Face.JAVA_API, JAVA_SQL)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Write the SQL script to this file instead of running it (needs no database); for drift, the SQL that "
                            + "brings the database back, for review (a fleet: one file per drifted tenant beside it).")
            .documented("Offline mode writing the SQL script to this file (implies sql).");

    public static final Setting<Boolean> CHECK_HEADS = Setting.named("checkHeads", SettingType.FLAG)
            .in(Section.GRAPH)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`current()` and `heads()` return what it compares")
            .describedOn(Face.COMMAND_LINE, "Fail unless the database is at every head: a deployment gate.")
            .documented("`current` fails unless the database is at every head.");

    public static final Setting<String> RANGE = Setting.named("range", SettingType.text("from:to"))
            .in(Section.GRAPH)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`revisions()` returns the whole graph")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Only the revisions in this range, such as base:current; for lint, base:heads lints applied ones too.")
            .documented("Limits the output to a range from one revision to another, such as base:current or "
                    + "20261120_093000:head. Either side may be empty, base, current or any revision.");

    public static final Setting<String> MODULE = Setting.named("module", SettingType.text("name"))
            .in(Section.GRAPH)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`current()` and `heads()` name each revision `<module>.<id>`")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Only this module's revisions; a downgrade reverts this module only, refused while another depends"
                            + " on it.")
            .documented("Scopes the command to one module's revisions, named `<module>.<id>`: `current`, `history`"
                    + " and `heads` show that module only; `downgrade` walks that module's own chain (`base`, `-1`, an"
                    + " id within the module) and is refused while a module that depends on it has revisions"
                    + " applied, naming them. See [Modules](../howto/modules.md).");

    public static final Setting<Boolean> VERBOSE = Setting.named("verbose", SettingType.FLAG)
            .in(Section.GRAPH)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`revisions()` and `current()` return every detail")
            .describedOn(Face.COMMAND_LINE, "More detail in reports, and the stack trace of a failure.")
            .documented("A block per current revision (parents, labels, message) with when (UTC), by whom and how "
                    + "long it was applied, from the history table.");

    public static final Setting<String> REVISION = Setting.named("revision", SettingType.text("revision"))
            .in(Section.GRAPH)
            .byDefaultIn("head", "show")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, "`revision(target)` takes it as an argument")
            .describedOn(Face.COMMAND_LINE, "The revision to show. Default head.")
            .documented("The first revision of the branch to move: a full or unique-prefix id, or a branch label.");

    public static final Setting<String> MESSAGE = Setting.named("message", SettingType.TEXT)
            .in(Section.WRITING)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(Face.COMMAND_LINE, "watch: the written migration's message, which names its class.")
            .documented("The one-line description of the new migration. It also names the class: the message add "
                    + "status column gives V20261122_101500_AddStatusColumn.");

    public static final Setting<String> HEAD = Setting.named("head", SettingType.TEXT)
            .in(Section.WRITING)
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The head the new migration revises when the graph has several: a full or unique-prefix "
                    + "id, such as -Dmigrate.head=20261122. Or join the heads first with migrate:merge.");

    public static final Setting<List<String>> REVISIONS = Setting.named("revisions", SettingType.LIST)
            .in(Section.WRITING)
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The revisions to merge (full or unique-prefix ids, comma-separated on the command line). "
                    + "Default: every head.");

    public static final Setting<String> ONTO = Setting.named("onto", SettingType.TEXT)
            .in(Section.WRITING)
            .byDefault("the other head")
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("For `rebase`: the head to put the branch on.");

    public static final Setting<Path> SOURCE_DIRECTORY = Setting.named("sourceDirectory", SettingType.PATH)
            .in(Section.WRITING)
            .byDefault("`src/main/java` (the command line's `import`: that of `--project`)")
            .spelled(Face.COMMAND_LINE, "--sources")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch, import: the source root a written migration goes to, below the first of --packages. Default"
                            + " src/main/java (import: that of --project).")
            .documented("The source root the class is written to, below the first of packages.");

    public static final Setting<String> SQUASH_DATA = Setting.named("squashData", SettingType.text("carry|drop"))
            .in(Section.WRITING)
            .byDefault("carry")
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`squash`: the rows the data steps of the range leave are written into the squash "
                    + "(`carry`) or left out (`drop`).");

    public static final Setting<List<String>> ENTITY_PACKAGES = Setting.named("entityPackages", SettingType.LIST)
            .in(Section.AUTOGENERATE)
            .byDefault("all of `target/classes`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(Face.COMMAND_LINE, "watch: the packages whose entities are compared. Default: all.")
            .documented("Where `@Entity` classes are scanned.");

    public static final Setting<String> PERSISTENCE_UNIT = Setting.named("persistenceUnit", SettingType.TEXT)
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Take the entities from `META-INF/persistence.xml` instead.");

    public static final Setting<String> PHYSICAL_NAMING_STRATEGY = Setting.named(
                    "physicalNamingStrategy", SettingType.text("class"))
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Hibernate's physical naming strategy class. A Spring Boot project gets Spring's naming "
                    + "without setting this.");

    public static final Setting<String> IMPLICIT_NAMING_STRATEGY = Setting.named(
                    "implicitNamingStrategy", SettingType.text("class"))
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Hibernate's implicit naming strategy class. A Spring Boot project gets Spring's naming "
                    + "without setting this.");

    public static final Setting<Map<String, String>> HIBERNATE_PROPERTIES = Setting.named(
                    "hibernateProperties", SettingType.MAP)
            .in(Section.AUTOGENERATE)
            .spelled(Face.MAVEN, "<hibernateProperties>")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Further JPA provider properties, as in persistence.xml: in the plugin's configuration, "
                    + "an element per property, such as hibernate.default_schema with the value app.");

    public static final Setting<List<String>> EXCLUDE = Setting.named("exclude", SettingType.LIST)
            .in(Section.AUTOGENERATE)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Name patterns left out of the comparison on both sides (* and ? globs; schema.name with a dot), such "
                            + "as a table another application writes. The version tables are always left out.")
            .documented("Name globs the comparison leaves alone (`tmp_*`, `audit.*`).");

    public static final Setting<List<String>> RENAMES = Setting.named("renames", SettingType.LIST)
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`old=new` for tables, `table.old=new` for columns.");

    public static final Setting<List<String>> NOT_RENAMED = Setting.named("notRenamed", SettingType.LIST)
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`old` tables and `table.old` columns that look renamed but are not: batch-mode "
                    + "`autogenerate` writes their drop and add.");

    public static final Setting<Boolean> SERIAL_TO_IDENTITY = Setting.named("serialToIdentity", SettingType.FLAG)
            .in(Section.AUTOGENERATE)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`autogenerate` converts `serial` columns the entities map as identity columns (otherwise "
                    + "no difference), numbering on past the rows.");

    public static final Setting<Boolean> SAFE = Setting.named("safe", SettingType.FLAG)
            .in(Section.AUTOGENERATE)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`autogenerate` writes changes to existing tables in their [lock-safe "
                    + "form](../howto/safety-and-lint.md#lock-safe-migrations): concurrent indexes, NOT VALID "
                    + "constraints validated in a `transactional = false` migration.");

    public static final Setting<Boolean> ONLINE = Setting.named("online", SettingType.FLAG)
            .in(Section.AUTOGENERATE)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Write the next migration as an online migration: -Dmigrate.online=true. A change of a "
                    + "column's type or NOT NULL, and a rename or drop of a column or table, on a table that "
                    + "exists is written as an online change (op.online(OnlineChange...)), whose expand phase "
                    + "migrate:upgrade runs (the running application keeps the old shape; the new one reads and "
                    + "writes through the revision's schema of views, such as public_20261126_090000) and whose "
                    + "contract phase migrate:complete runs. The other changes take their lock-safe form in the "
                    + "same migration.");

    public static final Setting<Duration> MEASURE_TIMEOUT = Setting.named("measureTimeout", SettingType.DURATION)
            .in(Section.AUTOGENERATE)
            .byDefault("5s")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("With a URL, how long each read-only query measuring a risky change on the data may run "
                    + "([Measured on the "
                    + "data](../howto/safety-and-lint.md#measured-on-the-data-guarded-before-it-runs)).");

    public static final Setting<Long> LARGE_TABLE_ROWS = Setting.named("largeTableRows", SettingType.NUMBER)
            .in(Section.AUTOGENERATE)
            .byDefault(String.valueOf(DEFAULT_LARGE_TABLE_ROWS))
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "With --url: the estimated rows from which a lock hazard on one of its tables is an error; below, it is "
                            + "information. Default " + DEFAULT_LARGE_TABLE_ROWS + ".")
            .documented("With a URL, the estimated rows from which a table counts as large: `lint` reports a lock "
                    + "hazard on it as an error rather than information (`0`: always an error), and "
                    + "`autogenerate` writes its changes in the lock-safe form by itself.");

    public static final Setting<String> MANAGED_SCHEMA = Setting.named("managedSchema", SettingType.TEXT)
            .in(Section.AUTOGENERATE)
            .byDefault("public")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "The schema the migrations build, which drift and verify compare. Default public.")
            .documented("The schema compared with the entities, besides the schemas the entities name; the schema "
                    + "`baseline` writes (created if missing, its names written qualified).");

    public static final Setting<String> COMPARISON_DATABASE = Setting.named(
                    "comparisonDatabase", SettingType.text("server|embedded|auto"))
            .in(Section.AUTOGENERATE)
            .byDefault("auto")
            .notIn(Face.COMMAND_LINE, "the command line compares on `--scratch-url` or on throwaway embedded servers")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("With a URL, where the entity side is built when its DDL, read without a server, does not "
                    + "already match ([In CI](../howto/ci.md#in-ci)): `server` (scratch schemas on your "
                    + "database, needs `CREATE` on it), `embedded` (a throwaway embedded PostgreSQL of your "
                    + "server's major version; your database is only read) or `auto` (`server` when the role "
                    + "may create there, else `embedded`).");

    public static final Setting<Boolean> ENTITY_CACHE = Setting.named("entityCache", SettingType.FLAG)
            .in(Section.AUTOGENERATE)
            .byDefault("true")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented(
                    "Reuse the entity side from `target/migrate/entity-cache` while the entities are " + "unchanged.");

    public static final Setting<Path> ENTITY_SNAPSHOT = Setting.named("entitySnapshot", SettingType.PATH)
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_WATCH_DEFAULTS)
            .notIn(Face.QUARKUS, "a setting of the Maven plugin's `check` and `autogenerate`, which a CI job runs")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("A file of the project (`src/main/migrate/entities.sql`, committed with the migrations) "
                    + "that `autogenerate` writes the provider's DDL of the entities to, under a key of what it "
                    + "depends on; a `check` or `autogenerate` whose entities, provider and settings are the ones of "
                    + "the key reads it instead of starting the provider, in a clean checkout on any machine too "
                    + "([A clean checkout without the provider](../howto/ci.md#a-clean-checkout-without-the-provider)). "
                    + "Unset: no such file.");

    public static final Setting<Boolean> REPLAY_CACHE = Setting.named("replayCache", SettingType.FLAG)
            .in(Section.AUTOGENERATE)
            .byDefault("true")
            .notIn(Face.COMMAND_LINE, "the command line keeps the cache only where `--replay-cache` names it")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("With no URL, reuse the schema the migrations build from `target/migrate/replay-cache` "
                    + "while they are unchanged, instead of replaying them (see [the replay "
                    + "cache](../howto/autogenerate.md#the-replay-cache)).");

    public static final Setting<Path> OBJECTS_DIRECTORY = Setting.named("objectsDirectory", SettingType.PATH)
            .in(Section.AUTOGENERATE)
            .byDefault("src/main/resources/db/objects")
            .spelled(Face.COMMAND_LINE, "--objects")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: the declared views, functions and triggers, watched too. Default src/main/resources/db/objects.")
            .documented("The project's objects beside tables: .sql files (any number, any layout) whose views, "
                    + "materialized views, functions, procedures, triggers, policies, row-level security, "
                    + "domains, types and extensions are the desired state of those objects in the managed "
                    + "schemas, as the entities are of the tables. When the directory exists, every such object "
                    + "of the database is compared, and one no file declares is dropped (unless excluded); "
                    + "without it, they are left as they are.");

    public static final Setting<String> SOURCE = Setting.named(
                    "source", SettingType.text("jpa|sql|command|spring-data-jdbc"))
            .in(Section.AUTOGENERATE)
            .spelled(Face.QUARKUS, "quarkus.migrate.source")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: where the desired schema comes from: jpa (the entities), sql (the files of"
                            + " --source-sql-dir) or command (the DDL --source-command prints). Default: sql when"
                            + " those files exist and no JPA provider is on the class path, else jpa.")
            .documented("Where the desired schema comes from: `jpa`, the entities through the project's JPA "
                    + "provider; `sql`, the SQL files of `source.sql.dir`; `command`, the DDL a program prints "
                    + "(`source.command` or `source.mainClass`); `spring-data-jdbc`, Spring Data's mapping model. "
                    + "Not set: `sql` when `source.sql.dir` holds `.sql` files and no JPA provider is on the "
                    + "class path, else `jpa`. `baseline` with `sql` writes the files from the database instead "
                    + "of a migration.");

    public static final Setting<Path> SOURCE_SQL_DIRECTORY = Setting.named("source.sql.dir", SettingType.PATH)
            .in(Section.AUTOGENERATE)
            .byDefault("src/main/resources/db/schema")
            .spelled(Face.COMMAND_LINE, "--source-sql-dir")
            .spelled(Face.QUARKUS, "quarkus.migrate.source-sql-dir")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: the SQL schema files of --source sql, watched too. Default src/main/resources/db/schema.")
            .documented("The SQL files that are the desired schema with `source` `sql`: every `.sql` file "
                    + "below, in any order (the tool orders them by what they use), as `pg_dump -s` writes them "
                    + "or by hand; `-- migrate:renamed-from old_name` on the line of a table or column declares "
                    + "a rename.");

    public static final Setting<String> SOURCE_COMMAND = Setting.named("source.command", SettingType.text("command"))
            .in(Section.AUTOGENERATE)
            .spelled(Face.COMMAND_LINE, "--source-command")
            .spelled(Face.QUARKUS, "quarkus.migrate.source-command")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: with --source command, the command line whose output is the desired schema's DDL, run"
                            + " in the working directory.")
            .documented("With `source` `command`: a command line run in the project's directory (through `sh -c`, "
                    + "`cmd /c` on Windows) whose standard output is the DDL of the desired schema, such as "
                    + "`./gradlew -q printDdl` or `python3 schema.py`.");

    public static final Setting<String> SOURCE_MAIN_CLASS = Setting.named("source.mainClass", SettingType.text("class"))
            .in(Section.AUTOGENERATE)
            .spelled(Face.COMMAND_LINE, "--source-main-class")
            .spelled(Face.QUARKUS, "quarkus.migrate.source-main-class")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: with --source command, a main class run with the project's class path in a JVM of its"
                            + " own, whose output is the desired schema's DDL.")
            .documented("With `source` `command`: a main class run with the project's class path in a JVM of "
                    + "its own, whose standard output is the DDL of the desired schema (jOOQ's DDL export, "
                    + "Exposed's `SchemaUtils.createStatements`, Micronaut Data's schema generation).");

    public static final Setting<Path> DATA_DIRECTORY = Setting.named("dataDirectory", SettingType.PATH)
            .in(Section.AUTOGENERATE)
            .byDefault("src/main/resources/db/data")
            .spelled(Face.COMMAND_LINE, "--data")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: the declared rows (db/data/<table>.csv or .sql), watched too. Default"
                            + " src/main/resources/db/data.")
            .documented("The project's declared rows, reference data kept like the schema: one `.csv` (a header"
                    + " row of column names; an unquoted empty field is NULL, `\"\"` the empty string) or `.sql`"
                    + " (`INSERT`s) file per table, named after it (`countries.csv`, `billing.plans.csv`). Each is"
                    + " the table's whole content, found by a primary key or unique constraint among its columns:"
                    + " `autogenerate` writes the inserts, updates and deletes that make it so, `check` and `drift`"
                    + " report rows that differ. A folder limits its files to the context of its name"
                    + " (`db/data/test/`; see [Reference data and contexts](../howto/reference-data.md)).");

    public static final Setting<Integer> DATA_ROW_LIMIT = Setting.named("dataRowLimit", SettingType.COUNT)
            .in(Section.AUTOGENERATE)
            .byDefault(String.valueOf(DEFAULT_DATA_ROW_LIMIT))
            .notIn(Face.COMMAND_LINE, "the command line's watch keeps the default")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The most rows a table declared in `dataDirectory` may hold, in its file or in the"
                    + " database: declared rows are reference data, and bulk data belongs in a migration of its"
                    + " own.");

    public static final Setting<List<String>> BASELINE_DATA = Setting.named("baseline.data", SettingType.LIST)
            .in(Section.AUTOGENERATE)
            .notIn(Face.COMMAND_LINE, "the baseline is the plugin's")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Tables whose rows the baseline carries too (`countries,roles`; `billing.plans` outside the"
                    + " managed schema): inserted after the tables, and written to `dataDirectory` as declared rows"
                    + " where the table has no file yet, so that `autogenerate`, `check` and `drift` keep them.");

    public static final Setting<Boolean> WATCH_WRITE = Setting.named("watch.write", SettingType.FLAG)
            .in(Section.WATCH)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: write the migration after each change, as autogenerate does; without it, Enter writes it once.")
            .documented("Write the migration after each change, as `autogenerate` does, instead of printing what "
                    + "`check` says. Without it, Enter pressed in the terminal writes it once. The migration's "
                    + "message is `message`, `schema changes` when it is not set.");

    public static final Setting<Integer> WATCH_CYCLES = Setting.named("watch.cycles", SettingType.COUNT)
            .in(Section.WATCH)
            .byDefault("0")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: stop after this many comparisons, the first at start included, exiting as check would"
                            + " on the last (1 on differences or an error). Default 0: never.")
            .documented("Stop after this many comparisons, the first one at start included: `1` compares once and "
                    + "ends, as a script or a test wants, failing as `check` fails when the last one finds differences "
                    + "or an error. `0`: until stopped (Ctrl+C).");

    public static final Setting<Duration> WATCH_DEBOUNCE = Setting.named("watch.debounce", SettingType.DURATION)
            .in(Section.WATCH)
            .byDefault("150ms")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: how long the files must stay unchanged before a change is compared. Default 150ms.")
            .documented("How long the watched files must stay unchanged before a change is compared, so that a "
                    + "compiler's burst of class files counts as one change (`150ms`, `1s`).");

    public static final Setting<Path> CLASSES = Setting.named("classes", SettingType.PATH)
            .in(Section.WATCH)
            .byDefault("target/classes")
            .notIn(Face.MAVEN, "the project's `target/classes`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "watch: the project's compiled classes, where the IDE writes them on save; watched, and their entities"
                            + " compared. Default target/classes. The rest of the class path (the JPA provider) is"
                            + " --classpath.")
            .documented("The compiled classes `migrate watch` watches and whose entities it compares, where the "
                    + "IDE or the build writes them (`build/classes/java/main` in a Gradle build); the JPA "
                    + "provider and the other dependencies are `--classpath`. Caches and `changes.md` go to the "
                    + "build directory above them (`target/migrate`, `build/migrate`).");

    public static final Setting<String> IMPORT_FROM = Setting.named("import.from", SettingType.text("flyway|liquibase"))
            .in(Section.IMPORT)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(Face.COMMAND_LINE, "import: the tool the project moves in from.")
            .documented("The tool the project moves in from: `flyway` or `liquibase`. Required: another name, or "
                    + "none, stops the import before anything is read, naming both (the command line exits with "
                    + "2).");

    public static final Setting<String> IMPORT_PROVE = Setting.named("import.prove", SettingType.text("true|false"))
            .in(Section.IMPORT)
            .byDefault("true")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "import: replay the old chain with the old tool and the written one with migrate on throwaway databases,"
                            + " and write only when both build the same schema. Default true.")
            .documented("Before anything is written, the old tool replays its own chain on one empty throwaway "
                    + "database and migrate the written revisions, compiled against the project's class path, "
                    + "on another; both schemas are compared, and every difference is named with nothing "
                    + "written. `false` writes without the proof (and starts no throwaway server), and says so "
                    + "in a warning. The command line writes it `--prove true` or `--prove false`.");

    public static final Setting<String> IMPORT_FLYWAY_VERSION = Setting.named(
                    "import.flywayVersion", SettingType.text("version"))
            .in(Section.IMPORT)
            .byDefault(DEFAULT_FLYWAY_VERSION)
            .notIn(Face.COMMAND_LINE, TOOL_PATH_INSTEAD)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The Flyway the goal resolves from Maven Central (`org.flywaydb:flyway-core` and "
                    + "`flyway-database-postgresql`) to read and replay the old migrations with, in a class "
                    + "loader of its own. The command line runs the Flyway of `--tool-path`, whatever its "
                    + "version; without it, 13.12.1 from the local Maven repository.");

    public static final Setting<String> IMPORT_LIQUIBASE_VERSION = Setting.named(
                    "import.liquibaseVersion", SettingType.text("version"))
            .in(Section.IMPORT)
            .byDefault(DEFAULT_LIQUIBASE_VERSION)
            .notIn(Face.COMMAND_LINE, TOOL_PATH_INSTEAD)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The Liquibase (`org.liquibase:liquibase-core`, a 4.x: the last open-source line) the "
                    + "goal resolves from Maven Central to render and replay the changelog with. The command "
                    + "line runs the Liquibase of `--tool-path`; without it, 4.33.0 from the local Maven "
                    + "repository.");

    public static final Setting<Map<String, String>> IMPORT_SETTINGS = Setting.named("importSettings", SettingType.MAP)
            .in(Section.IMPORT)
            .spelled(Face.MAVEN, "<importSettings>")
            .spelled(Face.COMMAND_LINE, "--import-setting")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "import: a setting of the old tool as <tool>.<name>=<value>, once per setting, over the project's"
                            + " own: flyway.locations=filesystem:sql, flyway.placeholders.owner=app, liquibase.changelog=<file>,"
                            + " liquibase.contexts=prod.")
            .documented("The old tool's own settings, each named `<tool>.<name>`: `flyway.locations`, "
                    + "`flyway.placeholders.<name>`, `flyway.table`, `liquibase.changelog`, "
                    + "`liquibase.contexts`, `liquibase.parameters.<name>`. They win over the project's own "
                    + "configuration (`flyway.conf` or `flyway.toml`, `flyway.configFiles`, `FLYWAY_*` variables, "
                    + "the Flyway Maven plugin's `<configuration>`, "
                    + "`spring.flyway.*`, Quarkus's `quarkus.flyway.*`, `spring.liquibase.change-log`, `liquibase.properties`). "
                    + "On Maven's "
                    + "command line each is a property of its own, "
                    + "`-Dmigrate.import.flyway.locations=filesystem:sql`; in the pom, "
                    + "`<importSettings><flyway.locations>filesystem:sql</flyway.locations></importSettings>`; "
                    + "on migrate's command line, `--import-setting flyway.locations=filesystem:sql`, once per "
                    + "setting (a value may hold commas). The command line refuses a setting of the other tool "
                    + "than `--from`'s, which would be ignored.");

    public static final Setting<String> IMPORT_RETIRE = Setting.named("import.retire", SettingType.text("dry-run|true"))
            .in(Section.IMPORT)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "import: instead of importing, retire the old tool's history table of the database of --url once it"
                            + " has moved in: dry-run says what would be dropped, true says it and drops it.")
            .documented("Instead of importing, retires the old tool's history table (`flyway_schema_history`, or "
                    + "Liquibase's `databasechangelog` and its lock table) of the configured database once it "
                    + "has moved in: `dry-run` says what would be dropped, `true` says it and drops it; a "
                    + "database that has not moved in is refused. Needs the database (`url`; the command line's "
                    + "`--url`) and the project's chain (the command line's `--classpath`). `history` keeps the "
                    + "imported past.");

    public static final Setting<String> TOOL_PATH = Setting.named("toolPath", SettingType.text("paths"))
            .in(Section.IMPORT)
            .byDefault("the environment variable `MIGRATE_IMPORT_TOOL_PATH`, else the local Maven repository")
            .notIn(Face.MAVEN, "resolved from Maven Central")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The old tool's jars with what they need, which the command line has no resolver for: "
                    + "directories of jars (each `*.jar` in them), or jars, separated by the platform's path "
                    + "separator, such as the `target/dependency` that `mvn dependency:copy-dependencies` "
                    + "writes. Without either, the jars of the versions the goal defaults to are taken from the "
                    + "local Maven repository (`~/.m2/repository`, or `-Dmaven.repo.local=...` before `-jar`): "
                    + "Flyway's `flyway-core`, `flyway-database-postgresql` and `flyway-database-cockroachdb` "
                    + "13.12.1; Liquibase's `liquibase-core` 4.33.0 with the dependencies its pom lists "
                    + "(opencsv, snakeyaml, jaxb-api, commons-collections4, commons-text, commons-lang3, "
                    + "commons-io; another version of the same major will do for those). When one is missing "
                    + "there, the command stops naming each jar and both fixes: `--tool-path`, or putting them "
                    + "in the local repository once (`mvn dependency:get "
                    + "-Dartifact=org.liquibase:liquibase-core:4.33.0`, or `mvn migrate:import` in a Maven "
                    + "build).");

    public static final Setting<Path> PROJECT = Setting.named("project", SettingType.PATH)
            .in(Section.IMPORT)
            .byDefault("the working directory")
            .notIn(Face.MAVEN, "the project's base directory")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "import: the project's directory, where the old tool's configuration (flyway.conf, flyway.toml, the pom,"
                            + " application.properties) and migrations are. Default: the working directory.")
            .documented("The project the import reads, where the old tool's configuration and migrations are "
                    + "(`src/main/resources/db/migration`, `flyway.conf`, `flyway.toml`, the pom, `application.properties`): "
                    + "the place the goal runs in. The written revisions go below its `src/main/java` unless "
                    + "`--sources` says otherwise, and compile for the proof against `--classpath` and its "
                    + "`target/classes`.");

    public static final Setting<String> FAIL_ON = Setting.named("failOn", SettingType.text("error|warning|none"))
            .in(Section.LINT)
            .byDefault("`error` (`lint`); not set (`verify`)")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "The least lint severity that fails the command. Default: error for lint; for verify, only a migration "
                            + "that fails on the lint's rows.")
            .documented("`lint` and `verify` fail on lint findings of this severity or worse: `error`, `warning`, "
                    + "`none`; not set, `verify` fails only on a migration that fails (`migration-fails`) and "
                    + "reports the other findings.");

    public static final Setting<Path> LINT_REPORT = Setting.named("lintReport", SettingType.PATH)
            .in(Section.LINT)
            .byDefault("target/migrate/lint.json")
            .notIn(Face.COMMAND_LINE, "the command line writes the report of `--report`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Where `lint` and `verify` write the lint report.");

    public static final Setting<String> LINT_SINCE = Setting.named("lintSince", SettingType.text("revision"))
            .in(Section.LINT)
            .byDefault("`origin/$GITHUB_BASE_REF` when that is set, else none")
            .notIn(Face.COMMAND_LINE, "the command line lints the migrations of `--range`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("`lint` and `verify` report findings only for migrations added after this revision or git "
                    + "ref; `base`: every migration ([Working in a team](../howto/team.md#working-in-a-team)).");

    public static final Setting<Path> DRIFT_SQL_FILE = Setting.named("drift.sqlFile", SettingType.PATH)
            .in(Section.DRIFT)
            .notIn(Face.COMMAND_LINE, "the command line's `drift` takes `--sql-file`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Writes the SQL that brings the database back to the chain's schema to this file, for "
                    + "review; nothing is run. For a fleet, one file per drifted tenant beside it "
                    + "(drift-tenant_a.sql).");

    public static final Setting<Boolean> DRIFT_ACCEPT = Setting.named("drift.accept", SettingType.FLAG)
            .in(Section.DRIFT)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, "accepting drift writes a migration, which the command line leaves to the plugin")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Accepts the drift instead: writes the next migration (with message), whose upgrade makes "
                    + "the schema at head into the database's and whose downgrade undoes that. The database has "
                    + "the changes already: mark it with migrate:stamp, the new revision as target; every other "
                    + "database gets them by upgrade. One database, at head.");

    public static final Setting<Boolean> VALIDATE_DRIFT = Setting.named("validateDrift", SettingType.FLAG)
            .in(Section.DRIFT)
            .byDefault("false")
            .notIn(Face.MAVEN, "the goal `drift` compares a database with its chain")
            .notIn(Face.COMMAND_LINE, "the command `drift` compares a database with its chain")
            .spelled(Face.JAVA_API, "builder.validateDrift(boolean)")
            .documented("Whether startup also fails when the database at head no longer has the schema its "
                    + "migrations build there (a column, an index, a function body or a grant changed by hand), "
                    + "each difference named. Needs the schema of the head in the application (the plugin's "
                    + "snapshot goal writes it) and dev.migrate:migrate-catalog on the classpath. Reading the "
                    + "whole catalog costs time at startup, so it is off by default. One database: a fleet is "
                    + "checked by mvn migrate:drift.");

    public static final Setting<List<String>> SNAPSHOT_MAJORS = Setting.named("snapshot.majors", SettingType.LIST)
            .in(Section.DRIFT)
            .spelled(Face.MAVEN, "-Dmigrate.snapshot.majors", "<majors>")
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The PostgreSQL major versions the databases run (comma-separated, e.g. 15,17): a "
                    + "database is compared with the schema read on its own version. Default: the embedded "
                    + "default's.");

    public static final Setting<String> SCRATCH_URL = Setting.named("scratchUrl", SettingType.text("url"))
            .in(Section.DRIFT)
            .notIn(
                    Face.MAVEN,
                    "the goals compare on the database of `url` or on throwaway embedded servers (`comparisonDatabase`)")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "A PostgreSQL server where migrate may create and drop throwaway databases (a role with CREATEDB) to "
                            + "replay the chain on, of the database's major version for drift. Else the environment variable "
                            + "MIGRATE_SCRATCH_URL, else embedded servers (--embedded-postgres-version). Its credentials: in "
                            + "the URL, else --user and --password.")
            .documented("A PostgreSQL server where migrate may create and drop throwaway databases (a role with "
                    + "CREATEDB) to replay the chain on, of the database's major version for drift. Else the "
                    + "environment variable MIGRATE_SCRATCH_URL, else embedded servers "
                    + "(--embedded-postgres-version). Its credentials: in the URL, else --user and --password.");

    public static final Setting<Path> REPLAY_CACHE_DIRECTORY = Setting.named("--replay-cache", SettingType.PATH)
            .in(Section.DRIFT)
            .notIn(Face.MAVEN, "`replayCache` keeps it in `target/migrate/replay-cache`")
            .spelled(Face.COMMAND_LINE, "--replay-cache")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Keep the schema each revision replays to here, with the schemas drift found in sync: a later drift "
                            + "with the same migrations replays nothing, and reads no schema unchanged since.")
            .documented("Keep the schema each revision replays to here, with the schemas drift found in sync: a "
                    + "later drift with the same migrations replays nothing, and reads no schema unchanged "
                    + "since.");

    public static final Setting<Path> REPORT = Setting.named("report", SettingType.PATH)
            .in(Section.DRIFT)
            .notIn(Face.MAVEN, "the goals write `lintReport`, and the JSON document to `output.file`")
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Also write the result as JSON to this file: drift's differences, verify's lint.")
            .documented("Also write the result as JSON to this file: drift's differences, verify's lint.");

    public static final Setting<String> TENANTS = Setting.named("tenants", SettingType.text("schemas"))
            .in(Section.TENANTS)
            .notIn(Face.JAVA_API, JAVA_ONE_DATABASE)
            .describedOn(
                    Face.COMMAND_LINE,
                    "A schema per tenant: comma-separated names and LIKE patterns (tenant_%), or query:<SQL>.")
            .notIn(Face.QUARKUS, QUARKUS_DATASOURCES)
            .documented("A schema per tenant: comma-separated schema names and SQL LIKE patterns (tenant_%; an "
                    + "entry with a % is a pattern), or query: followed by SQL that returns the schema names, "
                    + "run on the configured database (last, as it may hold commas). Each tenant keeps its "
                    + "version and history tables in its schema, takes its own lock, and runs with its schema "
                    + "first on the search_path. A named schema that does not exist yet is created.");

    public static final Setting<String> DATABASES = Setting.named("databases", SettingType.text("urls|@file"))
            .in(Section.TENANTS)
            .notIn(
                    Face.SPRING_BOOT,
                    "the starter migrates the application's `DataSource`, a schema per tenant with `migrate.tenants`")
            .notIn(Face.JAVA_API, JAVA_ONE_DATABASE)
            .describedOn(
                    Face.COMMAND_LINE,
                    "A database per tenant: comma-separated URLs, or @ and a file with one URL a line. Never printed.")
            .documented("A database per tenant: comma-separated database URLs, or @ and a file with one URL a "
                    + "line. A URL without credentials takes the user, password or serverId settings. With "
                    + "tenants, the tenant schemas of each database. Never printed.");

    public static final Setting<Integer> PARALLEL = Setting.named("parallel", SettingType.COUNT)
            .in(Section.TENANTS)
            .notIn(Face.JAVA_API, JAVA_ONE_DATABASE)
            .describedOn(Face.COMMAND_LINE, "How many tenants run at once.")
            .notIn(Face.QUARKUS, QUARKUS_DATASOURCES)
            .documented("How many tenants run at once. Default: the smaller of twice the machine's processors and "
                    + "a quarter of the connections the server has free.");

    public static final Setting<Boolean> FAIL_FAST = Setting.named("failFast", SettingType.FLAG)
            .in(Section.TENANTS)
            .byDefault("false")
            .notIn(Face.JAVA_API, JAVA_ONE_DATABASE)
            .describedOn(Face.COMMAND_LINE, "Stop starting tenants after the first one fails.")
            .notIn(Face.QUARKUS, QUARKUS_DATASOURCES)
            .documented("Stops starting tenants after the first one fails; the others are reported as not run.");

    public static final Setting<Integer> CANARY = Setting.named("canary", SettingType.COUNT)
            .in(Section.TENANTS)
            .byDefault("0")
            .notIn(Face.JAVA_API, JAVA_ONE_DATABASE)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Migrate this many tenants first, and the others only when all of them succeeded.")
            .notIn(Face.QUARKUS, QUARKUS_DATASOURCES)
            .documented(
                    "Migrates this many tenants first, and the others only when all of them succeeded. 0: " + "none.");

    public static final Setting<String> EMBEDDED_POSTGRES_VERSION = Setting.named(
                    "embeddedPostgresVersion", SettingType.text("version"))
            .in(Section.SERVERS)
            .byDefault("18")
            .notIn(Face.SPRING_BOOT, STARTER_DATA_SOURCE)
            .notIn(Face.JAVA_API, JAVA_DATA_SOURCE)
            .describedOn(
                    Face.COMMAND_LINE,
                    "Without --scratch-url, the chain is replayed on throwaway embedded PostgreSQL servers of this major"
                            + " version (13 to 18) or full binaries version (18.6.0); default 18, and the database's own major"
                            + " for drift. Their binaries come from the local Maven repository, else are downloaded from Maven"
                            + " Central into it once.")
            .documented("The PostgreSQL version of the embedded database used when no URL is configured: a major "
                    + "version from 13 to 18 (the latest binaries of that major) or a full binaries version "
                    + "such as 18.6.0. The binaries are fetched from Maven repositories on first use. On the "
                    + "command line, the version of the throwaway embedded servers the chain is replayed on "
                    + "when no `--scratch-url` is given (drift takes the database's own major): their binaries "
                    + "are those of the local Maven repository (`~/.m2/repository`, or `-Dmaven.repo.local`), "
                    + "else downloaded from Maven Central into it once and checked against its SHA-1.");

    public static final Setting<Path> EMBEDDED_DATA_DIRECTORY = Setting.named("embeddedDataDirectory", SettingType.PATH)
            .in(Section.SERVERS)
            .byDefault("target/migrate/pgdata")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_THROWAWAY)
            .notIn(Face.SPRING_BOOT, STARTER_DATA_SOURCE)
            .notIn(Face.JAVA_API, JAVA_DATA_SOURCE)
            .documented("Where the embedded database keeps its data between runs. Delete it (or mvn clean) to "
                    + "start empty.");

    public static final Setting<Boolean> THROWAWAY_IN_MEMORY = Setting.named("throwawayInMemory", SettingType.FLAG)
            .in(Section.SERVERS)
            .byDefault("true")
            .notIn(Face.COMMAND_LINE, COMMAND_LINE_THROWAWAY)
            .notIn(Face.SPRING_BOOT, STARTER_DATA_SOURCE)
            .notIn(Face.JAVA_API, JAVA_DATA_SOURCE)
            .documented("A throwaway embedded PostgreSQL keeps its data in `/dev/shm` when that is a `tmpfs` with "
                    + "2 GB free; `false` keeps it in `target/migrate`, for a model too large for that memory.");

    public static final Setting<Path> POSTGRES_HOME = Setting.named("postgres.home", SettingType.PATH)
            .in(Section.SERVERS)
            .spelled(Face.MAVEN, "-Dmigrate.postgres.home", "<postgresHome>")
            .notIn(Face.COMMAND_LINE, "the command line replays on `--scratch-url` or on embedded servers")
            .notIn(Face.SPRING_BOOT, STARTER_DATA_SOURCE)
            .notIn(Face.JAVA_API, JAVA_DATA_SOURCE)
            .documented("A PostgreSQL installation on this machine (its prefix or bin directory, such as "
                    + "/usr/lib/postgresql/15) that throwaway servers start from, in target/migrate, instead of the "
                    + "embedded binaries: for a chain or entities that need an extension the embedded binaries lack "
                    + "(pgvector's vector, PostGIS). Unset: the embedded binaries, or, when they lack an extension the "
                    + "chain or the entities need, the first installation that has it (pg_config on the PATH, then "
                    + "/usr/lib/postgresql/*).");

    public static final Setting<List<String>> TABLES = Setting.named("tables", SettingType.LIST)
            .in(Section.PICTURES)
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("The tables to draw, comma-separated globs such as orders*,customers (with a dot, matched "
                    + "against schema.name); the tables one foreign key away are drawn too, faded. Empty: every "
                    + "table.");

    public static final Setting<Path> DIAGRAM_DIRECTORY = Setting.named("diagramDirectory", SettingType.PATH)
            .in(Section.PICTURES)
            .byDefault("target/migrate/diagram")
            .notIn(Face.COMMAND_LINE, NO_SUCH_COMMAND)
            .notIn(Face.SPRING_BOOT, STARTER_AT_STARTUP)
            .notIn(Face.JAVA_API, JAVA_RUNS_MIGRATIONS)
            .documented("Where the pictures are written.");

    public static final Setting<Boolean> SKIP = Setting.named("skip", SettingType.FLAG)
            .in(Section.GOAL)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, "a command is skipped by not running it")
            .notIn(Face.SPRING_BOOT, "`migrate.enabled=false` turns the starter off")
            .notIn(Face.JAVA_API, "the Java API runs when it is called")
            .documented("Skip the goal.");

    public static final Setting<Boolean> OPTIMIZING_COMPILER = Setting.named("optimizingCompiler", SettingType.FLAG)
            .in(Section.GOAL)
            .byDefault("false")
            .notIn(Face.COMMAND_LINE, MAVEN_JVM)
            .notIn(Face.SPRING_BOOT, MAVEN_JVM)
            .notIn(Face.JAVA_API, MAVEN_JVM)
            .documented("Every goal: let the JVM's optimizing compiler (C2) run while the goal runs; off, it is "
                    + "kept out for those seconds ([In CI](../howto/ci.md#in-ci)).");

    public static final Setting<String> OUTPUT = Setting.named("output", SettingType.text("text|json"))
            .in(Section.GOAL)
            .byDefault("text")
            .spelled(Face.COMMAND_LINE, "--output", "--json")
            .notIn(Face.SPRING_BOOT, STARTER_REPORTS)
            .notIn(Face.JAVA_API, JAVA_RETURNS)
            .describedOn(Face.COMMAND_LINE, "How the result is printed: text (default), or json as --json prints it.")
            .documented("How the goal or command reports what it did: `text`, the log alone, or `json`, also one "
                    + "JSON document of schema `migrate-output/1` ([JSON output](output-json.md)), printed also "
                    + "when it fails, before it fails. `--json` is `--output json`. The command line prints the "
                    + "document to standard output and its lines for a reader to standard error; the plugin "
                    + "prints it to standard output, amid Maven's lines, or to `output.file`. The exit codes "
                    + "stay as they are. Spring Boot has no such setting: the starter reports through the "
                    + "application's log and Actuator.");

    public static final Setting<Path> OUTPUT_FILE = Setting.named("output.file", SettingType.PATH)
            .in(Section.GOAL)
            .notIn(Face.COMMAND_LINE, "the command line's standard output holds the document alone")
            .notIn(Face.SPRING_BOOT, STARTER_REPORTS)
            .notIn(Face.JAVA_API, JAVA_RETURNS)
            .documented("Where the JSON document goes instead of standard output, where Maven's own lines would "
                    + "surround it, such as `target/migrate/result.json`, relative to the project. Setting it "
                    + "writes the document even with `output` left at `text`. The command line needs none: its "
                    + "standard output holds the document alone.");

    public static final Setting<String> CLASSPATH = Setting.named("classpath", SettingType.text("paths"))
            .in(Section.GOAL)
            .notIn(Face.MAVEN, "the goals take the project's class path")
            .notIn(Face.SPRING_BOOT, "the application's class path holds the migrations")
            .notIn(Face.JAVA_API, "`classLoader` finds the migrations")
            .describedOn(
                    Face.COMMAND_LINE,
                    "Where the compiled migrations are: jars, directories of classes, or a Spring Boot executable jar "
                            + "(its BOOT-INF/classes and BOOT-INF/lib). Default: the class path this jar runs with. For import,"
                            + " what the written revisions compile against, with the target/classes of --project.")
            .documented("Where the compiled migrations are: jars, directories of classes, or a Spring Boot "
                    + "executable jar (its BOOT-INF/classes and BOOT-INF/lib). Default: the class path this jar "
                    + "runs with.");

    public static final Setting<Boolean> ALLOW_WRITE = Setting.named("allowWrite", SettingType.FLAG)
            .in(Section.GOAL)
            .byDefault("false")
            .notIn(Face.SPRING_BOOT, "the MCP server is started by the command line or the plugin")
            .notIn(Face.JAVA_API, "the MCP server is started by the command line or the plugin")
            .describedOn(
                    Face.COMMAND_LINE,
                    "mcp: offer the tools that write a file or change a database (upgrade, downgrade, stamp,"
                            + " autogenerate's write); a destructive plan still needs its user's consent token.")
            .documented("The MCP server (`migrate mcp`, `mvn -q migrate:mcp`) offers the tools that write a file or "
                    + "change a database: `upgrade`, `downgrade`, `stamp`, and `autogenerate` with `write`. Without "
                    + "it the server only reads. Even with it, a plan that can lose data or history is refused until "
                    + "the user gives its consent token. See [Coding agents](../howto/agents.md#mcp-server).");

    public static final Setting<Integer> MCP_HTTP = Setting.named("mcp.http", SettingType.COUNT)
            .in(Section.GOAL)
            .notIn(Face.SPRING_BOOT, "the MCP server is started by the command line or the plugin")
            .notIn(Face.JAVA_API, "the MCP server is started by the command line or the plugin")
            .describedOn(
                    Face.COMMAND_LINE,
                    "mcp: serve Streamable HTTP at http://127.0.0.1:<port>/mcp (localhost only) instead of standard"
                            + " input and output; 0 takes a free port.")
            .documented("The MCP server serves Streamable HTTP at `http://127.0.0.1:<port>/mcp` instead of standard "
                    + "input and output, for a client that connects to a URL. It listens on the loopback interface "
                    + "only and refuses a request whose `Host` or `Origin` is not `localhost` or `127.0.0.1`; `0` "
                    + "takes a free port, which it prints. Default: none, standard input and output. See "
                    + "[Coding agents](../howto/agents.md#over-http).");

    public static final Setting<Boolean> ENABLED = Setting.named("enabled", SettingType.FLAG)
            .in(Section.STARTUP)
            .byDefault("true")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .notIn(Face.QUARKUS, QUARKUS_AT_START)
            .documented("Whether to run migrate at startup.");

    public static final Setting<String> MODE = Setting.named("mode", SettingType.text("upgrade|validate|none"))
            .in(Section.STARTUP)
            .byDefault("upgrade")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .notIn(Face.QUARKUS, QUARKUS_AT_START)
            .documented("What to do at startup: upgrade to the target, validate that the database is at head, or "
                    + "none.");

    public static final Setting<Duration> VALIDATE_WAIT_TIMEOUT = Setting.named(
                    "validate.wait-timeout", SettingType.DURATION)
            .in(Section.STARTUP)
            .byDefault("5m")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .documented("With `migrate.mode=validate`, how long startup waits while another migrate run (a "
                    + "Kubernetes Job, an init container, a pipeline step) holds the migration lock of a "
                    + "database behind head, checking again every second; it starts as soon as the database "
                    + "reaches head, and fails naming this setting when the run still holds the lock at the "
                    + "end. A database behind head that no run is migrating fails at once, whatever this says. "
                    + "`0` never waits. A fleet (`migrate.tenants`) is validated without waiting. The health "
                    + "indicator and a startup probe see the wait as a slow start: give the probe this long. "
                    + "See [Kubernetes](../howto/kubernetes.md#the-application-beside-the-job).");

    public static final Setting<Boolean> ONLINE_SEARCH_PATH = Setting.named("online.search-path", SettingType.FLAG)
            .in(Section.STARTUP)
            .byDefault("false")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .notIn(Face.QUARKUS, "Quarkus applications keep their search path")
            .documented("Whether the application's connections put the schema of views of its revision "
                    + "(`public_`) first in their search path while that schema is there: during the rollout of "
                    + "an online migration the new instances use the new shape through the views.");

    public static final Setting<Boolean> HEALTH_OUT_OF_SERVICE_DURING_EXPAND = Setting.named(
                    "health.out-of-service-during-expand", SettingType.FLAG)
            .in(Section.STARTUP)
            .byDefault("false")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .notIn(Face.QUARKUS, QUARKUS_HEALTH)
            .documented("Whether the `migrate` health indicator reports OUT_OF_SERVICE while an online revision "
                    + "is in its expand phase, so a load balancer takes the instance out until the migration "
                    + "completes ([Actuator](../howto/spring-boot.md#actuator-endpoint-and-health)).");

    public static final Setting<Duration> HEALTH_DRIFT_INTERVAL = Setting.named(
                    "health.drift-interval", SettingType.DURATION)
            .in(Section.STARTUP)
            .byDefault("10m")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .documented("With `migrate.validate-drift`, how old the last drift check may be before the health "
                    + "indicator or `/actuator/migrate` runs it again; `0` keeps the check made at startup.");

    public static final Setting<Integer> HEALTH_HISTORY_ENTRIES = Setting.named(
                    "health.history-entries", SettingType.COUNT)
            .in(Section.STARTUP)
            .byDefault("10")
            .notIn(Face.MAVEN, STARTER_STARTUP)
            .notIn(Face.COMMAND_LINE, STARTER_STARTUP)
            .notIn(Face.JAVA_API, STARTER_STARTUP)
            .notIn(Face.QUARKUS, QUARKUS_HEALTH)
            .documented("How many of the history table's last entries `/actuator/migrate` lists.");

    public static final Setting<Boolean> MIGRATE_AT_START = Setting.named("migrate-at-start", SettingType.FLAG)
            .in(Section.STARTUP)
            .byDefault("false")
            .notIn(Face.MAVEN, QUARKUS_STARTUP)
            .notIn(Face.COMMAND_LINE, QUARKUS_STARTUP)
            .notIn(Face.SPRING_BOOT, "`migrate.mode=upgrade`")
            .spelled(Face.QUARKUS, "quarkus.migrate.migrate-at-start")
            .notIn(Face.JAVA_API, QUARKUS_STARTUP)
            .documented("Whether the datasource is upgraded to `quarkus.migrate.target` when the application starts,"
                    + " before Hibernate ORM and anything else that uses it; startup fails naming the revision that"
                    + " failed. With `quarkus.migrate.validate-drift`, the database is then checked against the schema"
                    + " of head.");

    public static final Setting<Boolean> VALIDATE_AT_START = Setting.named("validate-at-start", SettingType.FLAG)
            .in(Section.STARTUP)
            .byDefault("false")
            .notIn(Face.MAVEN, QUARKUS_STARTUP)
            .notIn(Face.COMMAND_LINE, QUARKUS_STARTUP)
            .notIn(Face.SPRING_BOOT, "`migrate.mode=validate`")
            .spelled(Face.QUARKUS, "quarkus.migrate.validate-at-start")
            .notIn(Face.JAVA_API, QUARKUS_STARTUP)
            .documented("Whether startup fails while the datasource is behind the application's head (or, with"
                    + " `quarkus.migrate.validate-drift`, has drifted from it), for applications whose database a"
                    + " Job or a pipeline migrates; it waits `quarkus.migrate.validate.wait-timeout` for a run that"
                    + " holds the migration lock. Ignored with `migrate-at-start`.");

    /** Every row, grouped by section in the reference page's order, and in its order within each section. */
    public static final List<Setting<?>> ALL = List.of(
            URL,
            USER,
            PASSWORD,
            CREDENTIALS,
            CREDENTIALS_PROVIDER,
            SERVER_ID,
            PACKAGES,
            SCHEMA,
            VERSION_TABLE,
            HISTORY_TABLE,
            CLASS_LOADER,
            TARGET,
            TRANSACTION_MODE,
            LOCK_TIMEOUT,
            LOCK_RETRIES,
            STATEMENT_TIMEOUT,
            LOCK_WAIT_TIMEOUT,
            PROGRESS_INTERVAL,
            WAIT_REPORT_INTERVAL,
            ACCEPT_CHECKSUMS,
            CHECKSUM_CACHE,
            REBUILD_INVALID_INDEXES,
            CONTEXTS,
            ACCEPT_FUTURE_REVISIONS,
            CONSENT,
            REHEARSE,
            EMBEDDED,
            PURGE,
            LISTENER,
            LOG,
            SQL,
            SQL_FILE,
            CHECK_HEADS,
            RANGE,
            MODULE,
            VERBOSE,
            REVISION,
            MESSAGE,
            HEAD,
            REVISIONS,
            ONTO,
            SOURCE_DIRECTORY,
            SQUASH_DATA,
            ENTITY_PACKAGES,
            PERSISTENCE_UNIT,
            PHYSICAL_NAMING_STRATEGY,
            IMPLICIT_NAMING_STRATEGY,
            HIBERNATE_PROPERTIES,
            EXCLUDE,
            RENAMES,
            NOT_RENAMED,
            SERIAL_TO_IDENTITY,
            SAFE,
            ONLINE,
            MEASURE_TIMEOUT,
            LARGE_TABLE_ROWS,
            MANAGED_SCHEMA,
            COMPARISON_DATABASE,
            ENTITY_CACHE,
            ENTITY_SNAPSHOT,
            REPLAY_CACHE,
            SOURCE,
            SOURCE_SQL_DIRECTORY,
            SOURCE_COMMAND,
            SOURCE_MAIN_CLASS,
            OBJECTS_DIRECTORY,
            DATA_DIRECTORY,
            DATA_ROW_LIMIT,
            BASELINE_DATA,
            WATCH_WRITE,
            WATCH_CYCLES,
            WATCH_DEBOUNCE,
            CLASSES,
            IMPORT_FROM,
            IMPORT_PROVE,
            IMPORT_FLYWAY_VERSION,
            IMPORT_LIQUIBASE_VERSION,
            IMPORT_SETTINGS,
            IMPORT_RETIRE,
            TOOL_PATH,
            PROJECT,
            FAIL_ON,
            LINT_REPORT,
            LINT_SINCE,
            DRIFT_SQL_FILE,
            DRIFT_ACCEPT,
            VALIDATE_DRIFT,
            SNAPSHOT_MAJORS,
            SCRATCH_URL,
            REPLAY_CACHE_DIRECTORY,
            REPORT,
            TENANTS,
            DATABASES,
            PARALLEL,
            FAIL_FAST,
            CANARY,
            EMBEDDED_POSTGRES_VERSION,
            EMBEDDED_DATA_DIRECTORY,
            THROWAWAY_IN_MEMORY,
            POSTGRES_HOME,
            TABLES,
            DIAGRAM_DIRECTORY,
            SKIP,
            OPTIMIZING_COMPILER,
            OUTPUT,
            OUTPUT_FILE,
            CLASSPATH,
            ALLOW_WRITE,
            MCP_HTTP,
            ENABLED,
            MODE,
            VALIDATE_WAIT_TIMEOUT,
            ONLINE_SEARCH_PATH,
            HEALTH_OUT_OF_SERVICE_DURING_EXPAND,
            HEALTH_DRIFT_INTERVAL,
            HEALTH_HISTORY_ENTRIES,
            MIGRATE_AT_START,
            VALIDATE_AT_START);

    /**
     * The rows every goal takes, and every command of the command line: {@link TakenSettings#every} declares them for
     * a command that needs no database.
     */
    public static final List<Setting<?>> EVERY_GOAL =
            List.of(PACKAGES, SKIP, OPTIMIZING_COMPILER, OUTPUT, OUTPUT_FILE, CLASSPATH);

    /**
     * The rows of the database goals, {@link TakenSettings#database}'s: the connection, the run's settings, and the
     * embedded server a goal starts when no database is configured.
     */
    public static final List<Setting<?>> DATABASE = List.of(
            URL,
            USER,
            PASSWORD,
            CREDENTIALS_PROVIDER,
            SERVER_ID,
            SCHEMA,
            VERSION_TABLE,
            HISTORY_TABLE,
            TRANSACTION_MODE,
            LOCK_TIMEOUT,
            LOCK_RETRIES,
            STATEMENT_TIMEOUT,
            LOCK_WAIT_TIMEOUT,
            PROGRESS_INTERVAL,
            WAIT_REPORT_INTERVAL,
            ACCEPT_CHECKSUMS,
            CHECKSUM_CACHE,
            CONTEXTS,
            EMBEDDED_POSTGRES_VERSION,
            EMBEDDED_DATA_DIRECTORY,
            THROWAWAY_IN_MEMORY,
            POSTGRES_HOME);

    private SettingsTable() {}

    /** The row of {@code name}, as the plugin's parameter names it; null when there is none. */
    public static @Nullable Setting<?> named(String name) {
        for (Setting<?> setting : ALL) {
            if (setting.name().equals(name)) {
                return setting;
            }
        }
        return null;
    }

    /** The rows of the settings of the run itself, which {@link ResolvedSettings#applyTo} sets on the engine. */
    public static List<Setting<?>> run() {
        return ALL.stream().filter(s -> s.run() != null).toList();
    }
}
