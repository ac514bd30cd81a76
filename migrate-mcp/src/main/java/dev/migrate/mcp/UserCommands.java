package dev.migrate.mcp;

import dev.migrate.command.BranchesCommand;
import dev.migrate.command.CompleteCommand;
import dev.migrate.command.CurrentCommand;
import dev.migrate.command.DowngradeCommand;
import dev.migrate.command.HeadsCommand;
import dev.migrate.command.HistoryCommand;
import dev.migrate.command.ModuleCommand;
import dev.migrate.command.RebaseCommand;
import dev.migrate.command.ShowCommand;
import dev.migrate.command.StampCommand;
import dev.migrate.command.UpgradeCommand;
import dev.migrate.command.settings.Setting;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Every user command, one per goal of the plugin, with the rows of the settings table its class declares: what the
 * goals' parameters, the command line's options and the settings reference are held to. It sits in the module of the
 * last command, {@code mcp}, the one that sees the classes of the runtime and the build-time commands alike.
 *
 * <pre>{@code
 * UserCommands.taking(SettingsTable.TARGET) // [complete, downgrade, squash, stamp, upgrade]
 * }</pre>
 */
public final class UserCommands {
    /** Each command's declaration, by command. */
    public static final List<TakenSettings> ALL = List.of(
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
            ModuleCommand.SETTINGS,
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
            McpCommand.SETTINGS);

    private UserCommands() {}

    /** The commands whose goals take {@code setting}, sorted: none for a row of the starter, Quarkus, the Java API. */
    public static Set<String> taking(Setting<?> setting) {
        return commands(setting, TakenSettings::takes);
    }

    /**
     * The commands whose declarations take {@code setting} on the command line, sorted; the command line has some of
     * them ({@code upgrade}, {@code drift}...), the plugin alone the others.
     */
    public static Set<String> takingOnCommandLine(Setting<?> setting) {
        return commands(setting, TakenSettings::takesOnCommandLine);
    }

    private static Set<String> commands(Setting<?> setting, BiPredicate<TakenSettings, Setting<?>> takes) {
        return ALL.stream()
                .filter(taken -> takes.test(taken, setting))
                .map(TakenSettings::command)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
