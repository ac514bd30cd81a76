package dev.migrate.imports.flyway;

import static dev.migrate.imports.flyway.FlywayChecksumTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's settings from each place a project keeps them, later places winning. */
class FlywaySettingsTest {
    @TempDir
    Path project;

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <properties>
                <db.schema>billing</db.schema>
                <flyway.outOfOrder>true</flyway.outOfOrder>
              </properties>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-maven-plugin</artifactId>
                    <version>10.0.0</version>
                    <configuration>
                      <locations>
                        <location>filesystem:${project.basedir}/sql/{vendor}</location>
                        <location>classpath:db/extra</location>
                      </locations>
                      <placeholders>
                        <owner>pom_owner</owner>
                        <region>eu</region>
                      </placeholders>
                      <baselineVersion>3</baselineVersion>
                      <table>pom_history</table>
                      <schemas>
                        <schema>${db.schema}</schema>
                        <schema>audit</schema>
                      </schemas>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @Test
    void defaultsWithoutAnySettings() {
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations()).containsExactly("classpath:db/migration");
        assertThat(settings.table()).isEqualTo("flyway_schema_history");
        assertThat(settings.sqlMigrationPrefix()).isEqualTo("V");
        assertThat(settings.undoSqlMigrationPrefix()).isEqualTo("U");
        assertThat(settings.repeatableSqlMigrationPrefix()).isEqualTo("R");
        assertThat(settings.sqlMigrationSeparator()).isEqualTo("__");
        assertThat(settings.sqlMigrationSuffixes()).containsExactly(".sql");
        assertThat(settings.placeholderPrefix()).isEqualTo("${");
        assertThat(settings.placeholderSuffix()).isEqualTo("}");
        assertThat(settings.placeholderReplacement()).isTrue();
        assertThat(settings.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(settings.baselineVersion()).isNull();
        assertThat(settings.historySchema()).isNull();
        assertThat(settings.resolvedLocations().get(0).scriptRoots())
                .containsExactly(
                        project.resolve("src/main/resources/db/migration"),
                        project.resolve("target/classes/db/migration"));
        assertThat(settings.resolvedLocations().get(0).javaPackage()).isEqualTo("db.migration");
    }

