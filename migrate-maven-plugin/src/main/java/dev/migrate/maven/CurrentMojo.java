package dev.migrate.maven;

import dev.migrate.CurrentRevision;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the database's current revision(s), each marked {@code (head)} when it is a head of the graph. */
@Mojo(
        name = "current",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CurrentMojo extends AbstractDatabaseMojo {

    /** Fails the build unless the database is at every head, e.g. as a CI or deployment gate. */
    @Parameter(property = "migrate.checkHeads", defaultValue = "false")
    protected boolean checkHeads;

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected boolean usesDatabase() {
        return true;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        withDatabase(projectClasses, migrator -> {
            List<CurrentRevision> current = migrator.current();
            if (current.isEmpty()) {
                getLog().info("The database has no revision applied (it is at base).");
            }
            current.forEach(revision -> getLog().info(revision.toString()));
            if (checkHeads) {
                migrator.assertUpToDate();
            }
        });
    }
}
