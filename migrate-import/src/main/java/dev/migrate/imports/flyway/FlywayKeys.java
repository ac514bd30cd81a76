package dev.migrate.imports.flyway;

import static java.util.Map.entry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's settings as data: the ones the import reads, the ones that bear on what Flyway ran and that no imported
 * chain can take over (each with the way out), the ones that bear on nothing a migration did, and Flyway's
 * environment variables with the setting each one sets.
 */
final class FlywayKeys {
    private FlywayKeys() {}

    /** The settings read, by the name Flyway's configuration files give them after {@code flyway.}. */
    static final List<String> KNOWN = List.of(
            "locations",
            "table",
            "defaultSchema",
            "schemas",
            "baselineVersion",
            "outOfOrder",
            "sqlMigrationPrefix",
            "undoSqlMigrationPrefix",
            "repeatableSqlMigrationPrefix",
            "sqlMigrationSeparator",
            "sqlMigrationSuffixes",
            "placeholderPrefix",
            "placeholderSuffix",
            "placeholderSeparator",
            "placeholderReplacement",
            "encoding",
            "executeInTransaction",
            "validateMigrationNaming",
            "user",
            "url",
            "environment",
            "configFiles",
            "configFileEncoding");

    /**
     * Settings that change what Flyway ran and that no imported chain can take over, with the way out. A boolean
     * one is named only when it is {@code true}.
     */
    static final Map<String, String> NOT_HONOURED = Map.ofEntries(
            entry(
                    "target",
                    "stops Flyway at that version, so the migrations above it never ran where it was set; the import "
                            + "writes a revision for each of them all the same, which the next upgrade runs. Move the "
                            + "files above the target out of the locations before the import, or upgrade with "
                            + "migrate.target set to the target's revision"),
            entry(
                    "cherryPick",
                    "applies the listed migrations only; the import writes a revision for each migration. Move the "
                            + "ones never applied out of the locations before the import"),
            entry(
                    "skipExecutingMigrations",
                    "records migrations as applied without running them, which no revision does. Import from the "
                            + "migrations that built the schema, or stamp a database with migrate:stamp"),
            entry(
                    "callbacks",
                    "runs the project's callback classes around Flyway's commands, which are not imported: if what "
                            + "they do is still needed, write it as a revision, or run it from the application"),
            entry(
                    "callbackLocations",
                    "runs the SQL callbacks of other locations around Flyway's commands, which are not imported: if "
                            + "what they do is still needed, write it as a revision, or run it from the application"),
            entry(
                    "resolvers",
                    "adds the migrations the project's resolver classes find, which the import cannot read. Write "
                            + "them as revisions after the import"),
            entry(
                    "migrationResolvers",
                    "adds the migrations the project's resolver classes find, which the import cannot read. Write "
                            + "them as revisions after the import"),
            entry(
                    "skipDefaultResolvers",
                    "leaves Flyway's own SQL and Java migrations out, running only the project's resolvers'; the "
                            + "import reads Flyway's own. Remove the setting, or import from the locations the "
                            + "project's databases ran"),
            entry(
                    "initSql",
                    "runs SQL on each connection Flyway opens, which no revision does. Set it on the connections "
                            + "migrate opens (the JDBC URL's options, or the data source's initialisation SQL)"),
            entry(
                    "errorOverrides",
                    "lets some SQL errors pass, so a statement that failed under Flyway runs and fails in its "
                            + "revision. Remove such statements from the migrations before the import"),
            entry(
                    "group",
                    "applies all pending migrations in one transaction; each revision runs in a transaction of "
                            + "its own. Nothing to do where every migration succeeds"),
            entry(
                    "detectEncoding",
                    "guesses each file's encoding; the import reads every file in the configured encoding "
                            + "(UTF-8 by default). Set flyway.encoding to the files' encoding, or give a file its "
                            + "own with encoding=... in its .sql.conf"),
            entry(
                    "jarDirs",
                    "finds Java migrations in jars of those directories; the import finds Java migrations in the "
                            + "project's target/classes and src/main/java only. Move their sources into the project, "
                            + "or write them as revisions after the import"),
            entry(
                    "provisioner",
                    "rebuilds the environment's database before Flyway runs, which the import does not. Nothing to "
                            + "do for a database that is kept"));

