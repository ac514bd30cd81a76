package dev.migrate.maven;

import dev.migrate.Fleet;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Drift;
import dev.migrate.autogen.DriftJson;
import dev.migrate.autogen.DriftRequest;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.internal.fleet.FleetReports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the database no longer has the schema its migrations say it has: the schema the
 * chain builds up to the revision the database is at (replayed on a throwaway embedded PostgreSQL of the
 * database's major version, or taken from the replay cache) is compared with the database, tables,
 * columns, indexes, constraints, sequences, enum types, comments, views, functions, triggers, policies,
 * grants and the other objects beside tables alike, each difference listed. The database is only read,
 * so a standby serves. With {@code tenants} or {@code databases}, every tenant is compared with the
 * schema of its own revision. The result is in {@code target/migrate/drift.json}.
 */
@Mojo(
        name = "drift",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DriftMojo extends AbstractDatabaseMojo {

    /** The schema the migrations build and the database is compared in. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Name patterns left out of the comparison, as {@code check} leaves them out ({@code *} and {@code ?}
     * globs; with a dot, matched against {@code schema.name}): a table another application writes is no
     * drift. The version tables and the objects of extensions are always left out.
     */
    @Parameter(property = "migrate.exclude")
    protected List<String> exclude;

    /**
     * Keep the schema of each revision the migrations build in {@code target/migrate/replay-cache}, so that
     * a run with the same migrations does not replay them.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /** Tenant schemas, as for {@code upgrade}: each is compared with the schema of the revision it is at. */
    @Parameter(property = "migrate.tenants")
    protected String tenants;

    /** A database per tenant, as for {@code upgrade}: comma-separated URLs, or {@code @} and a file. Never printed. */
    @Parameter(property = "migrate.databases")
    protected Secret databases;

    /** How many tenants are read at once. Default: as for {@code upgrade}. */
    @Parameter(property = "migrate.parallel")
    protected Integer parallel;

    /**
     * Writes the SQL that brings the database back to the chain's schema to this file, for review; nothing
     * is run. For a fleet, one file per drifted tenant beside it ({@code drift-tenant_a.sql}).
     */
    @Parameter(property = "migrate.drift.sqlFile")
    protected File driftSqlFile;

    /**
     * Accepts the drift instead: writes the next migration (with {@code message}), whose upgrade makes the
     * schema at head into the database's and whose downgrade undoes that. The database has the changes
     * already: mark it with {@code migrate:stamp}, the new revision as {@code target}; every other database
     * gets them by {@code upgrade}. One database, at head.
     */
    @Parameter(property = "migrate.drift.accept", defaultValue = "false")
    protected boolean driftAccept;

    /** The message of the migration that accepts the drift ({@link #driftAccept}). */
    @Parameter(property = "migrate.message")
    protected String message;

    /** The source root the accepting migration is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    @Override
    protected boolean usesDatabase() {
        return true;
    }

    @Override
    protected boolean verifiesChecksums() {
        return false; // it reads the version table; running nothing, it has no checksum to hold against it
    }

    @Override
    protected void checkSettings() {
        super.checkSettings();
        staleClassCheck().verify(packages, "migrate:drift");
        if (driftAccept && (message == null || message.isBlank())) {
            throw new MigrateException("-Dmigrate.drift.accept=true writes a migration, which needs a message. Add "
                    + "-Dmigrate.message=\"what the database has\". Nothing was compared.");
        }
        if (driftAccept && FleetGoal.isFleet(tenants, databases)) {
            throw new MigrateException("-Dmigrate.drift.accept=true writes one migration from one database's schema, "
                    + "and tenants or databases name a fleet. Run it against the one database whose schema the chain "
                    + "is to describe (-Dmigrate.url=...), without tenants and databases. Nothing was compared.");
        }
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        long start = System.nanoTime();
        Path json = Path.of(project.getBuild().getDirectory(), "migrate", "drift.json");
        if (FleetGoal.isFleet(tenants, databases)) {
            DriftRequest request = request(offline(projectClasses));
            List<DriftReport> reports = new ArrayList<>();
            if (databases != null) {
                reports.addAll(
                        Drift.fleet(request, fleet(configured(projectClasses)), new PluginDatabases(null), log()));
            } else {
                withDatabaseBuilder(
                        projectClasses,
                        builder ->
                                reports.addAll(Drift.fleet(request, fleet(builder), new PluginDatabases(null), log())));
            }
            writeJson(json, reports, start);
            reportFleet(reports, json);
            return;
        }
        withDataSource((name, database) -> {
            Migrator chain = configured(projectClasses).dataSource(database).build();
            DriftReport report;
            try {
                report = Drift.of(request(chain), name, database, new PluginDatabases(null), log());
            } catch (MigrateException e) {
                writeJson(
                        json,
                        List.of(DriftReport.failed(name, managedSchema, "", String.valueOf(e.getMessage()))),
                        start);
                throw e;
            }
            writeJson(json, List.of(report), start);
            if (driftSqlFile != null) {
                writeSql(driftSqlFile.toPath(), report);
            }
            if (report.inSync()) {
                getLog().info("No drift: " + name + " matches revision " + report.revision() + ".");
                return;
            }
            if (driftAccept) {
                accept(chain, report);
                return;
            }
            throw new MigrateException(report.summary()
                    + "\nBring it back with the SQL -Dmigrate.drift.sqlFile=drift.sql writes (review it, then run it), "
                    + "or accept what it has with -Dmigrate.drift.accept=true -Dmigrate.message=\"...\", which writes "
                    + "the next migration. The differences are in " + displayed(json) + ".");
        });
    }

    private DriftRequest request(Migrator chain) {
        return driftRequest(chain, managedSchema, exclude, replayCache);
    }

    /** The fleet of the tenants and databases settings, which {@link #run} found set. */
    private Fleet fleet(Migrator.Builder builder) {
        return fleet(tenants, databases, parallel, false, 0).over(builder);
    }

    /** Writes the migration that accepts the drift, and says how to mark the database. */
    private void accept(Migrator chain, DriftReport report) {
        NewMigration migration =
                Drift.accepting(report, chain, message.trim(), parents -> AbstractWriteMojo.nextId(chain, parents));
        report.differences().forEach(line -> getLog().warn("Accepting: " + line));
        Path path =
                new MigrationWriter(sourceDirectory.toPath(), packages.get(0).trim()).write(migration);
        String id = migration.id();
        getLog().info("Wrote " + path + " (revision " + id + "): its upgrade makes the schema of revision "
                + report.revision() + " into what " + report.name() + " has. That database has these changes "
                + "already, so do not upgrade it: mark it with mvn compile migrate:stamp -Dmigrate.target=" + id
                + ". Every other database gets them with migrate:upgrade; migrate:drift is then clean on both.");
    }

    private void reportFleet(List<DriftReport> reports, Path json) {
        List<DriftReport> drifted =
                reports.stream().filter(DriftReport::drifted).toList();
        List<DriftReport> failed =
                reports.stream().filter(r -> r.error() != null).toList();
        long inSync = reports.stream().filter(DriftReport::inSync).count();
        for (DriftReport r : drifted) {
            getLog().error(r.name() + " has drifted from the schema of revision " + r.revision() + ":");
            r.differences().forEach(line -> getLog().error("  - " + line));
        }
        for (DriftReport r : failed) {
            getLog().error(r.name() + " was not compared: " + r.error());
        }
        if (driftSqlFile != null) {
            Path directory = Path.of(project.getBuild().getDirectory(), "migrate", "sql");
            for (DriftReport r : drifted) {
                writeSql(FleetReports.scriptFile(driftSqlFile.toPath(), directory, "drift", r.name()), r);
            }
        }
        getLog().info("Drift of " + reports.size() + " tenant" + (reports.size() == 1 ? "" : "s") + ": " + inSync
                + " in sync, " + drifted.size() + " drifted, " + failed.size() + " not compared. The result is in "
                + displayed(json) + ".");
        if (!drifted.isEmpty() || !failed.isEmpty()) {
            List<String> names = new ArrayList<>();
            drifted.forEach(r -> names.add(r.name()));
            failed.forEach(r -> names.add(r.name()));
            throw new MigrateException(drifted.size() + " tenant" + (drifted.size() == 1 ? " has" : "s have")
                    + " drifted and " + failed.size() + " could not be compared (" + FleetReports.first(names, 10)
                    + "); each one's differences or error are listed above and in " + displayed(json)
                    + ". Bring a drifted tenant back with the SQL -Dmigrate.drift.sqlFile=drift.sql writes for it.");
        }
        getLog().info("No drift: all " + reports.size() + " tenants match the schema of the revision each is at.");
    }

    private void writeJson(Path json, List<DriftReport> reports, long start) {
        try {
            Files.createDirectories(json.getParent());
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                DriftJson.write(reports, Duration.ofNanos(System.nanoTime() - start), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + json, e);
        }
    }

    /** The SQL that brings {@code report}'s database back, or a comment that nothing does, to {@code file}. */
    private void writeSql(Path file, DriftReport report) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report.sqlScript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the drift's SQL to " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable, or choose another drift.sqlFile.",
                    e);
        }
        getLog().info("Wrote the SQL that brings " + report.name() + " back to " + displayed(file) + ".");
    }
}
