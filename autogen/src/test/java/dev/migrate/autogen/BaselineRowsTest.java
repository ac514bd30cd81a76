package dev.migrate.autogen;

import static dev.migrate.autogen.SqlRows.execute;
import static dev.migrate.autogen.SqlRows.rows;
import static dev.migrate.autogen.SqlRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dmigrate.baseline.data}: the baseline carries the rows of the tables named, after the tables and parents
 * first, and writes each as a declared table's file that reads back as the same rows, NULL and the empty string
 * apart, so a comparison right after finds nothing to do.
 */
class BaselineRowsTest {
    @TempDir
    Path data;

    @Test
    void theBaselineCarriesTheNamedTablesRowsAndTheirFilesReadBackAsTheSameRows() throws Exception {
        List<String> adopted;
        MigrationScript script;
        try (Connection old = TestPostgres.freshDatabase("baseline_rows_old").getConnection()) {
            execute(old, """
                    CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE countries (
                        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        code text NOT NULL UNIQUE,
                        region text REFERENCES regions (code),
                        note text,
                        tags text[]);
                    CREATE TABLE orders (id bigint PRIMARY KEY);
                    INSERT INTO regions VALUES ('EU', 'Europe'), ('AS', 'Asia, "the east"');
                    INSERT INTO countries (code, region, note, tags) VALUES
                        ('FR', 'EU', NULL, '{a,b}'), ('JP', 'AS', '', NULL), ('XX', NULL, 'two
                    lines', '{}');
                    INSERT INTO orders VALUES (1);
                    """);
            adopted = rows(old, "SELECT countries::text FROM countries ORDER BY id");
            BaselineRows rows = Autogenerate.baselineRows(old, "public", List.of("countries", "regions"), 100, data);
            script = new Baseline("public", Exclusions.versionTables("migrate_version", "migrate_history"))
                    .of(old)
                    .followedBy(rows.script());
            assertThat(rows.written())
                    .containsExactlyInAnyOrder(data.resolve("countries.csv"), data.resolve("regions.csv"));
            assertThat(rows.script().descriptions())
                    .as("parents first")
                    .containsExactly(
                            "added 2 rows of public.regions (code AS, EU)",
                            "added 3 rows of public.countries (id 1, 2, 3)");
            assertThatThrownBy(() -> Autogenerate.baselineRows(old, "public", List.of("planets"), 100, data))
                    .hasMessageContaining("baseline.data names planets, which the database does not have");
            assertThatThrownBy(() -> Autogenerate.baselineRows(old, "public", List.of("countries"), 2, data))
                    .hasMessageContaining("holds more than 2 rows");
        }
        assertThat(Files.readString(data.resolve("regions.csv")))
                .isEqualTo("code,name\nAS,\"Asia, \"\"the east\"\"\"\nEU,Europe\n");

        try (Connection fresh = TestPostgres.freshDatabase("baseline_rows_new").getConnection()) {
            run(fresh, script.upgrade());
            assertThat(rows(fresh, "SELECT countries::text FROM countries ORDER BY id"))
                    .isEqualTo(adopted);
            assertThat(rows(fresh, "SELECT count(*)::text FROM orders")).containsExactly("0");
            execute(fresh, "INSERT INTO countries (code) VALUES ('DE')");
            assertThat(rows(fresh, "SELECT id::text FROM countries WHERE code = 'DE'"))
                    .as("the identity moved past the ids carried")
                    .containsExactly("4");
            execute(fresh, "DELETE FROM countries WHERE code = 'DE'");

            RowsComparison.Result again = new RowsComparison(fresh, "public", 100)
                    .compare(
                            MigrationScript.empty(),
                            DeclaredRows.in(data, "db/data", "public").inContexts(Set.of()));
            assertThat(again.everywhere().isEmpty())
                    .as("the written files declare the rows the baseline inserts")
                    .isTrue();

            run(fresh, script.downgrade());
            assertThat(rows(fresh, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"))
                    .containsExactly("0");
        }
    }
}