    /**
     * Settings that bear on nothing a migration did (connecting, locking, logging, reports, validation, Flyway's
     * other commands), read and left aside; compared without case, dashes or underscores.
     */
    static final Set<String> NO_BEARING = Set.of(
            "password",
            "driver",
            "driverclassname",
            "displayname",
            "connectretries",
            "connectretriesinterval",
            "jdbcproperties",
            "licensekey",
            "lockretrycount",
            "kerberosconfigfile",
            "baselinedescription",
            "baselineonmigrate",
            "cleandisabled",
            "cleanonvalidationerror",
            "validateonmigrate",
            "ignoremigrationpatterns",
            "ignoremissingmigrations",
            "ignorefuturemigrations",
            "ignoreignoredmigrations",
            "ignorependingmigrations",
            "failonmissinglocations",
            "failonmissingtarget",
            "checklocation",
            "createschemas",
            "installedby",
            "tablespace",
            "mixed",
            "stream",
            "batch",
            "outputquerystats",
            "outputqueryresults",
            "dryrunoutput",
            "loggers",
            "reportenabled",
            "reportfilename",
            "outputtype",
            "outputprogress",
            "outputlogsinjson",
            "color",
            "provisionmode",
            "communitydbsupportenabled",
            "scriptplaceholderprefix",
            "scriptplaceholdersuffix",
            "powershellexecutable",
            "skipdefaultcallbacks",
            "workingdirectory",
            "configurations",
            "enabled",
            "skip",
            "version",
            "serverid",
            "current",
            "active",
            "migrateatstart",
            "cleanatstart",
            "baselineatstart",
            "repairatstart",
            "validateatstart",
            "username",
            "jdbcurl",
            "datasource",
            "id");

    /**
     * Flyway's environment variables and the setting each sets, as Flyway's own {@code ConfigUtils.convertKey}
     * maps them; {@code FLYWAY_PLACEHOLDERS_<NAME>} sets the placeholder {@code <name>} (lower case) and {@code
     * FLYWAY_JDBC_PROPERTIES_<NAME>} a JDBC property. Any other {@code FLYWAY_} variable is not Flyway's.
     */
    static final Map<String, String> ENVIRONMENT_VARIABLES = Map.ofEntries(
            entry("FLYWAY_BASELINE_DESCRIPTION", "baselineDescription"),
            entry("FLYWAY_BASELINE_ON_MIGRATE", "baselineOnMigrate"),
            entry("FLYWAY_BASELINE_VERSION", "baselineVersion"),
            entry("FLYWAY_BATCH", "batch"),
            entry("FLYWAY_CALLBACKS", "callbacks"),
            entry("FLYWAY_CLEAN_DISABLED", "cleanDisabled"),
            entry("FLYWAY_COMMUNITY_DB_SUPPORT_DISABLED", "communityDBSupportEnabled"),
            entry("FLYWAY_CONFIG_FILE_ENCODING", "configFileEncoding"),
            entry("FLYWAY_CONFIG_FILES", "configFiles"),
            entry("FLYWAY_CONNECT_RETRIES", "connectRetries"),
            entry("FLYWAY_CONNECT_RETRIES_INTERVAL", "connectRetriesInterval"),
            entry("FLYWAY_DEFAULT_SCHEMA", "defaultSchema"),
            entry("FLYWAY_DRIVER", "driver"),
            entry("FLYWAY_DRYRUN_OUTPUT", "dryRunOutput"),
            entry("FLYWAY_ENCODING", "encoding"),
            entry("FLYWAY_EXECUTE_IN_TRANSACTION", "executeInTransaction"),
            entry("FLYWAY_DETECT_ENCODING", "detectEncoding"),
            entry("FLYWAY_ERROR_OVERRIDES", "errorOverrides"),
            entry("FLYWAY_GROUP", "group"),
            entry("FLYWAY_IGNORE_MIGRATION_PATTERNS", "ignoreMigrationPatterns"),
            entry("FLYWAY_INIT_SQL", "initSql"),
            entry("FLYWAY_INSTALLED_BY", "installedBy"),
            entry("FLYWAY_LICENSE_KEY", "licenseKey"),
            entry("FLYWAY_LOCATIONS", "locations"),
            entry("FLYWAY_CALLBACK_LOCATIONS", "callbackLocations"),
            entry("FLYWAY_MIXED", "mixed"),
            entry("FLYWAY_OUT_OF_ORDER", "outOfOrder"),
            entry("FLYWAY_SKIP_EXECUTING_MIGRATIONS", "skipExecutingMigrations"),
            entry("FLYWAY_OUTPUT_QUERY_RESULTS", "outputQueryResults"),
            entry("FLYWAY_PASSWORD", "password"),
            entry("FLYWAY_LOCK_RETRY_COUNT", "lockRetryCount"),
            entry("FLYWAY_PLACEHOLDER_PREFIX", "placeholderPrefix"),
            entry("FLYWAY_PLACEHOLDER_REPLACEMENT", "placeholderReplacement"),
            entry("FLYWAY_PLACEHOLDER_SUFFIX", "placeholderSuffix"),
            entry("FLYWAY_PLACEHOLDER_SEPARATOR", "placeholderSeparator"),
            entry("FLYWAY_SCRIPT_PLACEHOLDER_PREFIX", "scriptPlaceholderPrefix"),
            entry("FLYWAY_SCRIPT_PLACEHOLDER_SUFFIX", "scriptPlaceholderSuffix"),
            entry("FLYWAY_POWERSHELL_EXECUTABLE", "powershellExecutable"),
            entry("FLYWAY_REPEATABLE_SQL_MIGRATION_PREFIX", "repeatableSqlMigrationPrefix"),
            entry("FLYWAY_RESOLVERS", "resolvers"),
            entry("FLYWAY_SCHEMAS", "schemas"),
            entry("FLYWAY_SKIP_DEFAULT_CALLBACKS", "skipDefaultCallbacks"),
            entry("FLYWAY_SKIP_DEFAULT_RESOLVERS", "skipDefaultResolvers"),
            entry("FLYWAY_SQL_MIGRATION_PREFIX", "sqlMigrationPrefix"),
            entry("FLYWAY_SQL_MIGRATION_SEPARATOR", "sqlMigrationSeparator"),
            entry("FLYWAY_SQL_MIGRATION_SUFFIXES", "sqlMigrationSuffixes"),
            entry("FLYWAY_STREAM", "stream"),
            entry("FLYWAY_TABLE", "table"),
            entry("FLYWAY_TABLESPACE", "tablespace"),
            entry("FLYWAY_TARGET", "target"),
            entry("FLYWAY_LOGGERS", "loggers"),
            entry("FLYWAY_UNDO_SQL_MIGRATION_PREFIX", "undoSqlMigrationPrefix"),
            entry("FLYWAY_URL", "url"),
            entry("FLYWAY_USER", "user"),
            entry("FLYWAY_VALIDATE_ON_MIGRATE", "validateOnMigrate"),
            entry("FLYWAY_VALIDATE_MIGRATION_NAMING", "validateMigrationNaming"),
            entry("FLYWAY_CREATE_SCHEMAS", "createSchemas"),
            entry("FLYWAY_FAIL_ON_MISSING_LOCATIONS", "failOnMissingLocations"),
            entry("FLYWAY_KERBEROS_CONFIG_FILE", "kerberosConfigFile"),
            entry("FLYWAY_REPORT_FILENAME", "reportFilename"),
            entry("FLYWAY_JAR_DIRS", "jarDirs"),
            entry("FLYWAY_CONFIGURATIONS", "configurations"));

