package dev.migrate.maven;

import dev.migrate.command.tooling.SourceRoot;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that writes a schema as one migration class, as autogenerate writes a migration: {@code baseline} (the
 * schema of an existing database) and {@code squash} (the schema the chain builds up to a revision).
 */
abstract class SchemaWriteMojo extends DatabaseMojo {

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /** The schema the migration describes, as autogenerate compares it. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /** Where the class is written: the source root, below the first of {@code packages}. */
    protected final SourceRoot sourceRoot(Goal goal) {
        return goal.sourceRoot(sourceDirectory);
    }

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal)
                .withoutChecksums(); // running no migration, it has no checksum to hold against the version table
    }
}
