package dev.migrate.cli;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An option of the command line, written {@code --name value} or {@code --name=value}; a flag is
 * written {@code --name} (or {@code --name=true}, {@code --name=false}).
 */
final class CliOption {
    static final CliOption JSON = new CliOption(
            "json",
            null,
            "Print one JSON document of what the command did to standard output (docs/reference/output-json.md); "
                    + "the lines for a reader go to standard error. The same as --output json.");
    static final CliOption HELP = new CliOption("help", null, "Describe the command.");

    /**
     * Every option: one per setting of the table the command line takes, which the commands that declare it accept,
     * then the command line's own.
     */
    static final List<CliOption> ALL = all();

    static final CliOption URL = fromTable(SettingsTable.URL);
    static final CliOption USER = fromTable(SettingsTable.USER);
    static final CliOption PASSWORD = fromTable(SettingsTable.PASSWORD);
    static final CliOption CREDENTIALS_PROVIDER = fromTable(SettingsTable.CREDENTIALS_PROVIDER);
    static final CliOption CLASSPATH = fromTable(SettingsTable.CLASSPATH);
    static final CliOption PACKAGES = fromTable(SettingsTable.PACKAGES);
    static final CliOption TARGET = fromTable(SettingsTable.TARGET);
    static final CliOption REVISION = fromTable(SettingsTable.REVISION);
    static final CliOption RANGE = fromTable(SettingsTable.RANGE);
    static final CliOption MODULE = fromTable(SettingsTable.MODULE);
    static final CliOption SQL = fromTable(SettingsTable.SQL);
    static final CliOption SQL_FILE = fromTable(SettingsTable.SQL_FILE);
    static final CliOption TENANTS = fromTable(SettingsTable.TENANTS);
    static final CliOption DATABASES = fromTable(SettingsTable.DATABASES);
    static final CliOption PARALLEL = fromTable(SettingsTable.PARALLEL);
    static final CliOption REBUILD_INVALID_INDEXES = fromTable(SettingsTable.REBUILD_INVALID_INDEXES);
    static final CliOption FAIL_FAST = fromTable(SettingsTable.FAIL_FAST);
    static final CliOption CANARY = fromTable(SettingsTable.CANARY);
    static final CliOption ACCEPT_FUTURE_REVISIONS = fromTable(SettingsTable.ACCEPT_FUTURE_REVISIONS);
    static final CliOption PURGE = fromTable(SettingsTable.PURGE);
    static final CliOption REHEARSE = fromTable(SettingsTable.REHEARSE);
    static final CliOption CHECK_HEADS = fromTable(SettingsTable.CHECK_HEADS);
    static final CliOption MANAGED_SCHEMA = fromTable(SettingsTable.MANAGED_SCHEMA);
    static final CliOption EXCLUDE = fromTable(SettingsTable.EXCLUDE);
    static final CliOption SCRATCH_URL = fromTable(SettingsTable.SCRATCH_URL);
    static final CliOption EMBEDDED_POSTGRES_VERSION = fromTable(SettingsTable.EMBEDDED_POSTGRES_VERSION);
    static final CliOption REPLAY_CACHE = fromTable(SettingsTable.REPLAY_CACHE_DIRECTORY);
    static final CliOption REPORT = fromTable(SettingsTable.REPORT);
    static final CliOption FAIL_ON = fromTable(SettingsTable.FAIL_ON);
    static final CliOption LARGE_TABLE_ROWS = fromTable(SettingsTable.LARGE_TABLE_ROWS);
    static final CliOption VERBOSE = fromTable(SettingsTable.VERBOSE);
    static final CliOption OUTPUT = fromTable(SettingsTable.OUTPUT);
    static final CliOption CLASSES = fromTable(SettingsTable.CLASSES);
    static final CliOption ENTITY_PACKAGES = fromTable(SettingsTable.ENTITY_PACKAGES);
    static final CliOption OBJECTS = fromTable(SettingsTable.OBJECTS_DIRECTORY);
    static final CliOption DATA = fromTable(SettingsTable.DATA_DIRECTORY);
    static final CliOption SOURCES = fromTable(SettingsTable.SOURCE_DIRECTORY);
    static final CliOption MESSAGE = fromTable(SettingsTable.MESSAGE);
    static final CliOption WRITE = fromTable(SettingsTable.WATCH_WRITE);
    static final CliOption ALLOW_WRITE = fromTable(SettingsTable.ALLOW_WRITE);
    static final CliOption HTTP = fromTable(SettingsTable.MCP_HTTP);
    static final CliOption CYCLES = fromTable(SettingsTable.WATCH_CYCLES);
    static final CliOption DEBOUNCE = fromTable(SettingsTable.WATCH_DEBOUNCE);
    static final CliOption FROM = fromTable(SettingsTable.IMPORT_FROM);
    static final CliOption PROJECT = fromTable(SettingsTable.PROJECT);
    static final CliOption TOOL_PATH = fromTable(SettingsTable.TOOL_PATH);
    static final CliOption PROVE = fromTable(SettingsTable.IMPORT_PROVE);
    static final CliOption IMPORT_SETTING = fromTable(SettingsTable.IMPORT_SETTINGS);
    static final CliOption RETIRE = fromTable(SettingsTable.IMPORT_RETIRE);

