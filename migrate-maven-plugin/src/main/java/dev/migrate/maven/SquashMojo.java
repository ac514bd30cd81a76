package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Squash;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one migration that replaces the chain up to a revision:
 * {@code mvn compile migrate:squash -Dmigrate.target=20261120_093000}. The chain is replayed up to
 * that revision on a throwaway embedded PostgreSQL; the schema there is written as
 * {@code migrate:baseline} writes a schema, followed by the rows the data steps of the range left
 * ({@code -Dmigrate.squashData=drop} leaves them out), with
 * {@code @Revision(replaces = {...})} naming every replaced revision. A database at base then
 * runs the squash instead of them, one part-way through continues through them, and one past the
 * target sees no change; the revisions above the target keep revising it. Prove it with
 * {@code migrate:verify}; delete the replaced classes once every database is past the target.
 */
@Mojo(
        name = "squash",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SquashMojo extends AbstractDatabaseMojo {

    /** The last revision the squash replaces; it replaces that revision and every revision below it. */
    @Parameter(property = "migrate.target")
    protected String target;

    /**
     * The one-line description of the squash; it also names the class. Not set: squash up to the
     * target's id, as in {@code squash up to 20261120_093000}.
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /**
     * What becomes of the data steps inside the range (op.execute of DML, bulkInsert, op.jdbc):
     * {@code carry} (the rows they leave in a new database are inserted after the schema) or
     * {@code drop} (left out, and listed). Not set: carry.
     */
    @Parameter(property = "migrate.squashData")
    protected String squashData;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /** The schema the squash builds, as autogenerate compares it. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    @Override
    protected void checkSettings() {
        super.checkSettings();
        if (target == null || target.isBlank()) {
            throw new MigrateException("migrate:squash needs the last revision to replace. Add -Dmigrate.target=<id>"
                    + " (the history goal lists them); the squash replaces it and every revision below it. Nothing "
                    + "was written.");
        }
        Squash.DataSteps.parse(squashData);
    }

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        Squash.DataSteps mode = Squash.DataSteps.parse(squashData);
        Migrator chain = offline(projectClasses);
        List<String> replaced = Squash.replaced(chain, target.trim());
        String tip = replaced.get(replaced.size() - 1);
        MigrationScript script;
        List<Squash.DataStep> dataSteps;
        try (EmbeddedDatabase server = startThrowaway(embeddedPostgresVersion)) {
            getLog().info("Replaying " + replaced.size() + " revisions up to " + tip + ".");
            Squash.Replayed replayed =
                    Squash.replay(chain, server.dataSource(), tip, managedSchema, versionTable, historyTable);
            dataSteps = replayed.dataSteps();
            script = replayed.script(mode);
        }
        script.warnings().forEach(getLog()::warn);
        if (!dataSteps.isEmpty()) {
            String heading = "The range has " + dataSteps.size() + " data step" + (dataSteps.size() == 1 ? "" : "s");
            if (mode == Squash.DataSteps.CARRY) {
                getLog().info(heading + ", carried into the squash as the rows they leave in a new database:");
            } else {
                getLog().warn(heading + ", left out of the squash (-Dmigrate.squashData=drop); add back by hand "
                        + "what a new database needs:");
            }
            dataSteps.forEach(step -> getLog().info("  " + step));
        }
        String id = AbstractWriteMojo.nextId(chain, List.of());
        String text = message == null || message.isBlank() ? "squash up to " + tip : message.trim();
        Path path = new MigrationWriter(
                        sourceDirectory.toPath(), packages.get(0).trim())
                .write(NewMigration.squash(id, text, replaced, script));
        getLog().info("Wrote " + path + " (revision " + id + ", replacing " + replaced.size() + " revisions up to "
                + tip + "). Prove it with mvn compile migrate:verify: a database built from it must match one built "
                + "from the chain, at " + tip + " and at head. Delete the replaced classes once every database is "
                + "past " + tip + ".");
    }
}
