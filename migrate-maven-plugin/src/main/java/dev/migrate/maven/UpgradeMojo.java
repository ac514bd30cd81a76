package dev.migrate.maven;

import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.settings.GivenSettings;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies migrations up to a target revision ({@code head} by default). Bound to
 * {@code pre-integration-test} when listed in a pom's executions, so integration tests run
 * against an up-to-date schema. With {@code -Dmigrate.sql=true} it prints the SQL instead.
 */
@Mojo(
        name = "upgrade",
        configurator = SecretAwareConfigurator.HINT,
        defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class UpgradeMojo extends FleetMojo {

    /**
     * Accepts a database a newer build has migrated, as during a rolling deploy: a version row that no
     * migration class of this build defines is reported as newer than this build and nothing is run, instead of failing.
     * Such a row cannot be told apart from a revision of another branch of the code.
     */
    @Parameter(property = "migrate.acceptFutureRevisions", defaultValue = "false")
    protected boolean acceptFutureRevisions;

    /**
     * The revision to upgrade to: {@code head}, {@code heads}, a full or unique-prefix id, {@code +N},
     * an id with a step count such as {@code 20261122_101500+1}, {@code base+N}, a branch label
     * followed by {@code @head}, such as {@code billing@head} (or by {@code @+N}, or by {@code @} and
     * a revision id on that branch; a revision id in place of the label names its branch), or several
     * separated by commas. In offline mode also a range from one revision to another, such as
     * {@code 20261120_093000:head}. docs/reference/targets.md lists every form.
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    /**
     * What to do when a {@code transactional = false} migration would build an index that an
     * interrupted {@code CREATE INDEX CONCURRENTLY} (or {@code REINDEX ... CONCURRENTLY}) left behind,
     * marked invalid: {@code true} drops it with {@code DROP INDEX CONCURRENTLY} and builds it again;
     * {@code false} stops before anything runs, naming the index and the statement that drops it. A
     * valid index is never dropped. Offline SQL ({@code sql=true}) has no database to look at.
     */
    @Parameter(property = "migrate.rebuildInvalidIndexes", defaultValue = "true")
    protected boolean rebuildInvalidIndexes;

    @Override
    protected GivenSettings settings(GivenSettings given) {
        return super.settings(given)
                .with("acceptFutureRevisions", acceptFutureRevisions)
                .with("rebuildInvalidIndexes", rebuildInvalidIndexes);
    }

    /**
     * When a run started by a coding agent is refused for want of its user's consent, first run its plan on a
     * throwaway copy of the chain and show each statement's table locks and how long they were held there;
     * {@code false} refuses without them. The consent token is the same either way. See docs/howto/agents.md.
     */
    @Parameter(property = "migrate.rehearse", defaultValue = "true")
    protected boolean rehearse;

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        run(database, projectClasses, new UpgradeCommand(checkedTarget(target)).rehearsing(rehearse));
    }
}
