package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.autogen.ChainVerifier;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The round-trip test of the migration chain, always on a throwaway embedded PostgreSQL: a single
 * head; every revision upgraded, downgraded and upgraded again with an identical schema; a
 * downgrade to base that leaves only the version tables; and at head, a schema that matches the
 * entities (skipped, with a line in the log, for a project without JPA).
 */
@Mojo(
        name = "verify",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class VerifyMojo extends AbstractAutogenMojo {

    @Override
    protected void run(ClassLoader projectClasses) {
        Optional<String> missingJpa = missingJpa();
        withThrowawayDatabase(projectClasses, (migrator, database) -> {
            new ChainVerifier(
                            migrator,
                            database,
                            managedSchema,
                            exclude == null ? List.of() : exclude,
                            new MavenMigrationLog(getLog()))
                    .verify();
            if (missingJpa.isPresent()) {
                // migrations written by hand: the round trips are the whole check
                getLog().info("Skipped the comparison with the entities: the project has " + missingJpa.get() + ".");
                getLog().info("Verified " + migrator.revisions().size() + " revisions: every step round-trips.");
                return;
            }
            migrator.upgrade("heads");
            List<String> differences = report(compare(migrator, database));
            if (!differences.isEmpty()) {
                throw new MigrateException(
                        "The migration chain round-trips, but at head the schema differs from the entities:\n  - "
                                + String.join("\n  - ", differences)
                                + "\nWrite the missing migration with migrate:autogenerate.");
            }
            getLog().info("Verified " + migrator.revisions().size()
                    + " revisions: every step round-trips and the head matches " + "the entities.");
        });
    }
}
