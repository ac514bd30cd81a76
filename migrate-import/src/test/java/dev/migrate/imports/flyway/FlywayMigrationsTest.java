package dev.migrate.imports.flyway;

import static dev.migrate.imports.flyway.FlywayChecksumTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files Flyway takes as migrations, in which order, and what the import refuses. */
class FlywayMigrationsTest {
    @TempDir
    Path project;

    Path dir;

    @BeforeEach
    void migrationsFolder() {
        dir = project.resolve("src/main/resources/db/migration");
    }

    private OldChain read(Map<String, String> overrides) {
        return FlywayMigrations.read(FlywaySettings.read(project, overrides));
    }

    @Test
    void versionsAreOrderedAsFlywayComparesThem() throws Exception {
        for (String name : List.of(
                "V10__ten",
                "V2__two",
                "V1_10__one_ten",
                "V1.9__one_nine",
                "V1_1__one_one",
                "V1.2.1__deep",
                "V001.3__leading_zeros")) {
            write(dir.resolve(name + ".sql"), "CREATE TABLE \"" + name + "\" ();\n");
        }
        OldChain chain = read(Map.of());
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly("1.1", "1.2.1", "001.3", "1.9", "1.10", "2", "10");
        assertThat(chain.migrations().get(0).description()).isEqualTo("one one");
        String database = FlywayHistory.database("flyway_order");
        FlywayRun.migrate(
                FlywayHistory.flyway(),
                FlywayRun.of(FlywayHistory.url(database), FlywaySettings.read(project, Map.of())));
        assertThat(FlywayHistory.rows(database, "flyway_schema_history"))
                .extracting(FlywayHistory.Row::version)
                .containsExactlyElementsOf(
                        chain.migrations().stream().map(OldMigration::key).toList());
        assertThat(FlywayVersion.parse("1.0")
                        .orElseThrow()
                        .sameAs(FlywayVersion.parse("1").orElseThrow()))
                .isTrue();
        assertThat(FlywayVersion.parse("1.a")).isEmpty();
    }

    @Test
    void undoPairsWithItsVersionAsTheDowngrade() throws Exception {
        write(dir.resolve("V1__create.sql"), "CREATE TABLE a (id int);\n");
        write(dir.resolve("U1__create.sql"), "DROP TABLE a;\n");
        write(dir.resolve("V2__more.sql"), "CREATE TABLE b (id int);\n");
        write(dir.resolve("U3__orphan.sql"), "DROP TABLE c;\n");
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1", "2");
        assertThat(chain.migrations().get(0).downgrade()).containsExactly("DROP TABLE a");
        assertThat(chain.migrations().get(1).downgrade()).isNull();
        assertThat(chain.warnings())
                .anySatisfy(w -> assertThat(w).contains("U3__orphan.sql").contains("left out"));
    }

    @Test
    void repeatablesComeAfterVersionsByDescription() throws Exception {
        write(dir.resolve("R__b_view.sql"), "CREATE OR REPLACE VIEW b AS SELECT 1;\n");
        write(dir.resolve("R__a_view.sql"), "CREATE OR REPLACE VIEW a AS SELECT 1;\n");
        write(dir.resolve("V1__first.sql"), "SELECT 1;\n");
        write(dir.resolve("Rx__not_repeatable.sql"), "SELECT 1;\n"); // a version after R: Flyway skips it
        write(dir.resolve("notes.txt"), "not a migration");
        write(dir.resolve("v3__lower_case.sql"), "SELECT 1;\n"); // prefixes are case-sensitive
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1", "a view", "b view");
        assertThat(chain.migrations().get(1).kind()).isEqualTo(OldMigration.Kind.REPEATABLE);
        assertThat(chain.migrations().get(1).source()).isEqualTo("R__a_view.sql");
    }

