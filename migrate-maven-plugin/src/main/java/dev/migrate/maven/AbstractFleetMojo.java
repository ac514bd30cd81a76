package dev.migrate.maven;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TenantResult;
import dev.migrate.internal.fleet.FleetReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.maven.plugins.annotations.Parameter;

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
    protected String tenants;

    /**
     * A database per tenant: comma-separated database URLs, or {@code @} and a file with one URL a
     * line. A URL without credentials takes the user, password or serverId settings. With tenants,
     * the tenant schemas of each database. Never printed.
     */
    @Parameter(property = "migrate.databases")
    protected Secret databases;

    /**
     * How many tenants run at once. Default: the smaller of twice the machine's processors and a
     * quarter of the connections the server has free.
     */
    @Parameter(property = "migrate.parallel")
    protected Integer parallel;

    /** Stops starting tenants after the first one fails; the others are reported as not run. */
    @Parameter(property = "migrate.failFast", defaultValue = "false")
    protected boolean failFast;

    /** Migrates this many tenants first, and the others only when all of them succeeded. 0: none. */
    @Parameter(property = "migrate.canary", defaultValue = "0")
    protected int canary;

    /** Whether the goal runs on a fleet rather than one database. */
    protected final boolean isFleet() {
        return FleetGoal.isFleet(tenants, databases);
    }

    /**
     * Runs the goal on the fleet when one is configured, online or offline, and on the one database
     * otherwise.
     */
    protected final void runOnFleetOrDatabase(
            ClassLoader projectClasses,
            String what,
            String target,
            Consumer<Migrator> online,
            BiConsumer<Migrator, Writer> offline,
            Function<Fleet, FleetResult> onFleet,
            BiConsumer<Fleet, Function<String, Writer>> offlineFleet) {
        if (!isFleet()) {
            onlineOrOffline(projectClasses, online, offline);
            return;
        }
        if (sql || sqlFile != null) {
            Fleet fleet = fleet(offlineBuilder(projectClasses));
            List<Path> written = new ArrayList<>();
            offlineFleet.accept(fleet, tenant -> {
                Path file = FleetReports.scriptFile(
                        sqlFile == null ? null : sqlFile.toPath(),
                        Path.of(project.getBuild().getDirectory(), "migrate", "sql"),
                        goal(),
                        tenant);
                written.add(file);
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not write " + file, e);
                }
            });
            getLog().info("Wrote " + written.size() + " SQL script" + (written.size() == 1 ? "" : "s")
                    + ", one per tenant: " + written.get(0) + (written.size() > 1 ? " and the others beside it" : "")
                    + ".");
            return;
        }
        FleetResult result;
        if (databases != null) {
            result = onFleet.apply(fleet(configured(projectClasses)));
        } else {
            FleetResult[] ran = new FleetResult[1];
            withDatabaseBuilder(projectClasses, builder -> ran[0] = onFleet.apply(fleet(builder)));
            result = ran[0];
        }
        Path json = Path.of(project.getBuild().getDirectory(), "migrate", "fleet.json");
        FleetGoal.writeJson(json, what, target, result);
        getLog().info("The fleet's summary is in " + json + ".");
        if (!result.succeeded()) {
            List<String> names = result.tenants().stream()
                    .filter(t -> t.outcome() == TenantResult.Outcome.FAILED)
                    .map(TenantResult::tenant)
                    .toList();
            throw new MigrateException(names.size() + " tenant" + (names.size() == 1 ? "" : "s") + " of "
                    + result.tenants().size() + " failed (" + FleetReports.first(names, 10) + ")"
                    + (result.with(TenantResult.Outcome.NOT_RUN).isEmpty()
                            ? ""
                            : " and "
                                    + result.with(TenantResult.Outcome.NOT_RUN).size() + " were not run")
                    + "; each failure's message is in the summary above and in " + json + ". Fix "
                    + (names.size() == 1 ? "it" : "them") + " and run migrate:" + goal()
                    + " again: the tenants at the target are left alone.");
        }
    }

    private Fleet fleet(Migrator.Builder builder) {
        return FleetGoal.fleet(
                builder, tenants, databases, credentials(), project.getBasedir().toPath(), parallel, failFast, canary);
    }
}
