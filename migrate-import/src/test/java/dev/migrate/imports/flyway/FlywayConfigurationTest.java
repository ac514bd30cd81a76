package dev.migrate.imports.flyway;

import static dev.migrate.imports.flyway.FlywayChecksumTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway 10's {@code flyway.toml}, Flyway's environment variables and {@code configFiles}, in Flyway's order: the
 * cases follow Flyway's documentation (Reference/Configuration Precedence, Environment Overrides, Environment
 * Variables, Environment Variable Resolver) and its {@code ConfigUtils}, {@code TomlUtils} and
 * {@code ModernConfigurationManager}.
 */
class FlywayConfigurationTest {
    @TempDir
    Path project;

    private static final String TOML = """
            # a project as Flyway 10's init writes it
            id = "0d5ab0a7-5c5a-4bd7-a2f8-0e1c1d1d1d1d"
            databaseType = "PostgreSql"
            name = "shop"

            [environments.default]
            url = "jdbc:postgresql://localhost:5432/shop"
            user = "shop_owner"
            schemas = ["shop", "audit"]

            [environments.ci]
            url = "jdbc:postgresql://ci:5432/shop"
            schemas = ["ci_schema"]

            [flyway]
            locations = ["filesystem:sql", "classpath:db/{vendor}"]
            table = "toml_history"
            defaultSchema = "shop"
            sqlMigrationPrefix = "M"
            sqlMigrationSeparator = "--"
            sqlMigrationSuffixes = [".sql", ".pgsql"]
            repeatableSqlMigrationPrefix = "RR"
            baselineVersion = "3"
            encoding = "ISO-8859-1"
            placeholderPrefix = "#["
            placeholderSuffix = "]"
            validateMigrationNaming = true
            outOfOrder = false

            [flyway.placeholders]
            owner = "toml_owner"
            region = "eu"

            [flyway.postgresql.transactional]
            lock = false

            [flyway.check]
            buildEnvironment = "ci"

            [redgateCompare]
            filterFile = "filter.rgf"
            """;

    private FlywaySettings read(Map<String, String> overrides, Map<String, String> environment) {
        return FlywaySettings.read(project, overrides, environment);
    }

