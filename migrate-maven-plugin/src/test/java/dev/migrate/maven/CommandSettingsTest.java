package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.mcp.UserCommands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each user command declares the settings it takes in its class ({@link TakenSettings}), as Liquibase's command steps
 * declare their arguments, and nowhere else: a setting is added in two places, its row of the table and the
 * declarations of the commands that take it. Every row declared is the table's, every row a goal or the command line
 * takes is declared by a command (the others are the starter's, Quarkus' or the Java API's alone), and each goal's
 * parameters, as {@code mvn help:describe} and the docs show them, are the rows its command declares.
 */
class CommandSettingsTest {
    @Test
    void everyGoalHasOneDeclaration() throws Exception {
        Set<String> goals = PluginXml.goals().stream()
                .map(PluginXml.Goal::name)
                .filter(name -> !name.equals("help"))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> declared =
                UserCommands.ALL.stream().map(TakenSettings::command).sorted().toList();

        assertThat(declared)
                .as("the commands that declare their settings, one per goal")
                .doesNotHaveDuplicates();
        assertThat(new TreeSet<>(declared)).isEqualTo(goals);
    }

    @Test
    void everyDeclaredRowIsARowOfTheTable() {
        assertThat(notOfTheTable(UserCommands.ALL)).isEmpty();
    }

    @Test
    void aDeclaredRowTheTableLacksIsNamed() {
        Setting<String> stray = Setting.named("stray", SettingType.TEXT).documented("Not a row of the table.");
        assertThat(notOfTheTable(List.of(TakenSettings.every("heads").and(stray))))
                .containsExactly("heads declares stray, which must be the settings table's own row");
        assertThat(notOfTheTable(List.of(TakenSettings.every("heads").andOnCommandLine(stray))))
                .containsExactly("heads declares stray, which must be the settings table's own row");
    }

    @Test
    void everyRowAGoalOrTheCommandLineTakesIsDeclaredByACommand() {
        assertThat(undeclared(SettingsTable.ALL, UserCommands.ALL)).isEmpty();
        assertThat(SettingsTable.ALL.stream()
                        .filter(row -> UserCommands.taking(row).isEmpty()))
                .as("the starter's, Quarkus' and the Java API's own rows")
                .isNotEmpty();
    }

    @Test
    void aRowAddedToTheTableAloneIsNamed() {
        // a new row of the plugin and the command line, which no command declares yet
        Setting<String> added = Setting.named("added", SettingType.TEXT).documented("A setting no command takes yet.");
        assertThat(undeclared(List.of(added), UserCommands.ALL))
                .containsExactly(
                        "added is taken by the plugin but no command declares it: add it to the SETTINGS of the"
                                + " commands that take it",
                        "added is taken by the command line but no command declares it: add it to the SETTINGS of"
                                + " the commands that take it");
        assertThat(undeclared(
                        List.of(added), List.of(TakenSettings.every("heads").and(added))))
                .isEmpty();
        // and a row of the starter alone, which a command declares
        Setting<String> starters = Setting.named("startersOwn", SettingType.TEXT)
                .notIn(Face.MAVEN, "the starter's")
                .notIn(Face.COMMAND_LINE, "the starter's")
                .documented("A setting of the starter alone.");
        assertThat(undeclared(
                        List.of(starters), List.of(TakenSettings.every("heads").and(starters))))
                .containsExactly("heads declares startersOwn, which neither the plugin nor the command line takes:"
                        + " declare it nowhere, or say how the plugin or the command line spells it");
    }

    @Test
    void aDefaultOfACommandNamesACommandThatTakesIt() {
        int checked = 0;
        for (Setting<?> setting : SettingsTable.ALL) {
            for (String command : setting.defaults().keySet()) {
                assertThat(UserCommands.taking(setting))
                        .as("%s names %s, which takes it", setting.name(), command)
                        .contains(command);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /** The rows of {@code declared} that are not the table's own, each named with its command. */
    @SuppressWarnings("ReferenceEquality") // the table's own row, not another of the same name
    private static List<String> notOfTheTable(List<TakenSettings> declared) {
        List<String> found = new ArrayList<>();
        for (TakenSettings taken : declared) {
            Set<Setting<?>> rows = new LinkedHashSet<>(taken.rows());
            rows.addAll(taken.commandLine());
            for (Setting<?> row : rows) {
                if (SettingsTable.named(row.name()) != row) {
                    found.add(taken.command() + " declares " + row.name()
                            + ", which must be the settings table's own row");
                }
            }
        }
        return found;
    }

    /**
     * The rows a goal or the command line takes that no command declares for it, and the rows a command declares
     * that neither takes, each named with the fix.
     */
    private static List<String> undeclared(List<Setting<?>> rows, List<TakenSettings> declared) {
        List<String> found = new ArrayList<>();
        for (Setting<?> row : rows) {
            if (row.takenBy(Face.MAVEN) && declared.stream().noneMatch(taken -> taken.takes(row))) {
                found.add(row.name() + " is taken by the plugin but no command declares it: add it to the SETTINGS"
                        + " of the commands that take it");
            }
            if (row.takenBy(Face.COMMAND_LINE) && declared.stream().noneMatch(taken -> taken.takesOnCommandLine(row))) {
                found.add(row.name() + " is taken by the command line but no command declares it: add it to the"
                        + " SETTINGS of the commands that take it");
            }
            if (!row.takenBy(Face.MAVEN) && !row.takenBy(Face.COMMAND_LINE)) {
                declared.stream()
                        .filter(taken -> taken.rows().contains(row)
                                || taken.commandLine().contains(row))
                        .forEach(taken -> found.add(taken.command() + " declares " + row.name()
                                + ", which neither the plugin nor the command line takes: declare it nowhere, or say"
                                + " how the plugin or the command line spells it"));
            }
        }
        return found;
    }

    @Test
    void eachGoalsParametersAreTheRowsItsCommandDeclares() throws Exception {
        Map<String, String> rowOfParameter = new TreeMap<>();
        for (Setting<?> row : SettingsTable.ALL) {
            if (row.takenBy(Face.MAVEN)) {
                row.spellings().getOrDefault(Face.MAVEN, List.of()).stream()
                        .filter(form -> form.startsWith("<"))
                        .forEach(form -> rowOfParameter.put(form.substring(1, form.length() - 1), row.name()));
            }
        }
        Map<String, Set<String>> described = new TreeMap<>();
        for (PluginXml.Goal goal : PluginXml.goals()) {
            if (goal.name().equals("help")) {
                continue;
            }
            Set<String> rows = new TreeSet<>();
            for (var parameter : goal.parameters()) {
                String row = rowOfParameter.get(PluginXml.text(parameter, "name"));
                if (row != null) {
                    rows.add(row);
                }
            }
            described.put(goal.name(), rows);
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (TakenSettings taken : UserCommands.ALL) {
            declared.put(
                    taken.command(),
                    taken.rows().stream()
                            .filter(row -> row.takenBy(Face.MAVEN))
                            .map(Setting::name)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(declared)
                .as("per goal, the settings its command declares and the parameters of the goal")
                .isEqualTo(described);
    }

    @Test
    void aRowDeclaredTwiceIsRefusedNamingTheCommand() {
        assertThatThrownBy(() -> TakenSettings.every("heads").and(SettingsTable.VERBOSE, SettingsTable.VERBOSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heads")
                .hasMessageContaining("verbose")
                .hasMessageContaining("declare each row once");
    }
}
