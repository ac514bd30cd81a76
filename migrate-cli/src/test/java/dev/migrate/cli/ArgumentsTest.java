package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.TransactionMode;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void readsBothSpellingsOfAnOptionAndTheFlags() {
        Arguments arguments = Arguments.parse(List.of(
                "upgrade", "--url", "jdbc:postgresql://db:5432/app", "--target=20261120_093000", "--sql", "--verbose"));

        assertThat(arguments.command()).isEqualTo(CliCommand.UPGRADE);
        assertThat(arguments.value(CliOption.URL)).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(arguments.positionalValue()).isEqualTo("20261120_093000");
        assertThat(arguments.flag(CliOption.SQL)).isTrue();
        assertThat(arguments.flag(CliOption.VERBOSE)).isTrue();
        assertThat(arguments.flag(CliOption.ACCEPT_FUTURE_REVISIONS)).isFalse();
    }

    @Test
    void aBareArgumentIsTheTargetAndMinusOneIsNoOption() {
        assertThat(Arguments.parse(List.of("downgrade", "-1")).positionalValue())
                .isEqualTo("-1");
        assertThat(Arguments.parse(List.of("downgrade", "--target", "-2")).positionalValue())
                .isEqualTo("-2");
        assertThat(Arguments.parse(List.of("downgrade")).positionalValue()).isEqualTo("-1");
        // a range that starts with a step back is the target too, its form checked as a target's
        assertThat(Arguments.parse(List.of("upgrade", "-1:head")).positionalValue())
                .isEqualTo("-1:head");
        assertThat(Arguments.parse(List.of("upgrade")).positionalValue()).isEqualTo("head");
        assertThat(Arguments.parse(List.of("show", "20261120")).positionalValue())
                .isEqualTo("20261120");
    }

    @Test
    void aFlagTakesTrueOrFalseOnly() {
        assertThat(Arguments.parse(List.of("stamp", "--purge=false")).flag(CliOption.PURGE))
                .isFalse();
        assertThatThrownBy(() -> Arguments.parse(List.of("stamp", "--purge=yes")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--purge is a flag");
    }

    @Test
    void durationsNeedAUnit() {
        Arguments arguments = Arguments.parse(List.of("upgrade", "--lock-timeout", "5s", "--statement-timeout=PT1M"));
        assertThat(arguments.duration(java.util.Objects.requireNonNull(CliOption.named("lock-timeout"))))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(arguments.duration(java.util.Objects.requireNonNull(CliOption.named("statement-timeout"))))
                .isEqualTo(Duration.ofMinutes(1));

        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--lock-timeout", "10")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("The --lock-timeout '10' has no unit: write 10s for seconds or 10ms");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--parallel", "none")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--parallel 'none' is not a count");
    }

    @Test
    void readsTheRunSettingsAsThePluginsParameters() {
        Arguments arguments = Arguments.parse(List.of(
                "upgrade",
                "--rebuild-invalid-indexes=false",
                "--transaction-mode",
                "all",
                "--lock-retries=0",
                "--canary",
                "2",
                "--fail-fast"));
        assertThat(arguments.flag(CliOption.REBUILD_INVALID_INDEXES, true)).isFalse();
        assertThat(Arguments.parse(List.of("upgrade")).flag(CliOption.REBUILD_INVALID_INDEXES, true))
                .isTrue();
        ResolvedSettings settings = arguments.settings().resolve();
        assertThat(settings.given(SettingsTable.TRANSACTION_MODE)).isEqualTo(TransactionMode.ALL);
        assertThat(settings.given(SettingsTable.LOCK_RETRIES)).isZero();
        assertThat(settings.given(SettingsTable.LOCK_TIMEOUT)).isNull();
        assertThat(arguments.count(CliOption.CANARY, 0)).isEqualTo(2);
        assertThat(arguments.flag(CliOption.FAIL_FAST)).isTrue();

        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--transaction-mode", "each")))
                .isInstanceOf(UsageException.class)
                .hasMessage("The --transaction-mode 'each' is not known. Use per_migration or all.");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--lock-wait-timeout", "soon")))
                .isInstanceOf(UsageException.class)
                .hasMessage("The --lock-wait-timeout 'soon' is not a duration. Write it as 500ms, 10s, 2min, 1h or"
                        + " PT10S.");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--lock-retries", "-1")))
                .hasMessageContaining("The --lock-retries '-1' is not a count");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--canary=-1")))
                .hasMessageContaining("The --canary '-1' is not a count: write a whole number of 0 or more");
        assertThatThrownBy(() -> Arguments.parse(List.of("history", "--parallel", "2")))
                .hasMessageContaining("The option --parallel does not apply to history: upgrade, downgrade,"
                        + " current, stamp, complete, drift take it.");
        assertThat(Arguments.parse(List.of("current", "--parallel", "2")).count(CliOption.PARALLEL, 0))
                .isEqualTo(2);
    }

    @Test
    void refusesAnUnknownCommandNamingTheClosest() {
        assertThatThrownBy(() -> Arguments.parse(List.of("upgarde")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown command 'upgarde'. Did you mean 'upgrade'? migrate --help lists the commands.");
        assertThatThrownBy(() -> Arguments.parse(List.of("histroy"))).hasMessageContaining("Did you mean 'history'?");
        assertThatThrownBy(() -> Arguments.parse(List.of("deploy")))
                .hasMessage("Unknown command 'deploy'. migrate --help lists the commands.");
    }

    @Test
    void refusesAnUnknownOptionNamingTheClosestOfTheCommand() {
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--trget", "head")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown option '--trget' for upgrade. Did you mean '--target'? migrate upgrade --help"
                        + " lists its options.");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "-target", "head")))
                .hasMessageContaining("did you mean '--target'?");
        assertThatThrownBy(() -> Arguments.parse(List.of("current", "--sql-fil=x.sql")))
                .hasMessageContaining("Unknown option '--sql-fil' for current.");
    }

    @Test
    void refusesAnotherCommandsOption() {
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--purge")))
                .isInstanceOf(UsageException.class)
                .hasMessage("The option --purge does not apply to upgrade: stamp takes it. migrate upgrade --help"
                        + " lists its options.");
    }

    @Test
    void refusesMissingEmptyAndRepeatedValues() {
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--url")))
                .hasMessage("The option --url needs a value: --url <url>.");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "--url=")))
                .hasMessageContaining("--url is given an empty value");
        assertThatThrownBy(() -> Arguments.parse(List.of("upgrade", "head", "--target", "base")))
                .hasMessageContaining("The target is given twice");
        assertThatThrownBy(() -> Arguments.parse(List.of("heads", "extra")))
                .hasMessageContaining("heads takes no argument");
        assertThatThrownBy(() -> Arguments.parse(List.of("--url", "x", "upgrade")))
                .hasMessageContaining("The command comes first");
    }

    @Test
    void exitsTwoBeforeAnythingRunsAndZeroForHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(
                Map.of("MIGRATE_DATABASE_URL", "jdbc:postgresql://nowhere.invalid:1/none"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of("."));

        assertThat(cli.run("upgarde")).isEqualTo(2);
        assertThat(cli.run("upgrade", "--taget", "head")).isEqualTo(2);
        assertThat(cli.run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Did you mean 'upgrade'?", "Did you mean '--target'?", "No command given")
                .doesNotContain("nowhere.invalid", "Exception");

        assertThat(cli.run("--help")).isZero();
        assertThat(cli.run("stamp", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("upgrade", "downgrade", "current", "history", "heads", "branches", "show", "stamp")
                .contains("--purge", "Exit codes: 0 success, 1 failure, 2");
    }

    @Test
    void namesTheClosestOnlyWhenItIsNear() {
        assertThat(Arguments.closest("curent", List.of("current", "history"))).contains("current");
        assertThat(Arguments.closest("xyz", List.of("current", "history"))).isEmpty();
        assertThat(dev.migrate.command.NearestName.distance("upgarde", "upgrade"))
                .isEqualTo(1);
    }
}
