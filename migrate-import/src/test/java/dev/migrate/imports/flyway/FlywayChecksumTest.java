package dev.migrate.imports.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our checksums and script names are the ones real Flyway 13 writes in its history table. */
class FlywayChecksumTest {
    @TempDir
    Path project;

    @Test
    void checksumsAndScriptsAreWhatFlywayRecords() throws Exception {
        Path dir = project.resolve("src/main/resources/db/migration");
        write(dir.resolve("V1__init.sql"), "CREATE TABLE a (id int PRIMARY KEY);\r\nCREATE TABLE b (id int);\r\n");
        write(dir.resolve("V1_1__bom.sql"), "\uFEFFCREATE TABLE c (id int);\n");
        write(dir.resolve("V2__non_ascii.sql"), "-- Größe, 名前, ñ\nCREATE TABLE d (name text DEFAULT 'Zürich ✓');\n");
        write(
                dir.resolve("sub/V3__placeholders.sql"),
                "CREATE TABLE ${prefix}_e (id int);\n\n\nCOMMENT ON TABLE ${prefix}_e IS 'in ${flyway:defaultSchema}';\n");
        write(dir.resolve("V4__no_trailing_newline.sql"), "CREATE TABLE f (id int);\n\nCREATE TABLE g (id int)");
        write(dir.resolve("V5__function.sql"), """
                CREATE FUNCTION add_one(i int) RETURNS int AS $$
                BEGIN
                    RETURN i + 1; -- a semicolon in a body
                END;
                $$ LANGUAGE plpgsql;
                CREATE FUNCTION two() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT 1 + 1;
                END;
                """);
        write(dir.resolve("V6__mixed_endings.sql"), "CREATE TABLE h (id int);\rCREATE TABLE i (id int);\r\n\n");
        write(dir.resolve("R__view.sql"), "CREATE OR REPLACE VIEW ${prefix}_v AS SELECT id FROM ${prefix}_e;\n");
        Files.writeString(project.resolve("flyway.conf"), "flyway.placeholders.prefix=pre\n");

        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        OldChain chain = FlywayMigrations.read(settings);
        assertThat(chain.refusals()).isEmpty();

        String database = FlywayHistory.database("flyway_checksums");
        int applied = FlywayRun.migrate(FlywayHistory.flyway(), FlywayRun.of(FlywayHistory.url(database), settings));
        assertThat(applied).isEqualTo(8);

        List<FlywayHistory.Row> rows = FlywayHistory.rows(database, "flyway_schema_history");
        assertThat(rows).hasSize(chain.migrations().size());
        for (int i = 0; i < rows.size(); i++) {
            FlywayHistory.Row row = rows.get(i);
            OldMigration ours = chain.migrations().get(i);
            assertThat(row.success()).isTrue();
            assertThat(row.script()).as("script of %s", ours.key()).isEqualTo(ours.source());
            assertThat(row.description()).isEqualTo(ours.description());
            assertThat(ours.checksums().get(0))
                    .as("checksum of %s", row.script())
                    .isEqualTo(String.valueOf(row.checksum()));
            if (row.version() == null) {
                assertThat(ours.kind()).isEqualTo(OldMigration.Kind.REPEATABLE);
                assertThat(ours.key()).isEqualTo(row.description());
            } else {
                assertThat(ours.key()).isEqualTo(row.version());
            }
        }
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly("1", "1.1", "2", "3", "4", "5", "6", "view");
        // a repeatable's recorded checksum is of its text with placeholders replaced; the raw file's comes next
        OldMigration view = chain.migrations().get(7);
        assertThat(view.checksums()).hasSize(2);
        assertThat(view.checksums().get(1))
                .isEqualTo(Integer.toString(FlywayChecksum.of(Files.readString(dir.resolve("R__view.sql")))));
    }

    @Test
    void statementsKeepBodiesWholeAndPlaceholdersReplaced() throws IOException {
        Path dir = project.resolve("src/main/resources/db/migration");
        write(dir.resolve("V5__function.sql"), """
                CREATE FUNCTION add_one(i int) RETURNS int AS $$
                BEGIN
                    RETURN i + 1; -- a semicolon in a body
                END;
                $$ LANGUAGE plpgsql;
                /* two; */ INSERT INTO t VALUES ('a;b', ${n});
                CREATE FUNCTION two() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN true THEN 1 ELSE 2 END;
                    SELECT 1 + 1;
                END;
                """);
        OldChain chain = FlywayMigrations.read(FlywaySettings.read(project, Map.of("placeholders.N", "42")));
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations().get(0).upgrade()).containsExactly("""
                CREATE FUNCTION add_one(i int) RETURNS int AS $$
                BEGIN
                    RETURN i + 1; -- a semicolon in a body
                END;
                $$ LANGUAGE plpgsql""", "INSERT INTO t VALUES ('a;b', 42)", """
                CREATE FUNCTION two() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN true THEN 1 ELSE 2 END;
                    SELECT 1 + 1;
                END""");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
