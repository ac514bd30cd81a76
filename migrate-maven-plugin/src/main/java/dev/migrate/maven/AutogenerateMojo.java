package dev.migrate.maven;

import com.palantir.javapoet.CodeBlock;
import dev.migrate.MigrateException;
import dev.migrate.autogen.diff.Change;
import dev.migrate.autogen.diff.DiffResult;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.autogen.write.OpJavaRenderer;
import dev.migrate.autogen.write.RevisionIds;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.op.Op;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the JPA entities with the schema at head and writes the next migration:
 * {@code mvn compile migrate:autogenerate -Dmigrate.message="add status column"}. With no database
 * configured, the migrations are replayed on a throwaway embedded PostgreSQL first. Nothing is
 * written when nothing differs.
 */
@Mojo(name = "autogenerate", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class AutogenerateMojo extends AbstractAutogenMojo {

    /** The one-line description of the new migration; it also names the class ({@code V<id>_<CamelCaseMessage>}). */
    @Parameter(property = "migrate.message")
    protected String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    @Override protected void run(ClassLoader projectClasses) {
        if (message == null || message.isBlank()) {
            throw new MigrateException("migrate:autogenerate needs a message. Add -Dmigrate.message=\"what changed\".");
        }
        withComparisonDatabase(projectClasses, (migrator, database) -> {
            DiffResult diff = compare(migrator, database);
            List<String> changes = report(diff);
            if (changes.isEmpty()) {
                getLog().info("No changes detected: the entities match the schema at head. Nothing written.");
                return;
            }
            changes.forEach(c -> getLog().info("Detected " + c));
            RevisionGraph graph = migrator.graph();
            if (graph.heads().size() > 1) {
                throw new MigrateException("The revision graph has " + graph.heads().size() + " heads " + graph.heads()
                        + ", so the new migration has no single parent. Join them with mvn migrate:merge first.");
            }
            String id = RevisionIds.next(Clock.systemUTC(), graph::contains);
            NewMigration migration = new NewMigration(id, graph.heads(), message.trim(), upgrade(diff), downgrade(diff));
            Path path = new MigrationWriter(sourceDirectory.toPath(), packages.get(0).trim()).write(migration);
            getLog().info("Wrote " + path + " (revision " + id + ", " + changes.size() + " change"
                    + (changes.size() == 1 ? "" : "s") + "). Review it, then run mvn compile migrate:upgrade.");
        });
    }

    /** The upgrade body: each change's ops with its notes above them, and what must be done by hand. */
    private static CodeBlock upgrade(DiffResult diff) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (String warning : diff.warnings()) {
            body.add("// Warning: $L\n", warning.replace('\n', ' '));
        }
        Map<Op, List<String>> notes = new IdentityHashMap<>();
        for (Change change : diff.changes()) {
            if (change.ops().isEmpty()) {
                body.add("// TODO $L: $L\n", change.description(), String.join(" ", change.notes()));
            } else {
                notes.put(change.ops().get(0), change.notes());
            }
        }
        return body.add(new OpJavaRenderer().render(diff.upgrade(), op -> notes.getOrDefault(op, List.of()))).build();
    }

    private static CodeBlock downgrade(DiffResult diff) {
        return new OpJavaRenderer().render(new ArrayList<>(diff.downgrade()));
    }
}
