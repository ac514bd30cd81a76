package dev.migrate.maven;

import dev.migrate.FleetResult;
import dev.migrate.command.Move;
import dev.migrate.tooling.FleetReports;
import dev.migrate.tooling.RevisionTarget;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that changes the database and takes a fleet: with {@code tenants} or {@code databases}
 * set it runs on every tenant, writes {@code target/migrate/fleet.json} and fails when any tenant
 * failed; without them it runs on the one database as before.
 */
abstract class AbstractFleetMojo extends AbstractScriptableMojo {

    /**
     * A schema per tenant: comma-separated schema names and SQL LIKE patterns ({@code tenant_%}; an
     * entry with a % is a pattern), or {@code query:} followed by SQL that returns the schema names,
     * run on the configured database (last, as it may hold commas). Each tenant keeps its version and
     * history tables in its schema, takes its own lock, and runs with its schema first on the
     * search_path. A named schema that does not exist yet is created.
     */
    @Parameter(property = "migrate.tenants")
    protected @Nullable String tenants;

    /**
     * A database per tenant: comma-separated database URLs, or {@code @} and a file with one URL a
     * line. A URL without credentials takes the user, password or serverId settings. With tenants,
     * the tenant schemas of each database. Never printed.
     */
    @Parameter(property = "migrate.databases")
    protected @Nullable Secret databases;

    /**
     * How many tenants run at once. Default: the smaller of twice the machine's processors and a
     * quarter of the connections the server has free.
     */
    @Parameter(property = "migrate.parallel")
    protected @Nullable Integer parallel;

    /** Stops starting tenants after the first one fails; the others are reported as not run. */
    @Parameter(property = "migrate.failFast", defaultValue = "false")
    protected boolean failFast;

    /** Migrates this many tenants first, and the others only when all of them succeeded. 0: none. */
    @Parameter(property = "migrate.canary", defaultValue = "0")
    protected int canary;

    /**
     * Runs {@code change} on the fleet when one is configured, else on the one database; in offline mode
     * writes its SQL instead (one script per tenant of a fleet, in {@code target/migrate/sql} or beside
     * {@code sqlFile}).
     */
    protected final void run(ClassLoader projectClasses, Move change) {
        change.run(
                fleet(tenants, databases, parallel, failFast, canary),
                sql || sqlFile != null,
                new ChangeFace(projectClasses));
    }

    /**
     * The goal's {@code target} as the user wrote it, its form checked before anything connects; in offline mode
     * also a {@code <from>:<to>} range.
     *
     * @throws dev.migrate.BadTargetException naming the target and the forms a target takes
     */
    protected final RevisionTarget checkedTarget(String text) {
        return sql || sqlFile != null ? RevisionTarget.orRange(text) : RevisionTarget.of(text);
    }

    /** The goal as a face of a change: where its scripts go, and the fleet's summary file. */
    private final class ChangeFace extends MojoFace implements Move.Face {
        ChangeFace(ClassLoader projectClasses) {
            super(AbstractFleetMojo.this, projectClasses);
        }

        @Override
        public Optional<String> script(Consumer<Writer> script) {
            new SqlScriptOutput(sqlFile == null ? null : sqlFile.toPath(), System.out).write(script, getLog());
            return Optional.ofNullable(sqlFile).map(file -> shown(file.toPath()));
        }

        @Override
        public Path tenantScript(String tenant) {
            return FleetReports.scriptFile(
                    sqlFile == null ? null : sqlFile.toPath(),
                    Path.of(project.getBuild().getDirectory(), "migrate", "sql"),
                    goal(),
                    tenant);
        }

        @Override
        public Optional<String> fleetRan(Move ran, FleetResult result) {
            Path json = Path.of(project.getBuild().getDirectory(), "migrate", "fleet.json");
            FleetGoal.writeJson(json, ran.kind().command(), ran.target().text(), result);
            getLog().info("The fleet's summary is in " + json + ".");
            return Optional.of(json.toString());
        }
    }
}
