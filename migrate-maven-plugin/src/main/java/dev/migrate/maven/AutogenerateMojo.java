package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.LockSafeForm;
import dev.migrate.catalog.diff.MigrationScript;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the JPA entities with the schema at head and writes the next migration:
 * {@code mvn compile migrate:autogenerate -Dmigrate.message="add status column"}. With no database
 * configured, the migrations are replayed on a throwaway embedded PostgreSQL first. Nothing is
 * written when nothing differs.
 */
@Mojo(
        name = "autogenerate",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class AutogenerateMojo extends AbstractAutogenMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /**
     * Write changes to tables that already exist in their lock-safe form, so the tables stay readable
     * and writable while they change: {@code -Dmigrate.safe=true}. A new index is built with CREATE INDEX
     * CONCURRENTLY, a unique constraint takes over an index built that way, a foreign key or check is
     * added NOT VALID and validated afterwards, and SET NOT NULL follows a validated
     * {@code CHECK (col IS NOT NULL)}. Those steps go in a second migration with
     * {@code transactional = false} that revises the first, so two files are written (one when every
     * change is of that kind). Tables the migration creates keep the plain form. What has no automatic
     * lock-safe form (a type change that rewrites the table, a drop) keeps its note, which names the
     * migrate:lint rule. Without it, a configured database's large tables (at least
     * {@code largeTableRows} estimated rows) get the lock-safe form all the same, and small ones the
     * plain form.
     */
    @Parameter(property = "migrate.safe", defaultValue = "false")
    protected boolean safe;

    @Override
    protected void run(ClassLoader projectClasses) {
        if (message == null || message.isBlank()) {
            throw new MigrateException("migrate:autogenerate needs a message. Add -Dmigrate.message=\"what changed\".");
        }
        withDifferencesAtHead(projectClasses, (migrator, result) -> {
            MigrationScript diff = result.script();
            List<String> changes = report(diff);
            if (changes.isEmpty()) {
                getLog().info("No changes detected: the entities match the schema at head. Nothing written.");
                return;
            }
            changes.forEach(c -> getLog().info("Detected " + c));
            List<String> suspected = result.suspectedRenames();
            if (!suspected.isEmpty()) {
                throw new MigrateException("Nothing was written: " + String.join(", ", suspected)
                        + (suspected.size() == 1 ? " looks like a rename" : " look like renames")
                        + ", which batch mode cannot ask about, and drop plus add would lose the data. To rename, run "
                        + "again with -Dmigrate.renames=" + String.join(",", suspected) + "; to drop and add instead, "
                        + "with -Dmigrate.notRenamed="
                        + suspected.stream()
                                .map(r -> r.substring(0, r.indexOf('=')))
                                .collect(java.util.stream.Collectors.joining(","))
                        + ".");
            }
            List<String> heads = migrator.heads();
            if (heads.size() > 1) {
                throw new MigrateException("The revision graph has " + heads.size() + " heads " + heads
                        + ", so the new migration has no single parent. Join them with mvn migrate:merge first.");
            }
            MigrationWriter writer = new MigrationWriter(
                    sourceDirectory.toPath(), packages.get(0).trim());
            String counted = changes.size() + " change" + (changes.size() == 1 ? "" : "s");
            Predicate<ObjectName> large = safe ? table -> true : result.largeTables()::contains;
            // the lock-safe form when asked for, or when a change to a large table has one
            if (!safe && LockSafeForm.of(diff, large).concurrent().isEmpty()) {
                String id = AbstractWriteMojo.nextId(migrator, heads);
                Path path = writer.write(NewMigration.autogenerated(id, heads, message.trim(), diff));
                getLog().info("Wrote " + path + " (revision " + id + ", " + counted
                        + "). Review it, then run mvn compile migrate:upgrade.");
                return;
            }
            List<NewMigration> migrations = NewMigration.autogeneratedLockSafe(
                    heads, message.trim(), diff, parents -> AbstractWriteMojo.nextId(migrator, parents), large);
            for (NewMigration migration : migrations) {
                Path path = writer.write(migration);
                getLog().info("Wrote " + path + " (revision " + migration.id()
                        + (migration.transactional() ? "" : ", transactional = false: its statements commit one by one")
                        + ").");
            }
            getLog().info("Wrote " + counted
                    + (safe
                            ? " in the lock-safe form (-Dmigrate.safe=true)"
                            : ", those on tables of at least largeTableRows (" + largeTableRows
                                    + ") rows in the lock-safe form,")
                    + " as "
                    + migrations.size() + " migration" + (migrations.size() == 1 ? "" : "s")
                    + ". Review, then run mvn compile migrate:upgrade.");
        });
    }
}