    private final String optionName;
    private final @Nullable String valueName;
    /** The command line's own option's description; null for a row's, which help reads from the row. */
    private final @Nullable String description;

    private final @Nullable Setting<?> setting;

    private CliOption(String optionName, @Nullable String valueName, String description) {
        this(optionName, valueName, description, null);
    }

    private CliOption(
            String optionName, @Nullable String valueName, @Nullable String description, @Nullable Setting<?> setting) {
        this.optionName = optionName;
        this.valueName = valueName;
        this.description = description;
        this.setting = setting;
    }

    /** The option of a setting of the table, described by its row. */
    private static CliOption of(Setting<?> setting) {
        return new CliOption(
                setting.spelled(Face.COMMAND_LINE).substring(2),
                setting.type().equals(SettingType.FLAG)
                        ? null
                        : "<" + setting.type().name() + ">",
                null,
                setting);
    }

    /** One option per row the command line takes, then its own; a loop, as {@link #fromTable} is. */
    private static List<CliOption> all() {
        List<CliOption> all = new ArrayList<>();
        for (Setting<?> setting : SettingsTable.ALL) {
            if (setting.takenBy(Face.COMMAND_LINE)) {
                all.add(of(setting));
            }
        }
        all.add(JSON);
        all.add(HELP);
        return List.copyOf(all);
    }

    /** The option {@link #ALL} holds for the row {@code setting}, so that every use of it is one option. */
    private static CliOption fromTable(Setting<?> setting) {
        // a loop, not a stream: fifty of these run at every start, before anything connects
        for (CliOption option : ALL) {
            if (setting.equals(option.setting)) {
                return option;
            }
        }
        throw new IllegalStateException(setting.name() + " is no option of the command line");
    }

    /** The reference page's Markdown as help prints it: a link as its text, code as its text. */
    private static String plain(String markdown) {
        return markdown.replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1").replace("`", "");
    }

    /**
     * Whether the command of {@code taken} takes it: as the command declares; --json where --output is; --help
     * everywhere.
     */
    boolean takenBy(TakenSettings taken) {
        if (setting != null) {
            return taken.takesOnCommandLine(setting);
        }
        return this != JSON || OUTPUT.takenBy(taken);
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

    /** What help says of it: the command line's own words for a row where it has them, else the page's. */
    String description() {
        if (description != null || setting == null) {
            return String.valueOf(description);
        }
        String defaultValue = setting.defaultValue();
        return setting.described()
                .getOrDefault(
                        Face.COMMAND_LINE,
                        plain(setting.doc()) + (defaultValue == null ? "" : " Default " + plain(defaultValue) + "."));
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
        Setting<?> row = SettingsTable.named(name);
        String last = name.substring(name.lastIndexOf('.') + 1);
        // a goal's parameter the command line takes under another row, as drift.sqlFile is its --sql-file
        CliOption option = row != null && row.takenBy(Face.COMMAND_LINE)
                ? fromTable(row)
                : named(last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
        if (option == null) {
            return "";
        }
        if (option.takesValue()) {
            return option.written() + " " + value;
        }
        return value.equals("false") ? option.written() + "=false" : option.written(); // a flag is true when written
    }

    /** Whether the option may be given more than once, each time with a value of its own: an entry of a map. */
    boolean repeatable() {
        return setting != null && setting.type().equals(SettingType.MAP);
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
