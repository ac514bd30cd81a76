package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.MigrateException;
import dev.migrate.command.tooling.AutogenerateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autogenerate -Dmigrate.online=true} of a change to a table the entities declare distributed refuses
 * before it writes anything, naming the table, how the entities spread it and the fix; the same change of a
 * table they leave alone is written online.
 */
class OnlineCitusTablesTest {
    @TempDir
    Path directory;

    @Test
    void anOnlineChangeOfATableTheEntitiesDistributeIsRefusedBeforeAnythingIsWritten() throws IOException {
        WatchedProject project = new WatchedProject(directory.resolve("project"));
        project.entity("Agent", "@Id public long id; public String name;");
        project.entity("Note", "@Id public long id; public String body;");
        write(project, false);
        assertThat(migrations(project)).hasSize(1);
        project.compileMigration(migrations(project).get(0));

        // name and body NOT NULL: online changes, of a table the entities now say Citus spreads, and of one not
        project.entity(
                "@dev.migrate.annotations.Distributed(column = \"id\", shardCount = 8)",
                "Agent",
                "@Id public long id; @Column(nullable = false) public String name;");
        project.entity("Note", "@Id public long id; @Column(nullable = false) public String body;");
        MigrateException refused = catchThrowableOfType(MigrateException.class, () -> write(project, true));
        assertThat(refused.getMessage())
                .isEqualTo("Nothing was written: the online migration would change public.agent (distributed by id"
                        + " in 8 shards, as @Distributed on app.Agent declares) online, and Citus cannot run an online"
                        + " migration's phases on a table it spreads over the cluster: the expand keeps the old and"
                        + " the new shape in step with a trigger on the table and backfills through it, and Citus"
                        + " refuses triggers on distributed and reference tables (test upgrade would refuse the"
                        + " migration before running anything). Run test autogenerate again without --online true: a plain"
                        + " migration's ALTER TABLE runs on the coordinator, which applies it to every shard. To keep"
                        + " the online form for the other tables, write the change of that table as a plain migration"
                        + " first (only its entity changed), then autogenerate the rest online.");
        assertThat(migrations(project)).as("nothing written").hasSize(1);

        // without the declaration, the same changes are written online
        project.entity("Agent", "@Id public long id; @Column(nullable = false) public String name;");
        write(project, true);
        assertThat(migrations(project)).hasSize(2);
    }

    private static void write(WatchedProject project, boolean online) {
        List<String> lines = new ArrayList<>();
        try (WatchCommand.Cycle cycle = project.cycle(lines)) {
            new AutogenerateCommand(
                            project.comparison(),
                            online ? "names required" : "agents and notes",
                            project.settings(true).sources(),
                            false,
                            online)
                    .run(cycle.context(), cycle.entities());
        }
    }

    private static List<Path> migrations(WatchedProject project) throws IOException {
        Path migrations = project.sources.resolve("app/migrations");
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
