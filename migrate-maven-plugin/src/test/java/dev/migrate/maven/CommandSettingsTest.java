package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.command.BranchesCommand;
import dev.migrate.command.CompleteCommand;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.HeadsCommand;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.RebaseCommand;
import dev.migrate.command.ShowCommand;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.command.tooling.AutogenerateCommand;
import dev.migrate.command.tooling.BaselineCommand;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.command.tooling.DiagramCommand;
import dev.migrate.command.tooling.DriftCommand;
import dev.migrate.command.tooling.ImportCommand;
import dev.migrate.command.tooling.LintCommand;
import dev.migrate.command.tooling.MergeCommand;
import dev.migrate.command.tooling.RevisionCommand;
import dev.migrate.command.tooling.SnapshotCommand;
import dev.migrate.command.tooling.SquashCommand;
import dev.migrate.command.tooling.VerifyCommand;
import dev.migrate.command.watch.WatchCommand;
import dev.migrate.mcp.MigrateMcpServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each user command declares the settings it takes in its class ({@link TakenSettings}), as Liquibase's command steps
 * declare their arguments: every row it declares is the table's, every row of the table is declared by the commands
 * its {@code commands} column names (or by none, a row of the starter's, Quarkus' or the Java API's alone), and each
 * goal's parameters, as {@code mvn help:describe} and the docs show them, are the rows its command declares.
 */
class CommandSettingsTest {
    /** One declaration per goal: the command's class, or, for {@code mcp} and {@code module}, the face's. */
    private static final List<TakenSettings> DECLARED = List.of(
            UpgradeCommand.SETTINGS,
            DowngradeCommand.SETTINGS,
            StampCommand.SETTINGS,
            CompleteCommand.SETTINGS,
            CurrentCommand.SETTINGS,
            HistoryCommand.SETTINGS,
            HeadsCommand.SETTINGS,
            BranchesCommand.SETTINGS,
            ShowCommand.SETTINGS,
            RebaseCommand.SETTINGS,
            AutogenerateCommand.SETTINGS,
            BaselineCommand.SETTINGS,
            CheckCommand.SETTINGS,
            DiagramCommand.SETTINGS,
            DriftCommand.SETTINGS,
            ImportCommand.SETTINGS,
            LintCommand.SETTINGS,
            MergeCommand.SETTINGS,
            RevisionCommand.SETTINGS,
            SnapshotCommand.SETTINGS,
            SquashCommand.SETTINGS,
            VerifyCommand.SETTINGS,
            WatchCommand.SETTINGS,
            MigrateMcpServer.SETTINGS,
            ModuleMojo.SETTINGS);

    @Test
    void everyGoalHasOneDeclaration() throws Exception {
        Set<String> goals = PluginXml.goals().stream()
                .map(PluginXml.Goal::name)
                .filter(name -> !name.equals("help"))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> declared =
                DECLARED.stream().map(TakenSettings::command).sorted().toList();

        assertThat(declared)
                .as("the commands that declare their settings, one per goal")
                .doesNotHaveDuplicates();
        assertThat(new TreeSet<>(declared)).isEqualTo(goals).isEqualTo(new TreeSet<>(SettingsTable.ALL_GOALS));
    }

    @Test
    void everyDeclaredRowIsARowOfTheTable() {
        for (TakenSettings taken : DECLARED) {
            for (Setting<?> row : taken.rows()) {
                assertThat(SettingsTable.named(row.name()))
                        .as("%s declares %s, which must be the settings table's own row", taken.command(), row.name())
                        .isSameAs(row);
            }
        }
    }

    @Test
    void theTableNamesForEachRowTheCommandsThatDeclareIt() {
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, Set<String>> table = new TreeMap<>();
        for (Setting<?> row : SettingsTable.ALL) {
            declared.put(
                    row.name(),
                    DECLARED.stream()
                            .filter(taken -> taken.takes(row))
                            .map(TakenSettings::command)
                            .collect(Collectors.toCollection(TreeSet::new)));
            table.put(row.name(), new TreeSet<>(row.commands()));
        }
        assertThat(declared)
                .as("per row, the commands that declare it: each must be in the row's commands column and the other"
                        + " way round; declare the row in the command's SETTINGS, or fix the column")
                .isEqualTo(table);
    }

    @Test
    void aRowNoCommandTakesBelongsToTheStarterQuarkusOrTheJavaApiAlone() {
        List<String> commandFaces = SettingsTable.ALL.stream()
                .filter(row -> row.commands().isEmpty())
                .filter(row -> row.takenBy(Face.MAVEN) || row.takenBy(Face.COMMAND_LINE))
                .map(Setting::name)
                .toList();
        assertThat(commandFaces)
                .as("rows a goal or the command line takes, though no command declares them")
                .isEmpty();
        assertThat(SettingsTable.ALL.stream().filter(row -> row.commands().isEmpty()))
                .as("the starter's, Quarkus' and the Java API's own rows")
                .isNotEmpty();
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
        for (TakenSettings taken : DECLARED) {
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
