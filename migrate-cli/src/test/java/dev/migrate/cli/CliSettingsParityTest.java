package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingSamples;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of the settings table the command line takes is an option of each command that declares it for the
 * command line, and of no other, read as the row's type reads it; a row the command line does not take says why.
 */
class CliSettingsParityTest {
    @Test
    void helpSpeaksOfTheCommandLineNotOfMaven() {
        // a row's page text names the plugin's spellings of settings; where it does, the row gives the command line's
        // own words (a project's pom or target/classes are the user's files, which the command line may name)
        List<String> naming = new ArrayList<>();
        for (CliOption option : CliOption.ALL) {
            String description = option.description();
            for (String maven : List.of("-Dmigrate.", "<configuration>", "<migrate.")) {
                if (description.contains(maven)) {
                    naming.add(option.written() + " names " + maven + ": " + description);
                }
            }
        }
        assertThat(naming).isEmpty();
    }

    @Test
    void eachCommandReadsTheDeclarationOfItsOwnCommand() {
        for (CliCommand command : CliCommand.values()) {
            assertThat(command.settings().command())
                    .as("%s's settings", command)
                    .isEqualTo(command.commandName());
        }
    }

    @Test
    void eachCommandTakesEachOfItsSettingsOfTheTable() {
        int checked = 0;
        for (Setting<?> setting : SettingsTable.ALL) {
            if (!setting.takenBy(Face.COMMAND_LINE)) {
                assertThat(setting.absent().get(Face.COMMAND_LINE))
                        .as("why the command line does not take %s", setting.name())
                        .isNotBlank();
                continue;
            }
            String option = setting.spelled(Face.COMMAND_LINE);
            CliOption parsed = CliOption.named(option.substring(2));
            assertThat(parsed).as(option).isNotNull();
            for (CliCommand command : CliCommand.values()) {
                String name = command.commandName();
                if (!command.settings().takesOnCommandLine(setting)) {
                    assertThat(command.options()).as("%s %s", name, option).doesNotContain(parsed);
                    continue;
                }
                assertThat(command.options()).as("%s %s", name, option).contains(parsed);
                if (setting.run() == null) {
                    continue;
                }
                String sample = SettingSamples.of(setting.type());
                List<String> args = new ArrayList<>(List.of(name));
                args.add(setting.type().equals(SettingType.FLAG) ? option : option + "=" + sample);
                Arguments arguments = Arguments.parse(args);
                assertThat(arguments.settings().resolve().given(setting))
                        .as("%s %s", name, option)
                        .isEqualTo(setting.type().read(option, sample));
                checked++;
            }
        }
        assertThat(checked).as("run settings checked on commands").isGreaterThan(50);
    }
}
