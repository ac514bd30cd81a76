package dev.migrate.maven;

import dev.migrate.command.CompleteCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the contract phase of the online revision in its expand phase, in one short transaction: its old
 * columns, triggers and temporary names go, and the tables take the new shape under their final names,
 * while the views of its schema (such as public_20261126_090000) keep working for the application built for
 * it. With {@code -Dmigrate.sql=true} it prints the contract's SQL instead.
 */
@Mojo(
        name = "complete",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CompleteMojo extends FleetMojo {

    /**
     * Offline only ({@code -Dmigrate.sql=true}): the online revision whose contract phase the script
     * writes, {@code head} or an id. Against a database, the revision in its expand phase is completed.
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        run(database, projectClasses, new CompleteCommand(checkedTarget(target)));
    }
}
