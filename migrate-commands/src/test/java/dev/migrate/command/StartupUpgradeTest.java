package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rule both applications' startups share: drift is validated only after an upgrade to head. */
class StartupUpgradeTest {
    @Test
    void anUpgradeGoesToHeadByDefault() {
        assertThat(StartupUpgrade.of(GivenSettings.on(Face.SPRING_BOOT).resolve()))
                .isEqualTo(new StartupUpgrade("head", false));
        assertThat(StartupUpgrade.of(GivenSettings.on(Face.QUARKUS)
                        .with("validateDrift", "true")
                        .with("target", "heads")
                        .resolve()))
                .isEqualTo(new StartupUpgrade("heads", true));
        assertThat(StartupUpgrade.of(GivenSettings.on(Face.SPRING_BOOT)
                        .with("target", "20261120_093000")
                        .resolve()))
                .isEqualTo(new StartupUpgrade("20261120_093000", false));
    }

    @Test
    void driftAfterAnUpgradeShortOfHeadIsRefusedAsTheApplicationSpellsIt() {
        assertThatThrownBy(() -> StartupUpgrade.of(GivenSettings.on(Face.SPRING_BOOT)
                        .with("validateDrift", "true")
                        .with("target", "-1")
                        .resolve()))
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "migrate.validate-drift compares the database with the schema of the head, and migrate.target"
                                + " is -1. Upgrade to head (remove migrate.target), or turn migrate.validate-drift off.");
        UnaryOperator<String> inventory =
                key -> "quarkus.migrate.\"inventory\"." + key.substring("quarkus.migrate.".length());
        assertThatThrownBy(() -> StartupUpgrade.of(GivenSettings.on(Face.QUARKUS)
                        .spelledAs(inventory)
                        .with("validateDrift", "true")
                        .with("target", "r1")
                        .resolve()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("quarkus.migrate.\"inventory\".validate-drift compares the database with the"
                        + " schema of the head, and quarkus.migrate.\"inventory\".target is r1.");
    }
}
