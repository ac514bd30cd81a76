package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the schema of an existing database, as it is, as the first migration of an empty chain:
 * {@code mvn compile migrate:baseline -Dmigrate.url=... -Dmigrate.message="baseline"}. Every table
 * (tables no entity maps too), sequence, enum type, index, constraint and comment of the managed
 * schema, written as autogenerate writes a migration, with a downgrade that drops it all. Then mark
 * that database as at this revision with {@code migrate:stamp}, and write the way to the entities
 * with {@code migrate:autogenerate}. The database is only read.
 */
@Mojo(
        name = "baseline",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BaselineMojo extends AbstractDatabaseMojo {

    /**
     * The one-line description of the baseline. It also names the class: the message {@code baseline}
     * gives {@code V20261122_101500_Baseline}.
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /** The schema the baseline describes, as autogenerate compares it. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    @Override
    protected void checkSettings() {
        super.checkSettings();
        if (message == null || message.isBlank()) {
            throw new MigrateException(
                    "migrate:baseline needs a message. Add -Dmigrate.message=\"baseline\". Nothing was read or written.");
        }
        if (!isDatabaseConfigured()) {
            throw new MigrateException("migrate:baseline reads the schema of the database you adopt, and no database "
                    + "URL is configured. Give it with -Dmigrate.url=postgresql://user@host:5432/database (or "
                    + "MIGRATE_DATABASE_URL, or <url> in the plugin's configuration). Nothing was written.");
        }
    }

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        Migrator chain = offline(projectClasses);
        List<RevisionDetails> revisions = chain.revisions();
        if (!revisions.isEmpty()) {
            throw new MigrateException("migrate:baseline writes the first migration of a chain, and "
                    + String.join(",", packages) + " already holds " + revisions.size() + " revision"
                    + (revisions.size() == 1 ? "" : "s") + ": " + listed(revisions) + ". To adopt a database "
                    + "this chain already describes, mark it as at the revision its schema matches (mvn compile "
                    + "migrate:stamp -Dmigrate.target=<id>) and compare (mvn migrate:check) with its URL; to start "
                    + "the chain from this database instead, delete those migration classes first. Nothing was "
                    + "written.");
        }
        MigrationScript script;
        try (Connection c = configuredDatabase().orElseThrow().getConnection()) {
            // one snapshot of the catalog, and nothing written to the database being adopted
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                script = Autogenerate.baseline(c, managedSchema, versionTable, historyTable);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the schema " + managedSchema + " of the database: " + e.getMessage(), e);
        }
        script.warnings().forEach(getLog()::warn);
        if (script.isEmpty()) {
            getLog().info("Schema " + managedSchema + " of the database holds no table, sequence or enum type, so "
                    + "there is no baseline to write. Nothing written: start the chain with mvn compile "
                    + "migrate:autogenerate -Dmigrate.message=\"...\" instead.");
            return;
        }
        String id = AbstractWriteMojo.nextId(chain, List.of());
        Path path = new MigrationWriter(
                        sourceDirectory.toPath(), packages.get(0).trim())
                .write(NewMigration.baseline(id, message.trim(), script));
        long tables = script.changes().stream()
                .filter(c -> c.description().subject().startsWith("table "))
                .count();
        getLog().info("Wrote " + path + " (revision " + id + ", " + tables + " table" + (tables == 1 ? "" : "s")
                + " of schema " + managedSchema + " with what they use and hold). Review it, then mark this database as"
                + " at that revision without running it: mvn compile migrate:stamp -Dmigrate.target=" + id
                + " with the same URL. A new database gets it with mvn compile migrate:upgrade.");
    }

    /** The first revisions by id and message, enough to recognise the chain. */
    private static String listed(List<RevisionDetails> revisions) {
        String shown = revisions.stream()
                .limit(5)
                .map(r -> r.id() + (r.message().isEmpty() ? "" : " (" + r.message() + ")"))
                .collect(Collectors.joining(", "));
        return revisions.size() > 5 ? shown + " and " + (revisions.size() - 5) + " more" : shown;
    }
}
