package dev.migrate.maven;

import dev.migrate.command.StampCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Sets the version table to a revision without running any migration, for a database whose
 * schema was created another way. With {@code -Dmigrate.sql=true} it prints the SQL instead.
 */
@Mojo(
        name = "stamp",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class StampMojo extends FleetMojo {

    /**
     * The revision to record: {@code head}, {@code heads}, {@code base}, a full or unique-prefix id,
     * any other target form, or several separated by commas ({@code 20261120_093000,20261125_100000}).
     * The rows recorded are those an upgrade there would leave, a dependency's own row included. In
     * offline mode also a range, such as {@code 20261120_093000:head}, whose script moves the rows of
     * a database at the first revision to the second.
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    /** Empties the version table first, even when it names revisions no class defines. */
    @Parameter(property = "migrate.purge", defaultValue = "false")
    protected boolean purge;

    @Override
    protected DatabaseUse use(Goal goal) {
        return super.use(goal).withoutChecksums();
    }

    @Override
    protected void run(DatabaseGoal database, ClassLoader projectClasses) {
        run(database, projectClasses, new StampCommand(checkedTarget(target), purge));
    }
}
