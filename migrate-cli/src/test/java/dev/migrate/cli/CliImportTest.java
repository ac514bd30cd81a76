package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate import} run in process as {@code Main} runs it: a Flyway project imported with Flyway's jars from
 * {@code --tool-path} and proved on the test server as {@code --scratch-url}; the refusals before anything runs.
 */
class CliImportTest {
    private static final String V1 = """
            CREATE TABLE customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL
            );
            COMMENT ON TABLE customers IS 'who buys; it''s quoted';
            """;
    private static final String V2 = """
            -- orders of a customer
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10, 2) NOT NULL DEFAULT 0
            );
            CREATE INDEX orders_customer ON orders (customer_id);
            """;
    private static final String V3 = """
            ALTER TABLE customers ADD COLUMN updated_at timestamptz;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now(); -- a semicolon; inside the body
                RETURN NEW;
            END;
            $$;
            CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();
            """;

    @TempDir
    Path work;

    @Test
    void aFlywayProjectIsImportedAndProvedWithTheJarsOfToolPath() throws IOException, SQLException {
        Path project = Files.createDirectories(work.resolve("shop"));
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__create_customers.sql"), V1);
        Files.writeString(migrations.resolve("V2__add_orders.sql"), V2);
        Files.writeString(migrations.resolve("V3__updated_at.sql"), V3);
        // Flyway as a build without Maven would give it: a directory of its jars
        Path tools = Files.createDirectories(work.resolve("flyway-jars"));
        List<Path> jars = ToolJars.inRepository(OldTool.FLYWAY, ToolJars.localRepository());
        assertThat(jars)
                .extracting(jar -> jar.getFileName().toString())
                .containsExactly(
                        "flyway-core-13.12.1.jar",
                        "flyway-database-postgresql-13.12.1.jar",
                        "flyway-database-cockroachdb-13.12.1.jar");
        for (Path jar : jars) {
            Files.copy(jar, tools.resolve(jar.getFileName()));
        }

        Run run = run(
                Map.of(),
                "import",
                "--from",
                "flyway",
                "--project",
                "shop",
                "--tool-path",
                tools.toString(),
                "--scratch-url",
                "jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres?user=postgres");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .as(run.toString())
                .contains("Using Flyway from --tool-path (3 jars).")
                .contains("Proved: Flyway and the 3 written revisions build the same schema public on PostgreSQL")
                .contains("Wrote 3 revisions imported from Flyway")
                .contains("into shop/src/main/java, V1 to V3");
        Path written = project.resolve("src/main/java/db/migrations");
        try (Stream<Path> files = Files.list(written)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("V1_CreateCustomers.java", "V2_AddOrders.java", "V3_UpdatedAt.java");
        }
        assertThat(Files.readString(written.resolve("V2_AddOrders.java")))
                .contains(
                        "package db.migrations;",
                        "revises = \"V1\"",
                        "from = \"flyway\"",
                        "CREATE INDEX orders_customer");
        assertThat(CliIT.scratchDatabases())
                .as("throwaway databases left on the scratch server")
                .isEmpty();
    }

    @Test
    void anUnknownOrMissingToolIsAUsageError() {
        Run unknown = run(Map.of(), "import", "--from", "ant");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err())
                .isEqualTo("migrate import moves a project in from Flyway or Liquibase, and \"ant\" is neither. Add"
                        + " --from flyway or --from liquibase. Nothing was read or written.\n");

        Run none = run(Map.of(), "import");
        assertThat(none.code()).as(none.toString()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).contains("no tool was named. Add --from flyway or --from liquibase.");

        Run otherTool = run(Map.of(), "import", "--from", "flyway", "--import-setting", "liquibase.changelog=x.xml");
        assertThat(otherTool.code()).as(otherTool.toString()).isEqualTo(Cli.USAGE);
        assertThat(otherTool.err()).contains("is not a setting of Flyway", "so it would be ignored");

        Run url = run(Map.of(), "import", "--from", "flyway", "--url", "jdbc:postgresql://localhost/app");
        assertThat(url.code()).as(url.toString()).isEqualTo(Cli.USAGE);
        assertThat(url.err()).contains("--url does not apply to an import", "it names the database of --retire");

        Run retire = run(Map.of(), "import", "--retire", "yes");
        assertThat(retire.code()).as(retire.toString()).isEqualTo(Cli.USAGE);
        assertThat(retire.err()).contains("--retire takes dry-run", "not 'yes'");

