package dev.migrate.internal.runtime;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.StampPlan;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.online.OnlineRunner;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.session.SessionSettings;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.internal.runtime.sink.ScriptWriterSink;
import dev.migrate.text.Fixes;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline SQL of upgrades, downgrades, stamps and contract phases: scripts a person runs, with no
 * database to ask, written by the runner that runs them against one.
 */
final class OfflineScripts {
    /** Where an offline downgrade goes when its range names no lower end ({@code head:}). */
    private static final RevisionTarget ONE_DOWN = RevisionTarget.of("-1");

    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    private final Settings settings;
    private final VersionTables tables;
    private final OnlineRunner online;
    private final StepRunner runner;
    private final Fixes fixes;

    OfflineScripts(
            RevisionGraph graph,
            Map<String, DiscoveredMigration> migrations,
            Settings settings,
            VersionTables tables,
            OnlineRunner online,
            StepRunner runner) {
        this.graph = graph;
        this.migrations = migrations;
        this.settings = settings;
        this.tables = tables;
        this.online = online;
        this.runner = runner;
        this.fixes = settings.fixes();
    }

    void upgradeSql(RevisionTarget range, Writer out) {
        Optional<RevisionTarget> lower = range.lower();
        Set<String> from = lower.map(graph::versionsAt).orElse(Set.of());
        RevisionTarget to = range.upper(RevisionTarget.HEADS);
        List<Step> steps = graph.planUpgrade(from, to);
        if (steps.isEmpty() && lower.isPresent() && !from.equals(graph.versionsAt(to))) {
            throw new BadTargetException("The range " + range + " is not an upgrade: " + to + " is already applied at "
                    + lower.get() + ", so the script would run nothing. For the SQL that goes from " + lower.get()
                    + " down to " + to + ", use downgrade with " + fixes.setting("target", range.text()) + ".");
        }
        writeScript("upgrade " + range, steps, out);
    }

    void downgradeSql(RevisionTarget range, Writer out) {
        RevisionTarget from = range.lower()
                .orElseThrow(() -> new MigrateException(
                        "An offline downgrade needs the starting revision, since there is no database to "
                                + "ask: give a range <from>:<to>, for example head:-1 or head:base."));
        writeScript("downgrade " + range, graph.planDowngrade(graph.versionsAt(from), range.upper(ONE_DOWN)), out);
    }

    /**
     * The SQL of a stamp: {@code target} alone stamps an empty version table; a range
     * {@code <from>:<to>} moves the rows a database at {@code from} holds to {@code to}.
     */
    void stampSql(RevisionTarget target, boolean purge, Writer out) {
        Set<String> from =
                purge ? Set.of() : target.lower().map(graph::versionsAt).orElse(Set.of());
        StampPlan plan = graph.planStamp(from, target.upper(RevisionTarget.HEADS));
        ScriptWriterSink sink = new ScriptWriterSink(out);
        header(sink, "stamp " + target);
        sink.begin();
        sink.executeAll(tables.stamp(plan, purge ? graph.purgedModules() : Set.of(), target.text()));
        sink.commit();
    }

    void completeSql(RevisionTarget target, Writer out) {
        String revision = graph.resolveOne(target, Set.of()).id();
        try (Scripts scripts = new Scripts(migrations, true)) {
            Script upgrade = scripts.upgrade(revision);
            if (!upgrade.online()) {
                throw new BadTargetException("Revision " + revision + " makes no online change, so it has no contract"
                        + " phase to write: name an online revision with " + fixes.setting("target") + ".");
            }
            List<Script> before = new ArrayList<>();
            for (String ancestor : graph.ancestors(revision)) {
                Script earlier = scripts.upgrade(ancestor);
                if (earlier.online()) {
                    before.add(earlier);
                }
            }
            ScriptWriterSink sink = new ScriptWriterSink(out);
            header(sink, "complete " + revision);
            sink.begin();
            for (Script.Part part : upgrade.complete(before).parts()) {
                sink.execute(((Script.Statement) part).sql());
            }
            List<String> bookkeeping = new ArrayList<>(online.completed(revision));
            bookkeeping.add(tables.completion(revision, graph.get(revision).message()));
            sink.executeAll(bookkeeping);
            sink.commit();
        }
    }

    private void writeScript(String what, List<Step> steps, Writer out) {
        ScriptWriterSink sink = new ScriptWriterSink(out);
        header(sink, what);
        runner.run(steps, sink, new Scripts(migrations, true));
    }

    private void header(ScriptWriterSink sink, String what) {
        sink.comment("migrate: " + what + " (offline SQL; the version table is " + tables.versionTable() + ")");
        new SessionSettings(settings).statements().forEach(sink::execute);
        sink.executeAll(tables.createStatements());
    }
}
