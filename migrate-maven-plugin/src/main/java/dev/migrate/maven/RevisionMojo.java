package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.write.NewMigration;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes an empty migration revising the single head (or none, for the first migration), for you
 * to fill in: {@code mvn compile migrate:revision -Dmigrate.message="add status column"}.
 */
@Mojo(name = "revision", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RevisionMojo extends AbstractWriteMojo {

    /**
     * The head the new migration revises when the graph has several: a full or unique-prefix id,
     * such as {@code -Dmigrate.head=20261122}. Or join the heads first with {@code migrate:merge}.
     */
    @Parameter(property = "migrate.head")
    protected String head;

    @Override
    protected void run(ClassLoader projectClasses) {
        if (message == null || message.isBlank()) {
            throw new MigrateException(
                    "migrate:revision needs a message. Add -Dmigrate.message=\"what the migration does\".");
        }
        Migrator migrator = migrator(projectClasses).build();
        List<String> parents = parent(migrator.heads());
        write(NewMigration.empty(nextId(migrator, parents), parents, message));
    }

    private List<String> parent(List<String> heads) {
        if (head != null && !head.isBlank()) {
            List<String> matches =
                    heads.stream().filter(h -> h.startsWith(head.trim())).toList();
            if (matches.size() != 1) {
                throw new MigrateException("The head '" + head + "' "
                        + (matches.isEmpty() ? "is not a head" : "matches several heads " + matches)
                        + "; the heads are " + heads + ". Give one of them with -Dmigrate.head=.");
            }
            return matches;
        }
        if (heads.size() > 1) {
            throw new MigrateException("The revision graph has " + heads.size() + " heads " + heads
                    + ", so a new revision has no single parent. Join them with `mvn migrate:merge`, "
                    + "or choose one with -Dmigrate.head=<id>.");
        }
        return heads;
    }
}