    /** Other spellings of a setting read, by the spelling compared without case, dashes or underscores. */
    private static final Map<String, String> ALIASES = Map.of("initsqls", "initSql");

    /**
     * A setting's name as the import keys it: its canonical spelling when it is one Flyway has (any case,
     * kebab-case or snake_case accepted), else the name as written. Placeholders keep their name as written.
     */
    static String canonical(String name) {
        if (name.startsWith("placeholders.")) {
            return name;
        }
        String spelling = spelling(name);
        for (String known : KNOWN) {
            if (spelling(known).equals(spelling)) {
                return known;
            }
        }
        for (String key : NOT_HONOURED.keySet()) {
            if (spelling(key).equals(spelling)) {
                return key;
            }
        }
        return ALIASES.getOrDefault(spelling, name);
    }

    /** Whether {@code name} is a setting with no bearing on what ran; {@code jdbcProperties.x} too. */
    static boolean noBearing(String name) {
        int dot = name.indexOf('.');
        return NO_BEARING.contains(spelling(dot < 0 ? name : name.substring(0, dot)));
    }

    /** The setting an environment variable sets, or {@code null} when the variable is not Flyway's. */
    static @Nullable String environmentVariable(String variable) {
        String key = ENVIRONMENT_VARIABLES.get(variable);
        if (key != null) {
            return key;
        }
        if (variable.startsWith("FLYWAY_PLACEHOLDERS_") && variable.length() > "FLYWAY_PLACEHOLDERS_".length()) {
            return "placeholders."
                    + variable.substring("FLYWAY_PLACEHOLDERS_".length()).toLowerCase(Locale.ENGLISH);
        }
        if (variable.startsWith("FLYWAY_JDBC_PROPERTIES_")) {
            return "jdbcProperties."
                    + variable.substring("FLYWAY_JDBC_PROPERTIES_".length()).toLowerCase(Locale.ENGLISH);
        }
        return null;
    }

    private static String spelling(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
