package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code quarkus.hibernate-orm.*} settings a Quarkus application gives Hibernate, read as Quarkus reads them. */
class QuarkusOrmSettingsTest {
    @TempDir
    Path root;

    private void properties(String text) throws Exception {
        Files.writeString(root.resolve("application.properties"), text);
    }

    @Test
    void namingSchemaTimeZoneStoragePackagesAndUnsupportedPropertiesReachHibernateByItsNames() throws Exception {
        properties("""
                quarkus.datasource.db-kind=postgresql
                quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
                quarkus.hibernate-orm.implicit-naming-strategy=com.example.Implicit
                quarkus.hibernate-orm.database.default-schema=shop
                quarkus.hibernate-orm.mapping.timezone.default-storage=normalize-utc
                quarkus.hibernate-orm.packages=com.example.orders, com.example.billing
                quarkus.hibernate-orm.unsupported-properties."hibernate.type.preferred_uuid_jdbc_type"=CHAR
                """);
        QuarkusOrmSettings settings = QuarkusOrmSettings.read(root, null, Map.of());
        assertThat(settings.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                        "hibernate.implicit_naming_strategy",
                        "com.example.Implicit",
                        "hibernate.default_schema",
                        "shop",
                        "hibernate.timezone.default_storage",
                        "NORMALIZE_UTC",
                        "hibernate.type.preferred_uuid_jdbc_type",
                        "CHAR"));
        assertThat(settings.packages()).containsExactly("com.example.orders", "com.example.billing");
        assertThat(settings.sources()).containsExactly("application.properties");
        assertThat(settings.profile()).isEqualTo("prod");
    }

    @Test
    void theProfilesKeysWinAndTheProfileComesFromTheCommandLineTheEnvironmentOrTheFile() throws Exception {
        properties("""
                quarkus.profile=staging
                quarkus.hibernate-orm.database.default-schema=base
                %dev.quarkus.hibernate-orm.database.default-schema=dev_schema
                %staging.quarkus.hibernate-orm.database.default-schema=staging_schema
                %prod.quarkus.hibernate-orm.database.default-schema=prod_schema
                """);
        assertThat(schema(QuarkusOrmSettings.read(root, null, Map.of()))).isEqualTo("staging_schema");
        assertThat(schema(QuarkusOrmSettings.read(root, null, Map.of("QUARKUS_PROFILE", "prod"))))
                .isEqualTo("prod_schema");
        assertThat(schema(QuarkusOrmSettings.read(root, "dev", Map.of("QUARKUS_PROFILE", "prod"))))
                .isEqualTo("dev_schema");
        assertThat(schema(QuarkusOrmSettings.read(root, "test", Map.of()))).isEqualTo("base");
    }

    @Test
    void thePackagesOfTheExtensionsRevisionsAreReadWithTheProfile() throws Exception {
        properties("""
                quarkus.migrate.packages=com.example.db.migrations, com.example.db.seed
                %dev.quarkus.migrate.packages=com.example.dev.migrations
                """);
        assertThat(QuarkusOrmSettings.read(root, null, Map.of()).migrationPackages())
                .containsExactly("com.example.db.migrations", "com.example.db.seed");
        assertThat(QuarkusOrmSettings.read(root, "dev", Map.of()).migrationPackages())
                .containsExactly("com.example.dev.migrations");
        properties("quarkus.hibernate-orm.database.default-schema=shop\n");
        assertThat(QuarkusOrmSettings.read(root, null, Map.of()).migrationPackages())
                .isEmpty();
    }

    @Test
    void withoutAProfileTheProductionSettingsAreRead() throws Exception {
        properties("""
                %dev.quarkus.hibernate-orm.database.default-schema=dev_schema
                %prod.quarkus.hibernate-orm.database.default-schema=prod_schema
                """);
        assertThat(schema(QuarkusOrmSettings.read(root, null, Map.of()))).isEqualTo("prod_schema");
    }

    @Test
    void placeholdersResolveFromTheFileThenTheEnvironmentAndAMissingOneIsNamed() throws Exception {
        properties("""
                app.schema=from_file
                quarkus.hibernate-orm.database.default-schema=${app.schema}
                quarkus.hibernate-orm.database.default-catalog=${CATALOG:fallback}
                quarkus.hibernate-orm.implicit-naming-strategy=${NAMING_CLASS}
                """);
        assertThatThrownBy(() -> QuarkusOrmSettings.read(root, null, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("quarkus.hibernate-orm.implicit-naming-strategy refers to ${NAMING_CLASS}");
        QuarkusOrmSettings settings = QuarkusOrmSettings.read(root, null, Map.of("NAMING_CLASS", "com.example.N"));
        assertThat(settings.properties())
                .containsEntry("hibernate.default_schema", "from_file")
                .containsEntry("hibernate.default_catalog", "fallback")
                .containsEntry("hibernate.implicit_naming_strategy", "com.example.N");
    }

    @Test
    void anApplicationWithoutQuarkusSettingsGivesNothingAndSaysNothing() throws Exception {
        properties("spring.jpa.properties.hibernate.default_schema=spring_schema\n");
        assertThat(QuarkusOrmSettings.read(root, null, Map.of()).isEmpty()).isTrue();
        List<String> said = new ArrayList<>();
        ApplicationJpa application = ApplicationJpa.read(root, name -> null, Map.of(), said::add);
        assertThat(application.properties()).containsExactly(Map.entry("hibernate.default_schema", "spring_schema"));
        assertThat(said).singleElement().asString().startsWith("Using the Spring Boot JPA settings of");
        Files.delete(root.resolve("application.properties"));
        assertThat(QuarkusOrmSettings.read(root, null, Map.of()).isEmpty()).isTrue();
    }

    @Test
    void theApplicationsPackagesAreComparedUnlessTheFaceNamesItsOwn() throws Exception {
        properties("quarkus.hibernate-orm.packages=com.example.orders\n");
        List<String> said = new ArrayList<>();
        ApplicationJpa application = ApplicationJpa.read(root, name -> null, Map.of(), said::add);
        assertThat(application.packagesOr(List.of())).containsExactly("com.example.orders");
        assertThat(application.packagesOr(List.of("com.example.mine"))).containsExactly("com.example.mine");
        assertThat(said)
                .containsExactly(
                        "Using the Quarkus Hibernate ORM settings of application.properties (profile prod); the"
                                + " entities of com.example.orders. Settings given to migrate win over them.");
    }

    private static @Nullable String schema(QuarkusOrmSettings settings) {
        return settings.properties().get("hibernate.default_schema");
    }
}
