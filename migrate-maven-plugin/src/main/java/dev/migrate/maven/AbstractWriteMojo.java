package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.command.SourceRoot;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that writes a new migration class into the project's sources. */
abstract class AbstractWriteMojo extends AbstractMigrateMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /** Writes {@code migration} and prints where; returns the path. */
    protected final Path write(NewMigration migration) {
        Path path =
                new MigrationWriter(sourceDirectory.toPath(), packages.get(0).trim()).write(migration);
        getLog().info("Wrote " + path + " (revision " + migration.id() + ").");
        return path;
    }

    /** The next id: now in UTC, or later when a parent's id is later, bumped past ids the graph already has. */
    protected static String nextId(Migrator migrator, List<String> parents) {
        return SourceRoot.nextId(migrator, parents);
    }
}
