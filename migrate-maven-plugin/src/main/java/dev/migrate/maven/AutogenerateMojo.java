package dev.migrate.maven;

import dev.migrate.command.tooling.AutogenerateCommand;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

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
public class AutogenerateMojo extends EntityMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

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

    /**
     * Write the next migration as an online migration: {@code -Dmigrate.online=true}. A change of a column's
     * type or NOT NULL, and a rename or drop of a column or table, on a table that exists is written as an
     * online change ({@code op.online(OnlineChange...)}), whose expand phase {@code migrate:upgrade} runs
     * (the running application keeps the old shape; the new one reads and writes through the revision's
     * schema of views, such as public_20261126_090000) and whose contract phase {@code migrate:complete}
     * runs. The other changes take their lock-safe form in the same migration.
     */
    @Parameter(property = "migrate.online", defaultValue = "false")
    protected boolean online;

    @Override
    protected void run(EntityGoal goal, ClassLoader projectClasses) {
        // in a module, what is written is compiled at once: the modules after it in the reactor read it
        boolean module = goal.entities().module(goal.goal()).isPresent();
        WrittenRevisionClasses written = WrittenRevisionClasses.before(sourceDirectory.toPath());
        new AutogenerateCommand(
                        goal.options().comparison(),
                        message == null ? "" : message,
                        goal.goal().sourceRoot(sourceDirectory),
                        safe,
                        online)
                .run(goal.database().context(projectClasses), goal.compared());
        if (module) {
            written.compile(goal.goal());
        }
    }
}
