package dev.migrate.internal.runtime.script;

import dev.migrate.ChecksumCache;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Step;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What the chain of migrations asks for, read without a database: checksums and rendered statements. */
public final class ChainScripts {
    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    private final RecordedUpgrades recorded;

    public ChainScripts(RevisionGraph graph, Map<String, DiscoveredMigration> migrations, RecordedUpgrades recorded) {
        this.graph = graph;
        this.migrations = migrations;
        this.recorded = recorded;
    }

    /**
     * The checksum the current code of each revision gives: those the checksum cache knows, the
     * others recorded here.
     */
    public Map<String, String> checksums(ChecksumCache cache) {
        Map<String, String> known = new LinkedHashMap<>(cache.checksums());
        List<String> missing = graph.all().stream()
                .map(RevisionInfo::id)
                .filter(id -> !known.containsKey(id))
                .toList();
        try (Scripts scripts = new Scripts(migrations, recorded)) {
            for (String id : missing) {
                known.put(id, scripts.upgrade(id).checksum());
            }
        }
        return known;
    }

    /**
     * The SQL statements an upgrade of an empty database to every head runs, in the order it runs
     * them (the version tables' bookkeeping left out); empty when a migration runs JDBC code or makes
     * online changes, whose effect only a server can tell. Needs no database: the migrations are only
     * recorded and rendered.
     */
    public Optional<List<String>> chainStatements() {
        List<String> statements = new ArrayList<>();
        try (Scripts scripts = new Scripts(migrations, recorded)) {
            for (Step step : graph.planUpgrade(Set.of(), RevisionTarget.HEADS)) {
                Script script = scripts.upgrade(step.revision().id());
                if (script.online()) {
                    return Optional.empty();
                }
                for (Script.Part part : script.parts()) {
                    if (!(part instanceof Script.Statement statement)) {
                        return Optional.empty();
                    }
                    statements.add(statement.sql());
                }
            }
        }
        return Optional.of(statements);
    }

    /**
     * Every SQL statement the migrations' upgrades and downgrades render, in no particular order, their
     * JDBC work left out; a migration whose script cannot be recorded without a database is left out
     * too. Needs no database: for what a server the chain is replayed on must have beforehand.
     */
    public List<String> renderedStatements() {
        return eachScript(script -> script.parts().stream()
                .filter(Script.Statement.class::isInstance)
                .map(part -> ((Script.Statement) part).sql())
                .toList());
    }

    /**
     * Every operation the migrations' upgrades and downgrades ask for, as {@link #renderedStatements()} would
     * render them, in no particular order, without rendering any: for what reads the operations, not their SQL.
     */
    public List<Op> ops() {
        return eachScript(Script::ops);
    }

    /** What {@code read} reads of each direction of each migration, one after the other. */
    private <T> List<T> eachScript(Function<Script, List<T>> read) {
        List<T> all = new ArrayList<>();
        try (Scripts scripts = new Scripts(migrations, recorded)) {
            for (DiscoveredMigration migration : migrations.values()) {
                for (Direction direction : Direction.values()) {
                    try {
                        all.addAll(read.apply(scripts.script(migration, direction)));
                    } catch (RuntimeException e) {
                        // a migration that needs its database to say what it does: its replay tells
                    }
                }
            }
        }
        return all;
    }
}
