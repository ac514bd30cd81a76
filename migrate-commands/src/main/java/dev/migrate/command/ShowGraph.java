package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.command.output.CommandResult;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code heads}, {@code branches}, {@code show} and {@code history}: the revision graph as lines of output, and as
 * data for the JSON document: {@code new ShowGraph(ShowGraph.Kind.HEADS, null, null, false).run(migrator, face)}.
 *
 * @param kind which command
 * @param revision the revision {@code show} shows, its form checked where the user wrote it (null: head)
 * @param range the range {@code history} lists, its form checked where the user wrote it (null: all of it)
 * @param verbose a block per revision instead of one line
 * @param module for {@code heads} and {@code history}, the one module they show ({@link ModuleScope}), or null
 */
public record ShowGraph(
        Kind kind,
        @Nullable RevisionTarget revision,
        @Nullable RevisionRange range,
        boolean verbose,
        @Nullable ModuleScope module) {
    /** The four commands. */
    public enum Kind {
        HEADS,
        BRANCHES,
        SHOW,
        HISTORY
    }

    public ShowGraph {
        Objects.requireNonNull(kind, "kind");
    }

    /** The command over every module. */
    public ShowGraph(Kind kind, @Nullable RevisionTarget revision, @Nullable RevisionRange range, boolean verbose) {
        this(kind, revision, range, verbose, null);
    }

    /**
     * The range {@code history} lists, its form checked where the user wrote it: each end empty, {@code current} or
     * a target form.
     *
     * @throws dev.migrate.BadTargetException naming the end that is no target form
     */
    public static RevisionRange historyRange(String text) {
        return RevisionTarget.range(text, Set.of("current"));
    }

    /**
     * Prints what the command shows of {@code migrator}'s graph; {@code history} marks the revisions of its
     * database when it has one.
     */
    public void run(Migrator migrator, CommandContext context) {
        MigratorTools internals = ModuleScope.tools(migrator, module);
        switch (kind) {
            case HEADS -> {
                internals.headsReport(verbose).forEach(context.output()::info);
                context.output()
                        .result(new CommandResult.Revisions(details(
                                migrator,
                                migrator.heads().stream()
                                        .filter(h -> module == null
                                                || MigratorTools.moduleOf(h).equals(module.module()))
                                        .toList())));
            }
            case BRANCHES -> {
                internals.branchesReport().forEach(context.output()::info);
                context.output()
                        .result(new CommandResult.Revisions(migrator.revisions().stream()
                                .filter(RevisionDetails::isBranchPoint)
                                .toList()));
            }
            case SHOW -> {
                RevisionTarget target = revision == null ? RevisionTarget.HEAD : revision;
                internals.showReport(target).forEach(context.output()::info);
                context.output().result(new CommandResult.Revisions(List.of(migrator.revision(target))));
            }
            case HISTORY -> {
                String text = range == null ? null : range.toString();
                internals.historyReport(text, verbose).forEach(context.output()::info);
                MigratorTools.HistoryRevisions history = internals.historyRevisions(text);
                context.output()
                        .result(new CommandResult.History(
                                details(migrator, history.ids()),
                                history.current(),
                                history.applied(),
                                history.skipped(),
                                history.pending()));
            }
        }
    }

    /**
     * Refuses {@code migrator} as {@code upgrade} refuses it when it found no migration, naming where it looked
     * and what to check: a face that reads the graph of classes it was pointed at calls this first, since a jar
     * without migrations, or a misspelt package, shows an empty graph otherwise.
     *
     * @return {@code migrator}
     */
    public static Migrator requireMigrations(Migrator migrator) {
        MigratorTools.of(migrator).requireMigrations();
        return migrator;
    }

    private static List<RevisionDetails> details(Migrator migrator, List<String> ids) {
        Map<String, RevisionDetails> byId =
                migrator.revisions().stream().collect(Collectors.toMap(RevisionDetails::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
