package dev.migrate.maven;

import dev.migrate.command.tooling.CheckCommand;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the JPA entities differ from the schema the migrations build, listing each
 * difference, or when the chain has two or more heads that no branch label declares; warns of
 * revisions a late branch puts out of order. With no database configured it needs no server: the migrations are replayed on a
 * throwaway embedded PostgreSQL, so CI can run it ({@code mvn verify} with the goal bound).
 */
@Mojo(
        name = "check",
        configurator = SecretAwareConfigurator.HINT,
        defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class CheckMojo extends EntityMojo {

    @Override
    protected void run(EntityGoal goal, ClassLoader projectClasses) {
        new CheckCommand(goal.options().comparison()).run(goal.database().context(projectClasses), goal.compared());
    }
}