        Run prove = run(Map.of(), "import", "--from", "flyway", "--prove", "yes");
        assertThat(prove.code()).as(prove.toString()).isEqualTo(Cli.USAGE);
        assertThat(prove.err()).contains("--prove takes true or false, not 'yes'");
    }

    @Test
    void missingToolJarsAreRefusedNamingTheFix() throws IOException {
        // the local repository without Liquibase: each jar named, and both ways to give them
        Path empty = Files.createDirectories(work.resolve("empty-repository"));
        assertThatThrownBy(() -> ToolJars.inRepository(OldTool.LIQUIBASE, empty))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("migrate import reads and replays the old migrations with Liquibase itself,"
                        + " and its jars are not given: neither --tool-path nor the environment variable"
                        + " MIGRATE_IMPORT_TOOL_PATH is set, and the local Maven repository " + empty + " lacks"
                        + " org.liquibase:liquibase-core:4.33.0 (org/liquibase/liquibase-core/4.33.0/"
                        + "liquibase-core-4.33.0.jar), com.opencsv:opencsv:5.11.2")
                .hasMessageContaining("org.yaml:snakeyaml:2.4")
                .hasMessageContaining("Give the jars with --tool-path <directory>")
                .hasMessageContaining("mvn dependency:copy-dependencies")
                .hasMessageContaining("mvn dependency:get -Dartifact=org.liquibase:liquibase-core:4.33.0, or mvn"
                        + " migrate:import in a Maven build. Nothing was read or written.");

        // a tool path without a jar, from the environment, as JSON: the document says why, the exit code is 1
        Path project = Files.createDirectories(work.resolve("project"));
        Run run = run(
                Map.of(ToolJars.ENVIRONMENT, empty.toString()),
                "import",
                "--from",
                "liquibase",
                "--project",
                project.toString(),
                "--json");
        assertThat(run.code()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.out())
                .contains("\"command\": \"import\"", "\"status\": \"failed\"")
                .contains("No jar is in the environment variable MIGRATE_IMPORT_TOOL_PATH (" + empty + ")");
        assertThat(run.err()).contains("Name the directory that holds Liquibase's jars");
    }

    /** {@code --retire} reaches the database of {@code --url} with the project's chain, which it needs. */
    @Test
    void retiringConnectsToTheDatabaseOfUrlAndReadsTheChain() {
        String database = TestPostgres.createDatabase("cli_retire");
        Run run = run(
                Map.of(),
                "import",
                "--retire",
                "dry-run",
                "--url",
                "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres");
        assertThat(run.code()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.out()).contains("Using PostgreSQL at localhost:", "(from --url)");
        assertThat(run.err())
                .startsWith("No migration was found in the package db.migrations")
                .contains("--classpath");
    }

    @Test
    void theImportsSettingsAreSpelledAndRepeatedAsTheCommandLineTakesThem() {
        assertThat(Arguments.parse(List.of(
                                "import",
                                "--import-setting",
                                "flyway.locations=filesystem:sql,filesystem:more",
                                "--import-setting=flyway.placeholders.owner=app"))
                        .values(CliOption.IMPORT_SETTING))
                .containsExactly("flyway.locations=filesystem:sql,filesystem:more", "flyway.placeholders.owner=app");
        assertThat(CliFixes.INSTANCE.setting("import.from", "flyway")).isEqualTo("--from flyway");
        assertThat(CliFixes.INSTANCE.setting("import.prove", "false")).isEqualTo("--prove false");
        assertThat(CliFixes.INSTANCE.setting("import.flyway.locations", "..."))
                .isEqualTo("--import-setting flyway.locations=...");
    }

    @Test
    void theLocalRepositoryHasLiquibaseWithWhatItNeedsAndDependenciesMayBeNewer() {
        // the build resolved Liquibase for migrate-import; a dependency at another version of its major will do
        assertThat(ToolJars.inRepository(OldTool.LIQUIBASE, ToolJars.localRepository()))
                .hasSize(ToolJars.artifacts(OldTool.LIQUIBASE).size())
                .first()
                .satisfies(jar -> assertThat(jar.getFileName()).hasToString("liquibase-core-4.33.0.jar"));
        assertThat(ToolJars.compareVersions("3.9", "3.17.0")).isNegative();
        assertThat(ToolJars.compareVersions("2.21.0", "2.19.0")).isPositive();
        assertThat(ToolJars.compareVersions("4.5.0", "4.5")).isZero();
    }

    private Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(environment, o, e, work).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {}
}
