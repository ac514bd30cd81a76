package dev.migrate.maven;

import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.internal.MigratorInternals;
import dev.migrate.internal.fleet.FleetReports;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows the database's current revision(s), each marked {@code (head)} when it is a head of the graph;
 * verbose, a block per revision with when, by whom and how long it was applied.
 */
@Mojo(
        name = "current",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CurrentMojo extends AbstractDatabaseMojo {

    /**
     * Accepts a database a newer build has migrated, as during a rolling deploy: a version row that no
     * migration class of this build defines is reported as newer than this build, instead of failing.
     * Such a row cannot be told apart from a revision of another branch of the code.
     */
    @Parameter(property = "migrate.acceptFutureRevisions", defaultValue = "false")
    protected boolean acceptFutureRevisions;

    @Override
    protected boolean acceptsFutureRevisions() {
        return acceptFutureRevisions;
    }

    /** Fails the build unless the database is at every head, e.g. as a CI or deployment gate. */
    @Parameter(property = "migrate.checkHeads", defaultValue = "false")
    protected boolean checkHeads;

    /**
     * A block per current revision (parents, labels, message) with when (UTC), by whom and how long it
     * was applied, from the history table.
     */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * A schema per tenant, as for migrate:upgrade: prints one line per tenant and a count per
     * revision.
     */
    @Parameter(property = "migrate.tenants")
    protected String tenants;

    /** A database per tenant, as for migrate:upgrade: comma-separated URLs or {@code @} and a file. Never printed. */
    @Parameter(property = "migrate.databases")
    protected Secret databases;

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected boolean usesDatabase() {
        return true;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        if (FleetGoal.isFleet(tenants, databases)) {
            Consumer<Migrator.Builder> report = builder -> {
                Map<String, List<CurrentRevision>> current = FleetGoal.settings(
                                tenants,
                                databases,
                                this::credentials,
                                project.getBasedir().toPath(),
                                null,
                                false,
                                0)
                        .over(builder)
                        .current();
                print(FleetReports.current(current));
                if (checkHeads) {
                    FleetReports.requireHeads(current, "mvn migrate:upgrade");
                }
            };
            if (databases != null) {
                report.accept(configured(projectClasses));
            } else {
                withDatabaseBuilder(projectClasses, report);
            }
            return;
        }
        withDatabase(projectClasses, migrator -> {
            List<String> current = MigratorInternals.of(migrator).currentReport(verbose);
            if (current.isEmpty()) {
                getLog().info("The database has no revision applied (it is at base).");
            }
            print(current);
            if (checkHeads) {
                migrator.assertUpToDate();
            }
        });
    }
}
