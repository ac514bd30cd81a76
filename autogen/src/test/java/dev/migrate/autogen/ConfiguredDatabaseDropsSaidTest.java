package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison with a configured database (a developer's) reads what was made there by hand as well as what the
 * chain made: a policy and a function added by hand, which the SQL files do not declare, are written as drops, and
 * the warning says so, naming them and the ways out. The embedded default, which replays the chain, sees neither.
 */
class ConfiguredDatabaseDropsSaidTest {
    @Revision(id = "d1", message = "notes")
    public static class Notes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text)");
            op.execute("ALTER TABLE notes ENABLE ROW LEVEL SECURITY");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE notes");
        }
    }

    @TempDir
    Path files;

    @Test
    void whatWasMadeByHandOnTheDatabaseComparedIsNamedAsDropped() throws Exception {
        DataSource dev = TestPostgres.freshDatabase("dev_by_hand");
        Migrator chain =
                Migrator.builder().dataSource(dev).migrations(Notes.class).build();
        chain.upgrade("heads");
        TestPostgres.execute(
                dev,
                "CREATE POLICY notes_all ON notes USING (true)",
                "CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM notes'");
        Files.writeString(
                files.resolve("notes.sql"),
                "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n"
                        + "ALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n");
        SqlSchemaFiles declared = SqlSchemaFiles.in(files, "db/schema");

        MigrationScript onDev = compare(chain, declared, new TestThrowaways(dev));
        assertThat(onDev.descriptions()).hasSize(2);
        assertThat(onDev.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("This revision drops 2 objects that the configured database has and nothing"
                                + " declares (")
                        .contains("policy notes_all ON notes", "function note_count()")
                        .contains("compare with the chain alone"));

        MigrationScript onChain =
                compare(Migrator.builder().migrations(Notes.class).build(), declared, new TestThrowaways(null));
        assertThat(onChain.descriptions()).isEmpty();
        assertThat(onChain.warnings()).noneMatch(w -> w.startsWith("This revision drops"));
    }

    private static MigrationScript compare(Migrator chain, SqlSchemaFiles files, TestThrowaways databases) {
        AutogenerateRequest request = AutogenerateRequest.builder(chain, EntityDdlSource.none(files.key()))
                .declaringObjects(files.with(DeclaredObjects.none()))
                .declaringTheWholeSchema(true)
                .build();
        return Autogenerate.run(request, databases, line -> {}).script();
    }
}
