package dev.migrate.maven;

import dev.migrate.command.Move;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.graph.RevisionTarget;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that changes the database, or in offline mode writes the SQL it would run, and takes a fleet: with
 * {@code tenants} or {@code databases} set it runs on every tenant, writes {@code target/migrate/fleet.json} and
 * fails when any tenant failed; without them it runs on the one database. {@code complete}, {@code downgrade},
 * {@code stamp} and {@code upgrade}.
 */
abstract class FleetMojo extends DatabaseMojo {

    /**
     * Offline mode: print the SQL script to standard output instead of running it. Needs no
     * database, and never starts the embedded one.
     */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

    /** Offline mode writing the SQL script to this file (implies {@link #sql}). */
    @Parameter(property = "migrate.sqlFile")
    protected @Nullable File sqlFile;

    /**
     * Allows this goal to change the embedded database when no URL is configured. Without it the
     * goal warns, and fails when the environment says it runs in CI ({@code CI=true}), so that a
     * deployment whose database URL is missing can never succeed against the wrong database.
     */
    @Parameter(property = "migrate.embedded", defaultValue = "false")
    protected boolean embedded;

    /**
     * The consent token of one plan that can lose data or history, which a run started by a coding agent needs on a
     * database migrate did not start: the refusal prints the plan and its token. Else the environment variable
     * {@code MIGRATE_CONSENT}. No other value counts. See docs/howto/agents.md.
     */
    @Parameter(property = "migrate.consent")
    protected @Nullable String consent;

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

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return given.with("tenants", tenants)
                .with("databases", Secret.valueOf(databases))
                .with("parallel", parallel)
                .with("failFast", failFast)
                .with("canary", canary)
                .with("consent", consent);
    }

    @Override
    protected DatabaseUse use(Goal goal) {
        ScriptOptions script = script();
        return super.use(goal).connectingAhead(database -> !script.offline()).embeddedChange(embedded);
    }

    /**
     * Runs {@code move} on the fleet when one is configured, else on the one database; in offline mode
     * writes its SQL instead (one script per tenant of a fleet, in {@code target/migrate/sql} or beside
     * {@code sqlFile}).
     */
    protected final void run(DatabaseGoal database, ClassLoader projectClasses, Move move) {
        ScriptOptions script = script();
        move.run(database.fleet(), script.script(), database.context(projectClasses));
    }

    /**
     * The goal's {@code target} as the user wrote it, its form checked before anything connects; in offline mode
     * also a {@code <from>:<to>} range.
     *
     * @throws dev.migrate.BadTargetException naming the target and the forms a target takes
     */
    protected final RevisionTarget checkedTarget(String text) {
        return script().target(text);
    }

    private ScriptOptions script() {
        return new ScriptOptions(sql, sqlFile);
    }
}
