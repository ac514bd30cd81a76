package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.NotAtHeadException;
import dev.migrate.connection.ConnectionFailure;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a failure of the migration at startup the Spring Boot way ("APPLICATION FAILED TO START",
 * Description, Action) instead of a stack trace: a database that cannot be reached or refuses the login
 * (naming host, port, database, user and the setting the address came from), a migration that failed,
 * a database behind head under {@code migrate.mode=validate} (naming the command that upgrades it), and
 * a migration chain that cannot be used. Registered in {@code META-INF/spring.factories}; Spring Boot
 * logs the exception itself at DEBUG.
 *
 * <pre>{@code org.springframework.boot.diagnostics.FailureAnalyzer=dev.migrate.spring.MigrateFailureAnalyzer}</pre>
 */
public final class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {
    /** Characters a POSIX shell reads as more than a word's letters. */
    private static final Pattern SHELL_SPECIAL = Pattern.compile("[^A-Za-z0-9_./:=@%+,-]");

    private final Environment environment;

    /**
     * Spring Boot creates it with the failed application's environment. Example:
     * {@code new MigrateFailureAnalyzer(context.getEnvironment()).analyze(failure)}
     */
    public MigrateFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
        Optional<MigrateDatabaseSettings> database = MigrateDatabaseSettings.of(environment);
        if (cause instanceof NotAtHeadException) {
            return notAtHead(cause, database);
        }
        if (cause instanceof MigrationFailedException failed) {
            return migrationFailed(failed, database);
        }
        if (cause instanceof StarterSettings.BadSetting) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Write the setting "
                            + (String.valueOf(cause.getMessage()).contains("has no unit")
                                    ? "with its unit"
                                    : "as the message says")
                            + " where it is set (application.properties, an environment variable or the command line) and"
                            + " start the application again.",
                    cause);
        }
        SQLException refused = findCause(cause, SQLException.class);
        if (refused != null && ConnectionFailure.isConnectionFailure(refused)) {
            return database.map(d -> ConnectionFailure.of(refused, d.target()))
                    .map(f -> new FailureAnalysis(f.problem(), f.fix(), cause))
                    .orElseGet(() -> new FailureAnalysis(
                            cause.getMessage(),
                            "Start the database, or fix the connection settings of the application's DataSource, or "
                                    + "set migrate.url (with migrate.user and migrate.password) to the database to "
                                    + "migrate.",
                            cause));
        }
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the migrations as the description says and start the application again. mvn "
                        + "migrate:history shows the chain the application reads from migrate.packages ("
                        + environment.getProperty("migrate.packages", "db.migrations") + ").",
                cause);
    }

    /** The upgrade that {@code migrate.mode=validate} does not do, as the command that does it. */
    private FailureAnalysis notAtHead(MigrateException cause, Optional<MigrateDatabaseSettings> database) {
        String message = Objects.requireNonNullElse(cause.getMessage(), "");
        // the engine's "Run mvn ... first." becomes the action; what follows it (a wait that ran out) stays
        int run = message.indexOf(" Run mvn ");
        int first = run < 0 ? -1 : message.indexOf(" first.", run);
        String state = run < 0
                ? message
                : message.substring(0, run) + (first < 0 ? "" : message.substring(first + " first.".length()));
        return new FailureAnalysis(
                state + " migrate.mode=validate checks the database at startup and changes nothing.",
                "Upgrade this database before the application starts: " + upgradeCommand(database)
                        + ". Or set migrate.mode=upgrade to upgrade it at startup.",
                cause);
    }

    private FailureAnalysis migrationFailed(
            MigrationFailedException failed, Optional<MigrateDatabaseSettings> database) {
        String which = failed.revision() == null ? "the migration run" : "migration " + failed.revision();
        return new FailureAnalysis(
                failed.getMessage(),
                "Fix " + which + " (or the data it failed on) and start the application again: it continues from "
                        + "where the database is. To try it without starting the application: "
                        + upgradeCommand(database) + ".",
                failed);
    }

    /**
     * How a command that upgrades spells itself and its settings: the plugin's goal, or in Kubernetes, where a Job or
     * an init container runs the command line and no Maven is at hand, the command line's.
     */
    private record UpgradeCommand(
            String run,
            String url,
            String user,
            String schema,
            String versionTable,
            String historyTable,
            String password) {
        static final UpgradeCommand MAVEN = new UpgradeCommand(
                "mvn migrate:upgrade",
                " -Dmigrate.url=",
                " -Dmigrate.user=",
                " -Dmigrate.schema=",
                " -Dmigrate.versionTable=",
                " -Dmigrate.historyTable=",
                " (the password: -Dmigrate.password, or a settings.xml <server> named by -Dmigrate.serverId)");
        static final UpgradeCommand COMMAND_LINE = new UpgradeCommand(
                "migrate upgrade",
                " --url ",
                " --user ",
                " --schema ",
                " --version-table ",
                " --history-table ",
                ", as the release's migrate Job or init container runs the command line (the password: the database"
                        + " URL's Secret in MIGRATE_DATABASE_URL, or --password)");
    }

    /**
     * {@code mvn migrate:upgrade -Dmigrate.url=jdbc:postgresql://db:5432/app -Dmigrate.user=app}: never the
     * password, which is only named as a setting; in a Kubernetes pod, {@code migrate upgrade --url ...}.
     */
    private String upgradeCommand(Optional<MigrateDatabaseSettings> database) {
        UpgradeCommand command = environment.containsProperty("KUBERNETES_SERVICE_HOST")
                ? UpgradeCommand.COMMAND_LINE
                : UpgradeCommand.MAVEN;
        if (database.isEmpty()) {
            return command.run() + command.url() + "<the JDBC URL of this application's database>" + tables(command);
        }
        MigrateDatabaseSettings d = database.get();
        return command.run()
                + command.url()
                + shellWord(d.url().jdbcUrl())
                + (d.user() == null ? "" : command.user() + shellWord(d.user()))
                + tables(command)
                + command.password();
    }

    /**
     * The schema and the version and history tables the application set, as the command spells them: without them
     * it would read the default tables, find no revision and apply the chain from its start again.
     */
    private String tables(UpgradeCommand command) {
        Binder binder = Binder.get(environment);
        StringBuilder settings = new StringBuilder();
        binder.bind("migrate.schema", String.class)
                .ifBound(v -> settings.append(command.schema()).append(shellWord(v)));
        binder.bind("migrate.version-table", String.class)
                .ifBound(v -> settings.append(command.versionTable()).append(shellWord(v)));
        binder.bind("migrate.history-table", String.class)
                .ifBound(v -> settings.append(command.historyTable()).append(shellWord(v)));
        return settings.toString();
    }

    private static String shellWord(String text) {
        return SHELL_SPECIAL.matcher(text).find() ? "'" + text.replace("'", "'\\''") + "'" : text;
    }
}
