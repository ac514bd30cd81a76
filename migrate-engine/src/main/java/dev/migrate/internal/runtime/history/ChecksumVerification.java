package dev.migrate.internal.runtime.history;

import dev.migrate.ChecksumMismatchException;
import dev.migrate.MigrationLog;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.script.Checksum;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.text.Fixes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Holds the applied migrations to what they ran: a changed one stops the run unless accepted. */
public final class ChecksumVerification {
    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    private final VersionTables tables;
    private final MigrationLog log;
    private final boolean acceptChecksums;
    private final Fixes fixes;

    public ChecksumVerification(
            RevisionGraph graph, Map<String, DiscoveredMigration> migrations, VersionTables tables, Settings settings) {
        this.graph = graph;
        this.migrations = migrations;
        this.tables = tables;
        this.log = settings.log();
        this.acceptChecksums = settings.acceptChecksums();
        this.fixes = settings.fixes();
    }

    /**
     * Compares the stored checksum of each applied migration with the checksum of what it asks for
     * now, recorded online as when it was applied (a migration may ask for other things offline).
     */
    public void verify(Connection c, Set<String> current, Scripts scripts, Map<String, String> known)
            throws SQLException {
        Map<String, String> stored = tables.readChecksums(c);
        List<String> changed = new ArrayList<>();
        List<String> unknownFormat = new ArrayList<>();
        Map<String, String> rewrite = new LinkedHashMap<>();
        for (String id : graph.sortTopologically(graph.appliedRevisions(current))) {
            String before = stored.get(id);
            if (before == null || before.equals(known.get(id))) {
                continue; // the same code gave this checksum before
            }
            Script script = scripts.upgrade(id);
            known.put(id, script.checksum());
            if (Checksum.isCurrent(before)
                    ? before.equals(script.checksum())
                    : Checksum.isLegacy(before) && before.equals(script.legacyChecksum())) {
                if (!before.equals(script.checksum())) {
                    rewrite.put(id, script.checksum()); // an earlier format that still matches: store this one
                }
            } else if (Checksum.isCurrent(before) || Checksum.isLegacy(before)) {
                changed.add(id + " ("
                        + Objects.requireNonNull(migrations.get(id)).type().getName() + ")");
                rewrite.put(id, script.checksum());
            } else {
                unknownFormat.add(id);
            }
        }
        if (!unknownFormat.isEmpty()) {
            log.warn("The checksums of " + String.join(", ", unknownFormat) + " were written by a later "
                    + "version of migrate in a format this one does not know, so they were not verified.");
        }
        if (!changed.isEmpty() && !acceptChecksums) {
            throw new ChecksumMismatchException("Applied migration" + (changed.size() > 1 ? "s have" : " has")
                    + " changed since "
                    + (changed.size() > 1 ? "they were" : "it was") + " applied: " + String.join(", ", changed)
                    + ". What " + (changed.size() > 1 ? "they ask" : "it asks") + " for no longer matches what this "
                    + "database ran. Restore the original code and put the change in a new migration, or, if the change "
                    + "is intended, accept it with " + fixes.setting("acceptChecksums", "true")
                    + fixes.api(" (Migrator.builder().acceptChecksums(true))") + ". "
                    + "Nothing was run.");
        }
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : rewrite.entrySet()) {
                s.execute(tables.acceptChecksum(e.getKey(), e.getValue()));
            }
        }
        if (!changed.isEmpty()) {
            log.warn("Accepted the changed checksum of " + String.join(", ", changed) + ".");
        }
    }
}