    @Test
    void flywayTomlWithItsDefaultEnvironment() throws Exception {
        write(project.resolve("flyway.toml"), TOML);
        FlywaySettings settings = read(Map.of(), Map.of());
        assertThat(settings.locations()).containsExactly("filesystem:sql", "classpath:db/postgresql");
        assertThat(settings.table()).isEqualTo("toml_history");
        assertThat(settings.defaultSchema()).isEqualTo("shop");
        assertThat(settings.schemas()).containsExactly("shop", "audit");
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        assertThat(settings.user()).isEqualTo("shop_owner");
        assertThat(settings.sqlMigrationPrefix()).isEqualTo("M");
        assertThat(settings.sqlMigrationSeparator()).isEqualTo("--");
        assertThat(settings.sqlMigrationSuffixes()).containsExactly(".sql", ".pgsql");
        assertThat(settings.repeatableSqlMigrationPrefix()).isEqualTo("RR");
        assertThat(settings.baselineVersion()).isEqualTo("3");
        assertThat(settings.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(settings.placeholderPrefix()).isEqualTo("#[");
        assertThat(settings.placeholderSuffix()).isEqualTo("]");
        assertThat(settings.validateMigrationNaming()).isTrue();
        assertThat(settings.placeholders()).containsOnly(Map.entry("owner", "toml_owner"), Map.entry("region", "eu"));
        assertThat(settings.environment()).isEqualTo("default");
        assertThat(settings.sources()).containsExactly("flyway.toml");
        // [flyway.postgresql], [flyway.check], the root tables: nothing a migration ran, and no warning
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void theEnvironmentFlywayEnvironmentChoosesAndItsOverridesWinInTotality() throws Exception {
        // Reference/Configuration/Environment Overrides: "its override will be used, in totality, over the root"
        write(project.resolve("flyway.toml"), TOML.replace("[flyway]\n", "[flyway]\nenvironment = \"ci\"\n") + """

                [environments.ci.flyway]
                locations = ["location2", "location3"]
                table = "ci_history"

                [environments.ci.flyway.placeholders]
                owner = "ci_owner"
                """);
        write(project.resolve("flyway.user.toml"), """
                [flyway]
                locations = ["location_of_the_user_file"]
                table = "user_history"
                """);
        FlywaySettings settings = read(Map.of(), Map.of());
        assertThat(settings.environment()).isEqualTo("ci");
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://ci:5432/shop");
        assertThat(settings.user()).isNull();
        assertThat(settings.schemas()).containsExactly("ci_schema");
        // the environment's own, over the later file's root settings and over FLYWAY_TABLE
        assertThat(settings.locations()).containsExactly("location2", "location3");
        FlywaySettings withVariable = read(Map.of(), Map.of("FLYWAY_TABLE", "variable_history"));
        assertThat(withVariable.table()).isEqualTo("ci_history");
        // an environment's placeholders replace the root's, not one by one
        assertThat(settings.placeholders()).containsOnly(Map.entry("owner", "ci_owner"));
        assertThat(settings.sources()).containsExactly("flyway.toml", "flyway.user.toml");

        FlywaySettings chosen = read(Map.of("environment", "default"), Map.of());
        assertThat(chosen.environment()).isEqualTo("default");
        assertThat(chosen.schemas()).containsExactly("shop", "audit");
        assertThat(chosen.table()).isEqualTo("user_history");
        assertThat(chosen.locations()).containsExactly("location_of_the_user_file");
        assertThat(read(Map.of(), Map.of("flyway_environment", "default")).schemas())
                .containsExactly("shop", "audit");
    }

    @Test
    void flywaysEnvironmentVariablesOverTheFilesAndUnderTheImportsOwn() throws Exception {
        write(project.resolve("flyway.conf"), """
                flyway.locations=filesystem:conf_sql
                flyway.table=conf_history
                flyway.placeholders.owner=conf_owner
                flyway.placeholders.kept=conf
                """);
        Map<String, String> environment = Map.of(
                "FLYWAY_LOCATIONS", "filesystem:env_sql,classpath:db/env",
                "FLYWAY_TABLE", "env_history",
                "FLYWAY_SCHEMAS", "env_a,env_b",
                "FLYWAY_PLACEHOLDERS_OWNER", "env_owner",
                "FLYWAY_SQL_MIGRATION_PREFIX", "E",
                "FLYWAY_OUT_OF_ORDER", "true",
                "flyway_placeholderSeparator", "#",
                "FLYWAY_NOT_A_SETTING", "ignored, as Flyway ignores it",
                "PATH", "/usr/bin");
        FlywaySettings settings = read(Map.of("table", "given_history"), environment);
        assertThat(settings.locations()).containsExactly("filesystem:env_sql", "classpath:db/env");
        assertThat(settings.table()).isEqualTo("given_history");
        assertThat(settings.schemas()).containsExactly("env_a", "env_b");
        // FLYWAY_PLACEHOLDERS_<NAME> names the placeholder in lower case, as Flyway's ConfigUtils.convertKey does
        assertThat(settings.placeholders()).containsOnly(Map.entry("owner", "env_owner"), Map.entry("kept", "conf"));
        assertThat(settings.sqlMigrationPrefix()).isEqualTo("E");
        assertThat(settings.outOfOrder()).isTrue();
        assertThat(settings.placeholderSeparator()).isEqualTo("#");
        assertThat(settings.sources())
                .containsExactly("flyway.conf", "FLYWAY_* environment variables", "-Dmigrate.import.flyway.*");
        assertThat(settings.warnings()).isEmpty();
        assertThat(FlywaySources.variables(Map.of("FLYWAY_PLACEHOLDERS_", "x", "FLYWAY_URL", "u")))
                .containsOnly(Map.entry("url", "u"));
    }

    @Test
    void configFilesInTheirOrderLaterOnesWinning() throws Exception {
        write(project.resolve("flyway.conf"), "flyway.table=default_history\nflyway.baselineVersion=1\n");
        write(project.resolve("config/base.conf"), """
                flyway.table=base_history
                flyway.locations=filesystem:base
                flyway.placeholders.owner=base
                """);
        write(project.resolve("config/prod.conf"), "flyway.table=prod_history\n");
        write(project.resolve("config/extra.conf"), "flyway.locations=filesystem:extra\n");
        FlywaySettings settings = read(
                Map.of("configFiles", "config/extra.conf"),
                Map.of("FLYWAY_CONFIG_FILES", "config/base.conf, config/prod.conf"));
        assertThat(settings.table()).isEqualTo("prod_history");
        assertThat(settings.locations()).containsExactly("filesystem:extra");
        assertThat(settings.baselineVersion()).isEqualTo("1");
        assertThat(settings.placeholders()).containsOnly(Map.entry("owner", "base"));
        assertThat(settings.sources())
                .containsExactly(
                        "flyway.conf",
                        "config/base.conf",
                        "config/prod.conf",
                        "config/extra.conf",
                        "-Dmigrate.import.flyway.*");

        // the Flyway Maven plugin's <configFiles>, read after its <configuration>
        write(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <build><plugins><plugin>
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-maven-plugin</artifactId>
                    <configuration>
                      <table>plugin_history</table>
                      <configFiles><configFile>config/prod.conf</configFile></configFiles>
                    </configuration>
                  </plugin></plugins></build>
                </project>
                """);
        FlywaySettings fromPom = read(Map.of(), Map.of());
        assertThat(fromPom.table()).isEqualTo("prod_history");
        assertThat(fromPom.sources()).containsExactly("flyway.conf", "pom.xml", "config/prod.conf");
    }

    @Test
    void aConfigFileThatIsNotThereIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of(), Map.of("FLYWAY_CONFIG_FILES", "conf/missing.conf")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The Flyway configuration file conf/missing.conf named by configFiles "
                        + "(FLYWAY_CONFIG_FILES) is not in ")
                .hasMessageContaining("Correct the path");
    }

    @Test
    void tomlAndConfAreNeverReadTogether() throws Exception {
        // Reference/Configuration Precedence: "Toml precedence over conf"
        write(project.resolve("flyway.conf"), "flyway.table=conf_history\n");
        write(project.resolve("flyway.toml"), "[flyway]\ntable = \"toml_history\"\n");
        FlywaySettings settings = read(Map.of(), Map.of());
        assertThat(settings.table()).isEqualTo("toml_history");
        assertThat(settings.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .isEqualTo("Flyway reads TOML configuration files here and leaves out flyway.conf, as its "
                                + "command line does; the import does the same. If the project's databases were "
                                + "migrated with that file (the Flyway Maven plugin reads flyway.conf), name it with "
                                + "-Dmigrate.import.flyway.configFiles=<file>."));
        assertThat(read(Map.of("configFiles", "flyway.conf"), Map.of()).table()).isEqualTo("conf_history");
        assertThatThrownBy(() -> read(Map.of("configFiles", "flyway.conf,flyway.toml"), Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("mix TOML and CONF files, which Flyway refuses to read together");
    }

    @Test
    void environmentVariablesInTheFiles() throws Exception {
        // ConfigUtils.expandEnvironmentVariables: ${NAME} in a .conf file, nothing when it is not set; a
        // backslash kept as written
        write(project.resolve("flyway.conf"), """
                flyway.table=${HISTORY_TABLE}
                flyway.placeholders.path=C:\\data\\new
                flyway.placeholders.unset=[${NOT_SET}]
                """);
        FlywaySettings conf = read(Map.of(), Map.of("HISTORY_TABLE", "from_env"));
        assertThat(conf.table()).isEqualTo("from_env");
        assertThat(conf.placeholders()).containsOnly(Map.entry("path", "C:\\data\\new"), Map.entry("unset", "[]"));

        // the Environment Variable Resolver: ${env.NAME} in flyway.toml; $${...} for a literal one
        write(project.resolve("flyway.conf"), "");
        java.nio.file.Files.delete(project.resolve("flyway.conf"));
        write(project.resolve("flyway.toml"), """
                [environments.default]
                url = "${env.DATABASE_URL}"
                user = "${vault.db_user}"
                [flyway]
                table = "${env.HISTORY_TABLE}"
                [flyway.placeholders]
                literal = "$${env.HISTORY_TABLE}"
                """);
        FlywaySettings toml = read(Map.of(), Map.of("HISTORY_TABLE", "toml_env", "DATABASE_URL", "jdbc:postgresql:x"));
        assertThat(toml.table()).isEqualTo("toml_env");
        assertThat(toml.url()).isEqualTo("jdbc:postgresql:x");
        assertThat(toml.user()).isNull(); // a secret store's: only ${flyway:user} would use it, and says so
        assertThat(toml.placeholders()).containsOnly(Map.entry("literal", "${env.HISTORY_TABLE}"));

        assertThatThrownBy(() -> read(Map.of(), Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Flyway's setting flyway.table in flyway.toml is ${env.HISTORY_TABLE}, and the "
                        + "environment variable HISTORY_TABLE is not set for the import. Set the variable for the "
                        + "import, or give the setting with -Dmigrate.import.flyway.table=... (--import-setting "
                        + "flyway.table=... on the command line). Nothing was read or written.");
        assertThat(read(Map.of("table", "given"), Map.of()).table()).isEqualTo("given");
    }

    @Test
    void settingsThatCannotBeHonouredAreNamedWithTheWayOut() throws Exception {
        write(project.resolve("flyway.toml"), """
                [flyway]
                target = "5"
                initSql = "SET ROLE owner"
                callbacks = ["com.example.AuditCallback"]
                group = false
                lockRetryCount = 10
                cleanDisabled = true
                sqlMigrationPrefx = "V"
                """);
        FlywaySettings settings = read(Map.of(), Map.of("FLYWAY_SKIP_EXECUTING_MIGRATIONS", "true"));
        assertThat(settings.warnings())
                .containsExactlyInAnyOrder(
                        "Flyway's setting target=5 (flyway.toml) stops Flyway at that version, so the migrations "
                                + "above it never ran where it was set; the import writes a revision for each of "
                                + "them all the same, which the next upgrade runs. Move the files above the target "
                                + "out of the locations before the import, or upgrade with migrate.target set to "
                                + "the target's revision.",
                        "Flyway's setting initSql=SET ROLE owner (flyway.toml) runs SQL on each connection Flyway "
                                + "opens, which no revision does. Set it on the connections migrate opens (the JDBC "
                                + "URL's options, or the data source's initialisation SQL).",
                        "Flyway's setting callbacks=com.example.AuditCallback (flyway.toml) runs the project's "
                                + "callback classes around Flyway's commands, which are not imported: if what they "
                                + "do is still needed, write it as a revision, or run it from the application.",
                        "Flyway's setting skipExecutingMigrations=true (the environment variables FLYWAY_*) records "
                                + "migrations as applied without running them, which no revision does. Import from "
                                + "the migrations that built the schema, or stamp a database with migrate:stamp.",
                        "Flyway's setting sqlMigrationPrefx (flyway.toml) is not one the import knows, and is left "
                                + "out; Flyway itself refuses a setting it does not know. Correct its spelling, or "
                                + "remove it.");
        assertThatThrownBy(() -> read(Map.of("outOfOrder", "yes"), Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Flyway's setting outOfOrder is 'yes' in -Dmigrate.import.flyway.*, which is neither true "
                        + "nor false; Flyway refuses it too. Set it to true or false.");
    }

    @Test
    void aTomlFileFlywayCannotParseIsRefusedWithItsLine() throws Exception {
        write(project.resolve("flyway.toml"), "[flyway]\nlocations = [\"a\"\ntable = \"x\"\n");
        assertThatThrownBy(() -> read(Map.of(), Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The Flyway configuration file flyway.toml is not valid TOML (line ")
                .hasMessageEndingWith("Correct the file; Flyway refuses it too.");
    }

    @Test
    void executeInTransactionAndValidateMigrationNamingBearOnTheChain() throws Exception {
        Path dir = project.resolve("src/main/resources/db/migration");
        write(dir.resolve("V1__one.sql"), "CREATE TABLE one (id int);\n");
        write(dir.resolve("2_two.sql"), "CREATE TABLE two (id int);\n");
        OldChain lenient = FlywayMigrations.read(read(Map.of(), Map.of("FLYWAY_EXECUTE_IN_TRANSACTION", "false")));
        assertThat(lenient.refusals()).isEmpty();
        assertThat(lenient.migrations()).singleElement().satisfies(m -> {
            assertThat(m.transactional()).isFalse();
            assertThat(m.notes())
                    .contains("Flyway runs it outside a transaction, as the project sets executeInTransaction=false.");
        });
        OldChain strict = FlywayMigrations.read(read(Map.of(), Map.of("FLYWAY_VALIDATE_MIGRATION_NAMING", "true")));
        assertThat(strict.migrations()).extracting(OldMigration::key).containsExactly("1");
        assertThat(strict.migrations().get(0).transactional()).isTrue();
        assertThat(strict.refusals())
                .containsExactly("The Flyway script 2_two.sql (location classpath:db/migration) has a name Flyway "
                        + "cannot parse as a migration's (V<version>__<description>.sql, or R__<description>.sql), "
                        + "and validateMigrationNaming=true makes Flyway refuse to migrate with it. Rename it as "
                        + "Flyway expects, or move it out of the locations.");
    }

    @Test
    void thePomsPropertiesWinOverThePluginsConfiguration() throws Exception {
        // Flyway's AbstractFlywayMojo: the plugin's <configuration>, then the project's properties over it
        write(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <properties>
                    <flyway.table>property_history</flyway.table>
                    <flyway.version>10.0.0</flyway.version>
                  </properties>
                  <build><plugins><plugin>
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-maven-plugin</artifactId>
                    <configuration>
                      <table>plugin_history</table>
                      <baselineVersion>7</baselineVersion>
                      <skip>false</skip>
                      <pluginConfiguration>
                        <postgresql.transactional.lock>false</postgresql.transactional.lock>
                      </pluginConfiguration>
                    </configuration>
                  </plugin></plugins></build>
                </project>
                """);
        FlywaySettings settings = read(Map.of(), Map.of());
        assertThat(settings.table()).isEqualTo("property_history");
        assertThat(settings.baselineVersion()).isEqualTo("7");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void aTomlProjectWithEnvironmentVariablesReplaysAsFlywayRunsIt() throws Exception {
        write(project.resolve("flyway.toml"), """
                [environments.default]
                schemas = ["toml_app"]

                [flyway]
                locations = ["filesystem:sql"]
                table = "toml_history"
                sqlMigrationPrefix = "M"
                sqlMigrationSeparator = "--"

                [flyway.placeholders]
                note = "from_the_file"
                """);
        write(project.resolve("sql/M1--create.sql"), "CREATE TABLE items (id int, note text DEFAULT '${note}');\n");
        write(project.resolve("sql/M2--more.sql"), "ALTER TABLE items ADD COLUMN x int;\n");
        write(project.resolve("sql/V3__not_a_migration_here.sql"), "CREATE TABLE never (id int);\n");
        FlywaySettings settings = read(Map.of(), Map.of("FLYWAY_PLACEHOLDERS_NOTE", "from_the_environment"));
        OldChain chain = FlywayMigrations.read(settings);
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.table()).isEqualTo("toml_history");
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1", "2");
        assertThat(chain.migrations().get(0).upgrade())
                .singleElement()
                .satisfies(sql -> assertThat(sql).contains("'from_the_environment'"));

        String database = FlywayHistory.database("flyway_toml");
        FlywayRun.migrate(FlywayHistory.flyway(), FlywayRun.of(FlywayHistory.url(database), settings));
        assertThat(FlywayHistory.rows(database, "toml_app.toml_history").stream()
                        .filter(row -> row.type().equals("SQL"))
                        .toList())
                .extracting(FlywayHistory.Row::version, row -> String.valueOf(row.checksum()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "1", chain.migrations().get(0).checksums().get(0)),
                        org.assertj.core.groups.Tuple.tuple(
                                "2", chain.migrations().get(1).checksums().get(0)));
    }

    @Test
    void aSettingFlywayAndTheApplicationGiveDifferentlyIsNamedWithTheWayToTheOther() throws Exception {
        write(project.resolve("flyway.toml"), "[flyway]\ntable = \"cli_history\"\nbaselineVersion = \"2\"\n");
        write(project.resolve("src/main/resources/application.properties"), """
                spring.flyway.table=app_history
                spring.flyway.baseline-version=2
                """);
        FlywaySettings settings = read(Map.of(), Map.of());
        assertThat(settings.table()).isEqualTo("app_history");
        assertThat(settings.warnings())
                .containsExactly("Flyway's table is cli_history in flyway.toml and app_history in spring.flyway.table; "
                        + "the import takes app_history, as the application runs it. If the databases were migrated "
                        + "with Flyway's command line or Maven plugin, choose with "
                        + "-Dmigrate.import.flyway.table=cli_history.");
    }
}
