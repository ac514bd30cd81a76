package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringJpaSettingsTest {
    @TempDir
    Path root;

    private void write(String name, String text) throws Exception {
        Files.writeString(root.resolve(name), text);
    }

    @Test
    void yamlNamingAndPassThroughPropertiesBindAsSpringBindsThem() throws Exception {
        write("application.yml", """
                spring:
                  jpa:
                    hibernate:
                      ddl-auto: validate
                      naming:
                        physical-strategy: com.example.MyPhysical
                        implicitStrategy: com.example.MyImplicit
                    properties:
                      hibernate:
                        default_schema: app
                        type.preferred_instant_jdbc_type: TIMESTAMP
                      "[hibernate.jdbc.time_zone]": UTC
                """);
        SpringJpaSettings settings = SpringJpaSettings.read(root, null, Map.of());
        assertThat(settings.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "hibernate.physical_naming_strategy", "com.example.MyPhysical",
                        "hibernate.implicit_naming_strategy", "com.example.MyImplicit",
                        "hibernate.default_schema", "app",
                        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP",
                        "hibernate.jdbc.time_zone", "UTC"));
        assertThat(settings.sources()).containsExactly("application.yml");
    }

    @Test
    void profilesFromTheCommandLineTheEnvironmentOrTheFileOverrideTheBase() throws Exception {
        write("application.properties", """
                spring.profiles.active=dev
                spring.jpa.properties.hibernate.default_schema=base
                spring.jpa.properties[hibernate.format_sql]=true
                """);
        write("application.yml", """
                spring.jpa.properties.hibernate.default_schema: from-yaml-loses-to-properties
                ---
                spring:
                  config.activate.on-profile: prod
                  jpa.properties.hibernate.default_schema: prod_doc
                """);
        write("application-dev.yml", "spring.jpa.hibernate.naming.physical_strategy: com.example.DevNaming\n");
        write("application-prod.properties", "spring.jpa.properties.hibernate.default_schema=prod_file\n");

        SpringJpaSettings fromFile = SpringJpaSettings.read(root, null, Map.of());
        assertThat(fromFile.profiles()).containsExactly("dev");
        assertThat(fromFile.properties())
                .containsEntry("hibernate.default_schema", "base")
                .containsEntry("hibernate.format_sql", "true")
                .containsEntry("hibernate.physical_naming_strategy", "com.example.DevNaming");

        SpringJpaSettings prod = SpringJpaSettings.read(root, "prod", Map.of("SPRING_PROFILES_ACTIVE", "dev"));
        assertThat(prod.profiles()).containsExactly("prod");
        assertThat(prod.properties())
                .containsEntry("hibernate.default_schema", "prod_file")
                .doesNotContainKey("hibernate.physical_naming_strategy");

        assertThat(SpringJpaSettings.read(root, null, Map.of("SPRING_PROFILES_ACTIVE", "prod"))
                        .profiles())
                .containsExactly("prod");
    }

    @Test
    void placeholdersResolveFromTheEnvironmentOrTheirDefault() throws Exception {
        write("application.yml", """
                spring.jpa.properties.hibernate.default_schema: ${APP_SCHEMA:public}
                spring.jpa.properties.hibernate.other: ${OTHER}
                """);
        assertThat(SpringJpaSettings.read(root, null, Map.of("OTHER", "x")).properties())
                .containsEntry("hibernate.default_schema", "public")
                .containsEntry("hibernate.other", "x");
        assertThatThrownBy(() -> SpringJpaSettings.read(root, null, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("spring.jpa.properties.hibernate.other refers to ${OTHER}, which is not set");
    }

    /** The starter's own packages, which the plugin's goals then read the revisions from. */
    @Test
    void theStartersMigrationPackagesAreReadWithTheirProfile() throws Exception {
        write("application.properties", "migrate.packages=com.example.db\nspring.profiles.active=dev\n");
        write("application-dev.yml", """
                migrate:
                  packages:
                    - com.example.db
                    - com.example.devdata
                """);
        assertThat(SpringJpaSettings.read(root, null, Map.of()).migrationPackages())
                .containsExactly("com.example.db", "com.example.devdata");
        assertThat(SpringJpaSettings.read(root, "prod", Map.of()).migrationPackages())
                .containsExactly("com.example.db");
        write("application.properties", "migrate.packages=${DB_PACKAGES:com.example.fallback}\n");
        assertThat(SpringJpaSettings.read(root, "prod", Map.of()).migrationPackages())
                .containsExactly("com.example.fallback");
    }

    @Test
    void noSpringFilesNoSettings() {
        assertThat(SpringJpaSettings.read(root, null, Map.of()).properties()).isEmpty();
    }

    @Test
    void aBrokenFileIsNamed() throws Exception {
        write("application.yml", "spring: [unclosed\n");
        assertThatThrownBy(() -> SpringJpaSettings.read(root, null, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("application.yml");
    }
}
