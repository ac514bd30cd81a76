package dev.migrate.imports;

import static dev.migrate.testing.ClassLocations.location;

import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The old tools' jars as the build resolved them (target/tool-jars.classpath), for a {@link ToolLoader}. */
public final class TestTools {
    private TestTools() {}

    /** Liquibase 4.33 and Flyway with what they need (YAML included), from the local repository. */
    public static List<Path> jars() {
        try {
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(Path.of("target/tool-jars.classpath"))
                    .strip()
                    .split(java.io.File.pathSeparator, -1)) {
                jars.add(Path.of(entry));
            }
            jars.add(location(org.yaml.snakeyaml.Yaml.class));
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ToolLoader loader(OldTool tool) {
        return ToolLoader.of(tool, jars());
    }

    /** Real Flyway replaying {@code locations} on an empty database, for {@link ImportProof}. */
    static ImportProof.OldReplay flyway(ToolLoader loader, List<Path> locations) {
        return empty -> dev.migrate.imports.flyway.FlywayRun.migrate(
                loader,
                dev.migrate.imports.flyway.FlywayRun.of(
                        OldProject.Endpoint.of(empty).urlWithUser(), locations));
    }

    /** Real Liquibase updating an empty database with {@code project}'s changelog, for {@link ImportProof}. */
    static ImportProof.OldReplay liquibase(ToolLoader loader, dev.migrate.imports.liquibase.LiquibaseProject project) {
        return empty -> dev.migrate.imports.liquibase.LiquibaseUpdate.run(
                loader,
                OldProject.Endpoint.of(empty).url(),
                OldProject.Endpoint.of(empty).user(),
                null,
                project,
                dev.migrate.imports.liquibase.LiquibaseUpdate.Stop.all());
    }

    /** What differs between the schemas of {@code a} and {@code b}, migrate's tables and {@code oldTables} left out. */
    static List<String> differences(javax.sql.DataSource a, javax.sql.DataSource b, List<String> oldTables)
            throws java.sql.SQLException {
        dev.migrate.catalog.read.Exclusions exclusions =
                dev.migrate.catalog.read.Exclusions.versionTables().and(oldTables);
        try (java.sql.Connection left = a.getConnection();
                java.sql.Connection right = b.getConnection()) {
            return dev.migrate.catalog.drift.SchemaDrift.compare(
                            "moved in",
                            "public",
                            "heads",
                            left,
                            dev.migrate.catalog.drift.SchemaDrift.read(left, "public", exclusions),
                            dev.migrate.catalog.drift.SchemaDrift.read(right, "public", exclusions),
                            exclusions)
                    .differences();
        }
    }
}
