package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.write.NewMigration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Writes a merge migration that revises several heads, joining branches into one head again. */
@Mojo(name = "merge", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class MergeMojo extends AbstractWriteMojo {

    /** The revisions to merge (full or unique-prefix ids, comma-separated on the command line). Default: every head. */
    @Parameter(property = "migrate.revisions")
    protected List<String> revisions;

    @Override
    protected void run(ClassLoader projectClasses) {
        Migrator migrator = migrator(projectClasses).build();
        List<String> parents =
                revisions == null || revisions.isEmpty() ? migrator.heads() : resolve(migrator, revisions);
        if (parents.size() < 2) {
            throw new MigrateException("A merge needs two or more revisions, but "
                    + (revisions == null || revisions.isEmpty()
                            ? "the graph has " + parents.size() + " head(s) " + parents + ". There is nothing to merge."
                            : "only " + parents + " was given. List them with -Dmigrate.revisions=a,b."));
        }
        String text = message == null || message.isBlank() ? "merge " + String.join(" and ", parents) : message;
        write(NewMigration.merge(nextId(migrator, parents), parents, text));
    }

    private static List<String> resolve(Migrator migrator, List<String> given) {
        List<String> ids = new ArrayList<>();
        for (String revision : given) {
            ids.add(migrator.revision(revision.trim()).id());
        }
        return ids.stream().distinct().toList();
    }
}
