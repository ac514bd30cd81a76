package dev.migrate.maven;

import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.ModuleScope;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/** Reverts migrations down to a target ({@code -1}, one step, by default). With {@code -Dmigrate.sql=true} it prints the SQL instead. */
@Mojo(
        name = "downgrade",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DowngradeMojo extends FleetMojo {

    /**
     * The revision to downgrade to: {@code -1} (one step back), {@code -N}, {@code base}, a full or
     * unique-prefix id, an id with a step count such as {@code 20261122_101500-1}, {@code base+N},
     * or a branch label (or any revision id on the branch) followed by {@code @base}, {@code @-N},
     * {@code @head-N} or {@code @} and a revision id, to take down that branch only, such as
     * {@code billing@base}.
     * The target must be applied: one above the current revision fails and changes nothing. Offline
     * mode needs a range from one revision to another, such as {@code head:-1}, since there is no
     * database to say where to start. docs/reference/targets.md lists every form.
     */
    @Parameter(property = "migrate.target", defaultValue = "-1")
    protected String target;

    /**
     * Only this module's revisions, named with their module's name before the id ({@code billing.20261122_101500}): as declared by {@code @MigrationModule} or
     * {@code @Revision(module = ...)}. A downgrade reverts that module only: {@code base}, {@code -1} or an id walk its own chain; it is
     * refused while a module that depends on it has revisions applied.
     */
    @Parameter(property = "migrate.module")
    protected @Nullable String module;

    /**
     * When a run started by a coding agent is refused for want of its user's consent, first run its plan on a
     * throwaway copy of the chain and show each statement's table locks and how long they were held there;
     * {@code false} refuses without them. The consent token is the same either way. See docs/howto/agents.md.
     */
    @Parameter(property = "migrate.rehearse", defaultValue = "true")
    protected boolean rehearse;

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        run(
                database,
                projectClasses,
                new DowngradeCommand(checkedTarget(target))
                        .inModule(ModuleScope.of(module))
                        .rehearsing(rehearse));
    }
}