    @Test
    void flywayConf() throws Exception {
        write(project.resolve("conf/flyway.conf"), "flyway.table=conf_dir_history\nflyway.baselineVersion=1\n");
        write(project.resolve("flyway.conf"), """
                flyway.locations=filesystem:sql,classpath:db/{vendor}
                flyway.placeholders.owner=conf_owner
                flyway.baselineVersion=2
                flyway.defaultSchema=app
                flyway.schemas=app,audit
                flyway.outOfOrder=true
                flyway.sqlMigrationPrefix=M
                flyway.sqlMigrationSeparator=-
                flyway.sqlMigrationSuffixes=.sql,.pgsql
                """);
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations()).containsExactly("filesystem:sql", "classpath:db/postgresql");
        assertThat(settings.placeholders()).containsExactly(Map.entry("owner", "conf_owner"));
        assertThat(settings.table()).isEqualTo("conf_dir_history");
        assertThat(settings.baselineVersion()).isEqualTo("2");
        assertThat(settings.defaultSchema()).isEqualTo("app");
        assertThat(settings.schemas()).containsExactly("app", "audit");
        assertThat(settings.outOfOrder()).isTrue();
        assertThat(settings.sqlMigrationPrefix()).isEqualTo("M");
        assertThat(settings.sqlMigrationSeparator()).isEqualTo("-");
        assertThat(settings.sqlMigrationSuffixes()).containsExactly(".sql", ".pgsql");
        assertThat(settings.resolvedLocations().get(0).scriptRoots()).containsExactly(project.resolve("sql"));
        assertThat(settings.sources()).containsExactly("conf/flyway.conf", "flyway.conf");
    }

    @Test
    void mavenPluginConfiguration() throws Exception {
        write(project.resolve("pom.xml"), POM);
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations())
                .containsExactly("filesystem:" + project.toAbsolutePath() + "/sql/postgresql", "classpath:db/extra");
        assertThat(settings.placeholders()).containsOnly(Map.entry("owner", "pom_owner"), Map.entry("region", "eu"));
        assertThat(settings.baselineVersion()).isEqualTo("3");
        assertThat(settings.table()).isEqualTo("pom_history");
        assertThat(settings.schemas()).containsExactly("billing", "audit");
        assertThat(settings.historySchema()).isEqualTo("billing");
        assertThat(settings.outOfOrder()).isTrue();
        assertThat(settings.resolvedLocations().get(0).scriptRoots())
                .containsExactly(project.toAbsolutePath().resolve("sql/postgresql"));
    }

    @Test
    void springBootApplicationProperties() throws Exception {
        write(project.resolve("src/main/resources/application.properties"), """
                spring.datasource.url=jdbc:postgresql://db:5432/shop
                spring.datasource.username=shop_user
                spring.flyway.locations=classpath:db/migration,classpath:db/seed
                spring.flyway.placeholders.owner=${DB_OWNER:spring_owner}
                spring.flyway.baseline-version=4
                spring.flyway.table=spring_history
                spring.flyway.default-schema=shop
                spring.flyway.sqlMigrationSuffixes=.sql
                """);
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations()).containsExactly("classpath:db/migration", "classpath:db/seed");
        assertThat(settings.placeholders()).containsExactly(Map.entry("owner", "spring_owner"));
        assertThat(settings.baselineVersion()).isEqualTo("4");
        assertThat(settings.table()).isEqualTo("spring_history");
        assertThat(settings.defaultSchema()).isEqualTo("shop");
        assertThat(settings.user()).isEqualTo("shop_user");
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/shop");
    }

    @Test
    void quarkusFlywayExtensionProperties() throws Exception {
        write(project.resolve("src/main/resources/application.properties"), """
                quarkus.datasource.jdbc.url=jdbc:postgresql://dev:5432/shop
                %prod.quarkus.datasource.jdbc.url=jdbc:postgresql://db:5432/shop
                quarkus.datasource.username=shop_user
                quarkus.flyway.migrate-at-start=true
                quarkus.flyway.locations=db/migration,db/seed
                quarkus.flyway.placeholders.owner=quarkus_owner
                quarkus.flyway.baseline-version=4
                quarkus.flyway.table=quarkus_history
                %prod.quarkus.flyway.table=prod_history
                quarkus.flyway.default-schema=shop
                """);
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations()).containsExactly("db/migration", "db/seed");
        assertThat(settings.placeholders()).containsExactly(Map.entry("owner", "quarkus_owner"));
        assertThat(settings.baselineVersion()).isEqualTo("4");
        assertThat(settings.table()).isEqualTo("prod_history");
        assertThat(settings.defaultSchema()).isEqualTo("shop");
        assertThat(settings.user()).isEqualTo("shop_user");
        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/shop");
    }

    @Test
    void springBootApplicationYaml() throws Exception {
        write(project.resolve("src/main/resources/application.yml"), """
                spring:
                  flyway:
                    locations:
                      - classpath:db/migration
                      - filesystem:extra
                    placeholders:
                      owner: yaml_owner
                    baselineVersion: 5
                    schemas: shop,audit
                    out-of-order: true
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  flyway:
                    table: only_in_tests
                """);
        FlywaySettings settings = FlywaySettings.read(project, Map.of());
        assertThat(settings.locations()).containsExactly("classpath:db/migration", "filesystem:extra");
        assertThat(settings.placeholders()).containsExactly(Map.entry("owner", "yaml_owner"));
        assertThat(settings.baselineVersion()).isEqualTo("5");
        assertThat(settings.schemas()).containsExactly("shop", "audit");
        assertThat(settings.outOfOrder()).isTrue();
        assertThat(settings.table()).isEqualTo("flyway_schema_history");
    }

    @Test
    void laterSourcesWinSettingBySetting() throws Exception {
        write(project.resolve("flyway.conf"), """
                flyway.table=conf_history
                flyway.placeholders.owner=conf_owner
                flyway.placeholders.only_conf=c
                flyway.baselineVersion=1
                flyway.encoding=ISO-8859-1
                """);
        write(project.resolve("pom.xml"), POM);
        write(project.resolve("src/main/resources/application.properties"), """
                spring.flyway.table=spring_history
                spring.flyway.placeholders.owner=spring_owner
                """);
        write(project.resolve("src/main/resources/application.yaml"), """
                spring.flyway.placeholders.region: yaml_region
                """);
        FlywaySettings settings = FlywaySettings.read(
                project, Map.of("table", "given_history", "placeholders.owner", "given_owner", "bogus", "x"));
        assertThat(settings.table()).isEqualTo("given_history");
        assertThat(settings.placeholders())
                .containsOnly(
                        Map.entry("owner", "given_owner"),
                        Map.entry("only_conf", "c"),
                        Map.entry("region", "yaml_region"));
        assertThat(settings.baselineVersion()).isEqualTo("3"); // the pom's over flyway.conf's
        assertThat(settings.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(settings.schemas()).containsExactly("billing", "audit");
        assertThat(settings.sources())
                .containsExactly(
                        "flyway.conf",
                        "pom.xml",
                        "src/main/resources/application.properties",
                        "src/main/resources/application.yaml",
                        "-Dmigrate.import.flyway.*");
        assertThat(settings.warnings())
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("-Dmigrate.import.flyway.bogus"))
                .anySatisfy(w -> assertThat(w)
                        .startsWith("Flyway's table is pom_history in pom.xml (flyway-maven-plugin) and "
                                + "spring_history in spring.flyway.table; the import takes spring_history"));
        assertThat(List.of(settings.locations().get(1))).containsExactly("classpath:db/extra");
    }
}
