package dev.migrate.catalog.drift;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.spi.SchemaDriftCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The drift check {@code Migrator.assertUpToDate()} runs under {@code validateDrift}: the database's
 * managed schema, read as it is, against the {@link SchemaSnapshot} of its head that {@code
 * migrate:snapshot} wrote into the application, for the database's major version.
 */
public final class StartupDriftCheck implements SchemaDriftCheck {
    @Override
    public Drift compare(
            Connection live,
            String database,
            String schema,
            String revision,
            List<String> versionTables,
            ClassLoader resources) {
        int major = major(live, database);
        SchemaSnapshot snapshot = SchemaSnapshot.find(resources, revision, major)
                .orElseThrow(() -> missing(database, revision, major, resources));
        if (!snapshot.schema().equals(schema)) {
            throw new MigrateException("The application holds the schema of revision " + revision + " in schema "
                    + snapshot.schema() + ", and the migrations run in schema " + schema + " of " + database
                    + ". Give migrate:snapshot the same schema (<managedSchema>" + schema + "</managedSchema>), "
                    + "build again, or turn validateDrift off.");
        }
        Exclusions exclusions = Exclusions.of(versionTables).and(snapshot.excluded());
        DatabaseSchema current = SchemaDrift.read(live, schema, exclusions);
        DriftReport report =
                SchemaDrift.compare(database, schema, revision, live, current, snapshot.expected(), exclusions);
        if (report.inSync()) {
            return Drift.none();
        }
        return new Drift(
                report.differences(),
                report.summary()
                        + "\nThe database no longer has the schema its migrations build. Find who changed it; then "
                        + "bring it back with the SQL mvn migrate:drift -Dmigrate.drift.sqlFile=drift.sql writes "
                        + "(review it, then run it), or accept what it has with mvn migrate:drift "
                        + "-Dmigrate.drift.accept=true, which writes the next migration.");
    }

    private static int major(Connection live, String database) {
        try {
            return live.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new MigrateException("Could not read the server version of " + database + ": " + e.getMessage(), e);
        }
    }

    private static MigrateException missing(String database, String revision, int major, ClassLoader resources) {
        List<Integer> majors = SchemaSnapshot.majorsOf(resources, revision);
        String fix = majors.isEmpty()
                ? "The application holds no schema of revision " + revision + " (" + SchemaSnapshot.DIRECTORY
                        + " in its classes): add the goal snapshot to the migrate-maven-plugin's executions (it "
                        + "runs at process-classes) and build again."
                : "The application holds the schema of revision " + revision + " for PostgreSQL " + majors
                        + " only: add " + major + " to the snapshot goal's majors (<majors>" + major
                        + "</majors>, -Dmigrate.snapshot.majors=" + major + ") and build again.";
        return new MigrateException("validateDrift compares " + database + " (PostgreSQL " + major
                + ") with the schema its migrations build at revision " + revision + ", and cannot: " + fix
                + " Or turn validateDrift off.");
    }
}
