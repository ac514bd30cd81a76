package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet every face builds from the settings of a run, read by the settings table. */
class FleetSettingsTest {
    private static final ConnectionResolver.Credentials LOGIN = new ConnectionResolver.Credentials("app", "secret");

    @TempDir
    Path project;

    @Test
    void noTenantsAndNoDatabasesIsNoFleet() {
        assertThat(FleetSettings.of(
                        GivenSettings.on(Face.COMMAND_LINE)
                                .with("parallel", "4")
                                .resolve(),
                        project,
                        () -> {
                            throw new AssertionError("the login is asked only for databases");
                        },
                        null))
                .isNull();
    }

    @Test
    void tenantSchemasTakeTheRowsDefaults() {
        FleetSettings fleet = Objects.requireNonNull(FleetSettings.of(
                GivenSettings.on(Face.MAVEN).with("tenants", "tenant_%").resolve(), project, () -> LOGIN, null));
        assertThat(fleet.tenants()).isEqualTo("tenant_%");
        assertThat(fleet.inTheDatabase()).isTrue();
        assertThat(fleet.parallel()).isNull();
        assertThat(fleet.failFast()).isFalse();
        assertThat(fleet.canary()).isZero();
        assertThat(fleet.user()).as("the login is for database URLs").isNull();
    }

    @Test
    void databasesFromAFileTakeTheLoginAndTheRunSettings() throws IOException {
        Files.writeString(
                project.resolve("tenants.txt"), "# the fleet\njdbc:postgresql://a/app\n\njdbc:postgresql://b/app\n");
        FleetSettings fleet = Objects.requireNonNull(FleetSettings.of(
                GivenSettings.on(Face.COMMAND_LINE)
                        .with("databases", "@tenants.txt")
                        .with("parallel", "3")
                        .with("failFast", "true")
                        .with("canary", "1")
                        .resolve(),
                project,
                () -> LOGIN,
                null));
        assertThat(fleet.databases()).containsExactly("jdbc:postgresql://a/app", "jdbc:postgresql://b/app");
        assertThat(List.of(fleet.user(), fleet.password())).containsExactly("app", "secret");
        assertThat(fleet.parallel()).isEqualTo(3);
        assertThat(fleet.failFast()).isTrue();
        assertThat(fleet.canary()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsNamedAsTheFaceSpellsTheSetting() {
        assertThatThrownBy(() -> FleetSettings.of(
                        GivenSettings.on(Face.MAVEN)
                                .with("databases", "@none.txt")
                                .resolve(),
                        project,
                        () -> LOGIN,
                        null))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("(migrate.databases @...) does not exist");
        assertThatThrownBy(() -> FleetSettings.of(
                        GivenSettings.on(Face.COMMAND_LINE)
                                .with("databases", " , ")
                                .resolve(),
                        project,
                        () -> LOGIN,
                        null))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("--databases names no database");
    }

    @Test
    void aStarterFleetTakesItsRunSettingsFromTheTable() {
        FleetSettings fleet = FleetSettings.ofSchemas(
                GivenSettings.on(Face.SPRING_BOOT)
                        .with("parallel", "2")
                        .with("canary", "5")
                        .resolve(),
                "tenant_a,tenant_b",
                java.util.Map.of());
        assertThat(fleet.tenants()).isEqualTo("tenant_a,tenant_b");
        assertThat(fleet.parallel()).isEqualTo(2);
        assertThat(fleet.canary()).isEqualTo(5);
        assertThat(fleet.failFast()).isFalse();
    }
}
