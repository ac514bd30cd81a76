package dev.migrate.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.Project;
import dev.migrate.command.RecordingOutput;
import dev.migrate.command.TestFixes;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dev loops compare as {@code check} does: Quarkus's ({@code quarkus dev}) and {@code watch}'s cycle run {@link
 * Check} with {@link EntityComparison#withDefaults} on the project's context, Spring's is {@code watch}. With no
 * configured database and no scratch server, a chain that creates pgvector and PostGIS and entities with their
 * types (the extensions declared beside them) are compared on a throwaway server of the PostgreSQL installation that has both (the embedded binaries lack
 * them), which the log names, and the comparison finds the entities' tables missing, not the extensions.
 */
@ExtendWith(ExtensionsServer.class)
class DevLoopExtensionServerTest {
    @Revision(id = "e1", message = "the extensions")
    public static class Extensions implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE EXTENSION IF NOT EXISTS vector");
            op.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP EXTENSION postgis");
            op.execute("DROP EXTENSION vector");
        }
    }

    @Test
    void theDevLoopsCheckComparesOnTheInstallationThatHasTheExtensions() throws Exception {
        // the throwaway servers start beside the embedded default's data, where the server's user reaches them
        Path work = Files.createTempDirectory("migrate-dev-loop-");
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        work.toFile().setWritable(true, false);
        List<String> lines = new ArrayList<>();
        RecordingOutput output = new RecordingOutput(lines);
        CommandContext context = CommandContext.of(
                Migrations.of(
                        () -> Migrator.builder().migrations(Extensions.class),
                        GivenSettings.on(Face.COMMAND_LINE).resolve()),
                RunDatabase.announcedTo(output, Path::toString, TestFixes.INSTANCE)
                        .withThrowaways(new RunDatabase.Embedded(null, work.resolve("target/migrate/data"), false))
                        .build(),
                Project.in(work, List.of(), null),
                TestFixes.INSTANCE,
                output);
        Path classes = Path.of(DevLoopExtensionServerTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        EntityDdl ddl = new EntityDdl(List.of(classes), List.of("dev.migrate.extensions.entities"), null, Map.of());
        // the extensions declared beside the entities, as the how-to has them
        Path objects = Files.createDirectories(work.resolve("src/main/resources/db/objects"));
        Files.writeString(
                objects.resolve("extensions.sql"),
                "CREATE EXTENSION IF NOT EXISTS vector;\nCREATE EXTENSION IF NOT EXISTS postgis;\n");
        Entities entities = Entities.of(
                chain -> AutogenerateRequest.builder(
                                chain,
                                EntityDdlSource.of(
                                        ddl,
                                        List.of(classes),
                                        major ->
                                                ddl.generate(DevLoopExtensionServerTest.class.getClassLoader(), major)))
                        .declaringObjects(DeclaredObjects.in(objects, "src/main/resources/db/objects")),
                work.resolve("target/migrate"));

        assertThatThrownBy(() ->
                        new CheckCommand(EntityComparison.withDefaults(ComparisonDatabase.AUTO)).run(context, entities))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The entities differ from the schema at head")
                .hasMessageContaining("documents")
                .hasMessageContaining("places")
                .hasMessageNotContaining("lacks")
                .hasMessageNotContaining("is not available");
        assertThat(lines)
                .anyMatch(l -> l.contains("Starting a throwaway PostgreSQL 15")
                        && l.contains("it has postgis, vector, which the embedded PostgreSQL"));
    }
}