    @Test
    void twoFilesOfOneVersionAreRefusedByName() throws Exception {
        write(dir.resolve("V1__first.sql"), "SELECT 1;\n");
        write(dir.resolve("deeper/V1.0__second.sql"), "SELECT 2;\n");
        OldChain chain = read(Map.of());
        assertThat(chain.refusals())
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .contains("V1__first.sql")
                        .contains("deeper/V1.0__second.sql")
                        .contains("renumber"));
    }

    @Test
    void anUnresolvedPlaceholderIsRefusedWithFileLineAndFix() throws Exception {
        write(dir.resolve("V1__owner.sql"), "CREATE TABLE a (id int);\n\nALTER TABLE a OWNER TO ${owner};\n");
        write(dir.resolve("V2__user.sql"), "GRANT SELECT ON a TO ${flyway:user};\n");
        OldChain chain = read(Map.of());
        assertThat(chain.refusals()).hasSize(2);
        assertThat(chain.refusals().get(0))
                .contains("V1__owner.sql")
                .contains("line 3")
                .contains("${owner}")
                .contains("flyway.placeholders.owner=")
                .contains("-Dmigrate.import.flyway.placeholders.owner=");
        assertThat(chain.refusals().get(1)).contains("${flyway:user}").contains("-Dmigrate.import.flyway.user=");

        OldChain given = read(Map.of("placeholders.OWNER", "app", "user", "migrator"));
        assertThat(given.refusals()).isEmpty();
        assertThat(given.migrations().get(0).upgrade()).contains("ALTER TABLE a OWNER TO app");
        assertThat(given.migrations().get(1).upgrade()).containsExactly("GRANT SELECT ON a TO migrator");

        OldChain off = read(Map.of("placeholderReplacement", "false"));
        assertThat(off.refusals()).isEmpty();
        assertThat(off.migrations().get(0).upgrade()).contains("ALTER TABLE a OWNER TO ${owner}");
    }

    @Test
    void builtInPlaceholdersTakeTheirValues() throws Exception {
        write(
                dir.resolve("V1__builtins.sql"),
                "COMMENT ON SCHEMA ${flyway:defaultSchema} IS '${flyway:table} ${flyway:filename} ${flyway:database}';\n");
        OldChain chain =
                read(Map.of("schemas", "app,other", "table", "history", "url", "jdbc:postgresql://h:5432/shop"));
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations().get(0).upgrade())
                .containsExactly("COMMENT ON SCHEMA app IS 'history V1__builtins.sql shop'");
        assertThat(chain.schema()).isEqualTo("app");
        assertThat(chain.table()).isEqualTo("history");
    }

    @Test
    void copyFromStdinIsRefusedWithTheFix() throws Exception {
        write(dir.resolve("V1__data.sql"), """
                CREATE TABLE a (id int, name text);
                COPY a (id, name) FROM stdin;
                1\tone; two
                2\tthree
                \\.
                CREATE TABLE b (id int);
                """);
        OldChain chain = read(Map.of());
        assertThat(chain.refusals())
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .contains("V1__data.sql")
                        .contains("line 2")
                        .contains("INSERT"));
        assertThat(chain.migrations().get(0).upgrade())
                .containsExactly("CREATE TABLE a (id int, name text)", "CREATE TABLE b (id int)");
    }

    @Test
    void callbacksAreNamedAndNotImported() throws Exception {
        write(dir.resolve("V1__first.sql"), "SELECT 1;\n");
        write(dir.resolve("beforeMigrate.sql"), "SET lock_timeout = '5s';\n");
        write(dir.resolve("afterMigrate__grants.sql"), "GRANT SELECT ON ALL TABLES IN SCHEMA public TO PUBLIC;\n");
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1");
        assertThat(chain.warnings())
                .anySatisfy(w -> assertThat(w).contains("beforeMigrate.sql").contains("not imported"))
                .anySatisfy(
                        w -> assertThat(w).contains("afterMigrate__grants.sql").contains("not imported"));
    }

    @Test
    void javaMigrationsAreFoundFromSourcesWithoutChecksums() throws Exception {
        write(dir.resolve("V1__first.sql"), "SELECT 1;\n");
        write(project.resolve("src/main/java/db/migration/V2__Backfill_names.java"), """
                package db.migration;

                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class V2__Backfill_names extends BaseJavaMigration {
                    public void migrate(Context context) {}
                }
                """);
        write(project.resolve("src/main/java/db/migration/Helper.java"), "package db.migration; class Helper {}");
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1", "2");
        OldMigration java = chain.migrations().get(1);
        assertThat(java.javaClass()).isEqualTo("db.migration.V2__Backfill_names");
        assertThat(java.source()).isEqualTo("db.migration.V2__Backfill_names");
        assertThat(java.description()).isEqualTo("Backfill names");
        assertThat(java.checksums()).isEmpty();
        assertThat(java.upgrade()).isEmpty();
        assertThat(java.notes()).anySatisfy(n -> assertThat(n).contains("getChecksum()"));
    }

    @Test
    void compiledJavaMigrationsAreReadFromTheirClassFiles() throws Exception {
        // a class file whose superclass is BaseJavaMigration, as javac writes it; Flyway is not on this class path
        Path classes = project.resolve("target/classes/db/migration");
        Files.createDirectories(classes);
        Files.write(
                classes.resolve("V3__Compiled.class"),
                ClassFiles.subclass("db/migration/V3__Compiled", "org/flywaydb/core/api/migration/BaseJavaMigration"));
        Files.write(
                classes.resolve("V4__Unrelated.class"),
                ClassFiles.subclass("db/migration/V4__Unrelated", "java/lang/Object"));
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::javaClass).containsExactly("db.migration.V3__Compiled");
    }

    @Test
    void scriptConfigFileTurnsTheTransactionOffAndFlywayAgrees() throws Exception {
        // each script creates a table and then fails: inside a transaction the table goes with the failure,
        // outside one it stays, so what real Flyway did shows whether it ran the script in a transaction
        String failing = "CREATE TABLE %s (id int);\nSELECT 1 / 0;\n";
        List<String> names = List.of("side_file", "comment", "plain");
        Files.writeString(
                project.resolve("flyway.conf"), "flyway.locations=filesystem:m1,filesystem:m2,filesystem:m3\n");
        write(project.resolve("m1/V1__side_file.sql"), failing.formatted("side_file"));
        write(project.resolve("m1/V1__side_file.sql.conf"), "executeInTransaction=false\n");
        write(
                project.resolve("m2/V1__comment.sql"),
                "-- flyway:executeInTransaction=false\n" + failing.formatted("comment"));
        write(project.resolve("m3/V1__plain.sql"), failing.formatted("plain"));
        for (int i = 0; i < names.size(); i++) {
            Path location = project.resolve("m" + (i + 1));
            FlywaySettings settings = FlywaySettings.read(project, Map.of("locations", "filesystem:" + location));
            OldMigration ours = FlywayMigrations.read(settings).migrations().get(0);
            String database = FlywayHistory.database("flyway_tx");
            assertThatThrownBy(() -> FlywayRun.migrate(
                            FlywayHistory.flyway(), FlywayRun.of(FlywayHistory.url(database), settings)))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("division by zero");
            boolean outsideTransaction = FlywayHistory.tableExists(database, names.get(i));
            assertThat(ours.transactional()).as(names.get(i)).isEqualTo(!outsideTransaction);
        }
        // Flyway 13.12.1 (open source) reads script configuration from the .conf side file only
        assertThat(FlywayMigrations.read(FlywaySettings.read(project, Map.of("locations", "filesystem:m1")))
                        .migrations()
                        .get(0)
                        .transactional())
                .isFalse();
    }

    @Test
    void customPrefixesSeparatorAndSuffixesAsFlywayReadsThem() throws Exception {
        write(project.resolve("flyway.conf"), """
                flyway.sqlMigrationPrefix=M
                flyway.repeatableSqlMigrationPrefix=RR
                flyway.sqlMigrationSeparator=-
                flyway.sqlMigrationSuffixes=.pgsql,.sql
                flyway.placeholderPrefix=#[
                flyway.placeholderSuffix=]
                flyway.placeholders.n=7
                """);
        write(dir.resolve("M1-first.sql"), "CREATE TABLE a (n int DEFAULT #[n]);\n");
        write(dir.resolve("M2-second_one.pgsql"), "CREATE TABLE b (s text DEFAULT '${kept}');\n");
        write(dir.resolve("V3__ignored.sql"), "SELECT 1;\n");
        write(dir.resolve("RR-view.sql"), "CREATE OR REPLACE VIEW v AS SELECT #[n] AS n;\n");
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        OldChain chain = FlywayMigrations.read(settings);
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1", "2", "view");
        assertThat(chain.migrations().get(0).upgrade()).containsExactly("CREATE TABLE a (n int DEFAULT 7)");
        assertThat(chain.migrations().get(1).description()).isEqualTo("second one");

        String database = FlywayHistory.database("flyway_prefixes");
        FlywayRun.migrate(FlywayHistory.flyway(), FlywayRun.of(FlywayHistory.url(database), settings));
        List<FlywayHistory.Row> rows = FlywayHistory.rows(database, "flyway_schema_history");
        assertThat(rows)
                .extracting(FlywayHistory.Row::script)
                .containsExactly("M1-first.sql", "M2-second_one.pgsql", "RR-view.sql");
        assertThat(rows)
                .extracting(r -> String.valueOf(r.checksum()))
                .containsExactlyElementsOf(chain.migrations().stream()
                        .map(m -> m.checksums().get(0))
                        .toList());
    }

    @Test
    void statementsFlywayRunsOutsideATransactionMakeTheScriptNonTransactional() throws Exception {
        write(dir.resolve("V1__index.sql"), "CREATE TABLE a (id int);\n");
        write(dir.resolve("V2__index.sql"), "CREATE UNIQUE INDEX CONCURRENTLY a_id ON a (id);\n");
        OldChain chain = read(Map.of());
        assertThat(chain.migrations()).extracting(OldMigration::transactional).containsExactly(true, false);
    }
}
