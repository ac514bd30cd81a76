package dev.migrate.internal.runtime;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.Imported;
import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.history.VersionRows;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.text.Fixes;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The first upgrade of a database that Flyway or Liquibase migrated: reads what the old tool applied from its
 * history table (read, never written), checks each applied migration's checksum against the revision imported
 * from it ({@link Imported}), and says which revisions to stamp, so the upgrade applies only what follows. Refuses,
 * naming the row and the fix, whatever it cannot move in exactly.
 */
final class MoveIn {
    /**
     * Tables shaped as Flyway's or Liquibase's history, by their columns (a configured name is found too), in the
     * schemas of the search path and the version table's. A schema's tables are found through its dependents in
     * pg_depend, by that catalog's index: pg_class has none on the schema, and reading all of it takes 32 ms in a
     * database of 400,000 relations, for each tenant of a fleet. Every table records its schema there but in a
     * schema the server pins (pg_catalog, pg_toast: their objects record nothing), read from pg_class when one is
     * on the search path; {@code public} is not pinned, nor is any schema made after the server's own.
     */
    private static final String FIND_OLD_TABLES =
            "WITH s AS (SELECT oid, nspname, oid >= 16384 OR oid = 2200 AS recorded"
                    + " FROM pg_namespace WHERE nspname = ANY (array_append(current_schemas(false), ?::name))),"
                    + " t AS (SELECT s.nspname, c.oid, c.relname FROM s JOIN pg_depend d"
                    + " ON d.refclassid = 'pg_namespace'::regclass AND d.refobjid = s.oid AND d.classid = 'pg_class'::regclass"
                    + " JOIN pg_class c ON c.oid = d.objid AND c.relnamespace = s.oid"
                    + " WHERE s.recorded AND c.relkind IN ('r', 'p')"
                    + " UNION ALL SELECT s.nspname, c.oid, c.relname FROM pg_class c JOIN s ON s.oid = c.relnamespace"
                    + " WHERE EXISTS (SELECT FROM s WHERE NOT s.recorded) AND NOT s.recorded AND c.relkind IN ('r', 'p')),"
                    // each table's columns read by its own index lookup, whatever the planner guesses of the tables'
                    // number
                    + " k AS MATERIALIZED (SELECT t.nspname, t.relname, ARRAY(SELECT a.attname::text FROM pg_attribute a"
                    + " WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns FROM t)"
                    + " SELECT nspname, relname, 'installed_rank' = ANY (columns) FROM k"
                    + " WHERE columns @> ARRAY['installed_rank', 'version', 'checksum', 'success', 'script']"
                    + " OR columns @> ARRAY['id', 'author', 'filename', 'md5sum', 'orderexecuted', 'exectype']"
                    + " ORDER BY 1, 2";

    private final RevisionGraph graph;
    private final Map<String, DiscoveredMigration> migrations;
    private final VersionTables tables;

    MoveIn(RevisionGraph graph, Map<String, DiscoveredMigration> migrations, VersionTables tables) {
        this.graph = graph;
        this.migrations = migrations;
        this.tables = tables;
    }

    /**
     * Stamps, on the first upgrade of a database Flyway or Liquibase migrated, the revisions imported from what
     * the old tool applied, in one transaction with their history rows.
     *
     * @return the version rows it leaves; none when there was nothing to move in
     */
    Set<String> stamp(LockedRun run, Scripts scripts, MigrationLog log, VersionRows versions) throws SQLException {
        Optional<Plan> plan = plan(run.lockConnection(), scripts);
        if (plan.isEmpty()) {
            return Set.of();
        }
        if (!plan.get().unexpected().isEmpty()) {
            log.warn(unexpectedReport(plan.get()));
        }
        if (plan.get().stamped().isEmpty()) {
            return Set.of();
        }
        List<String> stamped = plan.get().stamped();
        List<VersionTables.ImportedRow> rows = plan.get().rows().stream()
                .map(row -> new VersionTables.ImportedRow(
                        row.revision(),
                        row.message(),
                        scripts.upgrade(row.revision()).checksum(),
                        row.source(),
                        row.ranNothing(),
                        row.pending()))
                .toList();
        run.workSink()
                .executeInTransaction(tables.moveIn(
                        graph.planStamp(Set.of(), RevisionTarget.revision(stamped.get(stamped.size() - 1))), rows));
        long pending = rows.stream().filter(VersionTables.ImportedRow::pending).count();
        long applied = rows.size() - pending;
        log.info("Moved in from " + plan.get().table().displayTool() + ": " + applied + " revision"
                + (applied == 1 ? "" : "s") + " it applied ("
                + plan.get().table().name() + ", read and left as "
                + "it is) marked as applied, up to " + stamped.get(stamped.size() - 1)
                + (pending == 0
                        ? ""
                        : "; " + pending + " it passed over (onFail or onError CONTINUE) left pending in "
                                + (pending == 1 ? "its place" : "their places") + ", retried at every upgrade")
                + ".");
        return versions.read(run.lockConnection());
    }

    /**
     * What the move-in says of the rows of changesets the chain does not have: left in the history table, as
     * Liquibase's update leaves them (its {@code unexpected-changesets} lists them).
     */
    private static String unexpectedReport(Plan plan) {
        List<String> unexpected = plan.unexpected();
        return plan.table().displayTool() + "'s history " + plan.table().name() + " holds " + unexpected.size()
                + " row" + (unexpected.size() == 1 ? "" : "s") + " of changesets this chain does not have, left there"
                + " as they are, as liquibase update leaves them (liquibase unexpected-changesets lists them): "
                + String.join("; ", unexpected) + ". A changeSetExecuted guard naming one of them still finds it"
                + " there. If this database ran a changelog newer than the one imported, import again from it.";
    }

    /** An old history table: the tool that keeps it, and where. */
    record OldTable(String tool, QualifiedName name) {
        String displayTool() {
            return tool.equals("flyway") ? "Flyway" : "Liquibase";
        }
    }

    /**
     * What the first upgrade stamps: the revisions the old tool applied, in order, and the rows that say so.
     *
     * @param unexpected the rows of Liquibase's history whose changesets the chain does not have, each as shown to
     *     the user: read past, as Liquibase's update reads past them
     */
    record Plan(OldTable table, List<String> stamped, List<VersionTables.ImportedRow> rows, List<String> unexpected) {}

    /**
     * An imported revision with the old migrations of one tool it came from, and whether it runs in a transaction.
     */
    private record Revision(String id, List<Imported> from, boolean transactional) {
        boolean repeatable() {
            return from.stream().allMatch(Imported::repeatable);
        }

        /**
         * Its old migration went on past an error having undone it ({@code failOnError=false} in a transaction), as
         * the revision does: Liquibase records no row for it then, and goes on with the next.
         */
        boolean undoesItsErrors() {
            return transactional && from.stream().noneMatch(Imported::failOnError);
        }
    }

    /**
     * An applied migration of the old history: its key, checksum, how to name and select its row, and Liquibase's
     * EXECTYPE when it is not {@code EXECUTED} ({@code MARK_RAN}: recorded as run without running), else null.
     */
    private record Applied(
            String key,
            @Nullable String checksum,
            String shown,
            String selectRow,
            @Nullable String execType) {
        Applied(String key, @Nullable String checksum, String shown, String selectRow) {
            this(key, checksum, shown, selectRow, null);
        }

        /** Liquibase recorded it without running anything: its row changed nothing in the schema. */
        boolean ranNothing() {
            return "MARK_RAN".equals(execType) || "SKIPPED".equals(execType);
        }

        /** Liquibase recorded that it failed: the database may hold part of it. */
        boolean failed() {
            return "FAILED".equals(execType);
        }
    }

    /**
     * The stamp a database without migrate's version table needs, or empty when it has no old history table or
     * the old tool applied nothing.
     *
     * @throws MigrateException naming the row and the fix when the database cannot be moved in exactly
     */
    Optional<Plan> plan(Connection c, Scripts scripts) throws SQLException {
        if (tables.versionTableExists(c)) {
            return Optional.empty();
        }
        List<OldTable> found = oldTables(c);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new MigrateException("This database holds the history of more than one migration tool ("
                    + found.stream()
                            .map(t -> t.displayTool() + "'s " + t.name())
                            .collect(Collectors.joining(", "))
                    + "), so it is not clear which one's past to move in. Keep the table of the tool the chain was "
                    + "imported from (rename the other, for example ALTER TABLE ... RENAME TO ..._retired) and upgrade "
                    + "again. Nothing was run.");
        }
        OldTable table = found.get(0);
        List<Revision> imported = imported(table.tool());
        if (imported.isEmpty()) {
            Fixes fixes = graph.fixes();
            throw new MigrateException("This database was migrated by " + table.displayTool() + " (" + table.name()
                    + ") and no revision of this chain was imported from it, so upgrading would run the chain over "
                    + "the schema " + table.displayTool() + " built. Which way on depends on what the chain holds:\n"
                    + "  - to keep " + table.displayTool() + "'s history, import its migrations first: "
                    + fixes.command("import") + " " + fixes.setting("import.from", table.tool()) + ";\n"
                    + "  - if a revision of the chain describes this schema as it is (a baseline written from it with "
                    + fixes.named("baseline") + "), mark the database as at that revision: " + fixes.command("stamp")
                    + " " + fixes.setting("target", "<revision>") + ";\n"
                    + "  - if the chain starts with changes over this schema, leaving " + table.displayTool()
                    + "'s history behind, mark the database as at base, so that upgrade runs the whole chain over "
                    + "it: " + fixes.command("stamp") + " " + fixes.setting("target", "base") + " (" + table.name()
                    + " stays as it is and is no longer read; drop it when no database needs it).\n"
                    + "Nothing was run.");
        }
        List<Applied> applied =
                table.tool().equals("flyway") ? flywayRows(c, table, imported) : liquibaseRows(c, table);
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(match(
                table,
                imported,
                applied,
                revision -> GuardCheck.guards(scripts.upgrade(revision).parts()).stream()
                        .anyMatch(g -> g.onFail() == Precondition.OnFail.CONTINUE
                                || g.errorOutcome() == Precondition.OnFail.CONTINUE)));
    }

    List<OldTable> oldTables(Connection c) throws SQLException {
        List<OldTable> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FIND_OLD_TABLES)) {
            s.setString(1, tables.versionTable().schema());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new OldTable(
                            rs.getBoolean(3) ? "flyway" : "liquibase",
                            QualifiedName.of(rs.getString(1), rs.getString(2))));
                }
            }
        }
        return found;
    }

    /**
     * Drops the old tool's tables of a database that has moved in (Liquibase's lock table too), or only says what
     * it would drop: the statements, each a {@code DROP TABLE}.
     *
     * @throws MigrateException when the database has not moved in yet, naming the upgrade that moves it
     */
    List<String> retire(Connection c, boolean drop) throws SQLException {
        List<OldTable> found = oldTables(c);
        if (found.isEmpty()) {
            return List.of();
        }
        if (!tables.versionTableExists(c) || !hasImportedRows(c)) {
            throw new MigrateException("This database has not moved in yet: "
                    + found.stream()
                            .map(t -> t.displayTool() + "'s " + t.name())
                            .collect(Collectors.joining(", "))
                    + " is still its only history. Run upgrade on it first, which marks what "
                    + found.get(0).displayTool() + " applied; then retire the old table. Nothing was dropped.");
        }
        List<String> statements = new ArrayList<>();
        for (OldTable table : found) {
            statements.add("DROP TABLE " + quote(table.name()));
            if (table.tool().equals("liquibase")) {
                QualifiedName lock =
                        QualifiedName.of(table.name().schema(), table.name().name() + "lock");
                if (VersionTables.exists(c, quote(lock))) {
                    statements.add("DROP TABLE " + quote(lock));
                }
            }
        }
        if (drop) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return statements;
    }

    private boolean hasImportedRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(tables.historyTable())
                        + " WHERE direction = 'imported' OR (direction = '" + VersionTables.MARKED
                        + "' AND message LIKE 'imported:%'))")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The chain's revisions imported from {@code tool}, in the order they apply. */
    private List<Revision> imported(String tool) {
        List<Revision> found = new ArrayList<>();
        for (ImportedPast.Revision revision : new ImportedPast(graph, migrations).inOrder()) {
            List<Imported> from = revision.from().stream()
                    .filter(i -> i.from().equalsIgnoreCase(tool))
                    .toList();
            if (!from.isEmpty()) {
                dev.migrate.Revision annotation = revision.type().getAnnotation(dev.migrate.Revision.class);
                found.add(new Revision(revision.id(), from, annotation == null || annotation.transactional()));
            }
        }
        return found;
    }

    // ---- Flyway ----

    private List<Applied> flywayRows(Connection c, OldTable table, List<Revision> imported) throws SQLException {
        String name = quote(table.name());
        Map<String, Applied> versioned = new LinkedHashMap<>();
        Map<String, Applied> repeatable = new LinkedHashMap<>();
        @Nullable String baseline = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                        + " success FROM " + name + " ORDER BY installed_rank")) {
            while (rs.next()) {
                int rank = rs.getInt(1);
                String version = rs.getString(2);
                String type = rs.getString(4);
                String script = rs.getString(5);
                long checksum = rs.getLong(6);
                String checksumText = rs.wasNull() ? null : Long.toString(checksum);
                String shown =
                        (version == null ? "" : "V" + version + " ") + "(" + script + ", installed_rank " + rank + ")";
                if (!rs.getBoolean(7)) {
                    throw new MigrateException(table.displayTool() + " recorded a failed migration in " + table.name()
                            + ": " + shown + ". The database may hold part of it. Fix the database and mark the row "
                            + "with flyway repair (or delete the row once the migration's effect is undone), then "
                            + "upgrade again. Nothing was run.");
                }
                String select = "installed_by || ' (" + table.displayTool() + ")', installed_on FROM " + name
                        + " WHERE installed_rank = " + rank;
                if ("SCHEMA".equals(type)) {
                    continue; // Flyway created the schema: no migration
                }
                if (type != null && type.startsWith("UNDO")) {
                    if (version != null) {
                        versioned.remove(normalize(version)); // undone: no longer applied
                    }
                    continue;
                }
                if ("BASELINE".equals(type) && version != null) {
                    baseline = version;
                    continue;
                }
                if (version == null) {
                    repeatable.put(rs.getString(3), new Applied(rs.getString(3), checksumText, shown, select));
                } else {
                    versioned.put(normalize(version), new Applied(normalize(version), checksumText, shown, select));
                }
            }
        }
        List<Applied> applied = new ArrayList<>();
        if (baseline != null) {
            // what lies at or below the baseline was never run on this database: it counts as applied
            for (Revision revision : imported) {
                for (Imported from : revision.from()) {
                    if (!from.repeatable()
                            && compare(from.key(), baseline) <= 0
                            && !versioned.containsKey(normalize(from.key()))) {
                        applied.add(new Applied(
                                normalize(from.key()),
                                null,
                                "V" + from.key() + " (at or below " + table.displayTool() + "'s baseline " + baseline
                                        + ")",
                                ""));
                    }
                }
            }
        }
        applied.addAll(versioned.values());
        for (Applied r : repeatable.values()) {
            applied.add(new Applied("R:" + r.key(), r.checksum(), r.shown(), r.selectRow()));
        }
        return applied;
    }

    /** Flyway's version as compared: numeric parts, leading zeros and trailing zero parts dropped. */
    static String normalize(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.split("[._]", -1)) {
            String digits = part.replaceFirst("^0+(?=.)", "");
            parts.add(digits);
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }

    /** Flyway's order of versions: part by part, numerically where both parts are numbers. */
    static int compare(String a, String b) {
        String[] left = normalize(a).split("\\.", -1);
        String[] right = normalize(b).split("\\.", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int order = l.matches("\\d+") && r.matches("\\d+")
                    ? new BigInteger(l).compareTo(new BigInteger(r))
                    : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    // ---- Liquibase ----

    private List<Applied> liquibaseRows(Connection c, OldTable table) throws SQLException {
        String name = quote(table.name());
        QualifiedName lock =
                QualifiedName.of(table.name().schema(), table.name().name() + "lock");
        if (VersionTables.exists(c, quote(lock))) {
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT lockedby, lockgranted FROM " + quote(lock) + " WHERE locked")) {
                if (rs.next()) {
                    throw new MigrateException("Liquibase holds its lock on this database (" + lock + ", taken by "
                            + rs.getString(1) + " at " + rs.getString(2) + "): an update is running, or one was "
                            + "stopped and left it. Wait for the update to end, or, when none is running, release it "
                            + "with liquibase release-locks; then upgrade. Nothing was run.");
                }
            }
        }
        Map<String, Applied> applied = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, author, filename, exectype, md5sum, orderexecuted FROM "
                        + name + " ORDER BY orderexecuted, dateexecuted")) {
            while (rs.next()) {
                String id = rs.getString(1);
                String author = rs.getString(2);
                String file = rs.getString(3);
                String key = liquibaseKey(changelogPath(file) + "::" + id + "::" + author);
                if (LIQUIBASE_INTERNAL.equalsIgnoreCase(file)) {
                    continue; // a row of Liquibase's own (the tag command's): no changeset of any changelog
                }
                String shown = "changeset " + id + " by " + author + " in " + file;
                String select = "current_user || ' (" + table.displayTool() + ")', dateexecuted FROM " + name
                        + " WHERE id = " + string(id) + " AND author = " + string(author) + " AND filename = "
                        + string(file);
                String execType = rs.getString(4);
                applied.put(
                        key,
                        new Applied(
                                key,
                                rs.getString(5),
                                shown,
                                select,
                                execType == null || execType.equalsIgnoreCase("EXECUTED")
                                        ? null
                                        : execType.toUpperCase(Locale.ROOT)));
            }
        }
        return new ArrayList<>(applied.values());
    }

    /**
     * The file of the rows Liquibase writes of itself, such as the {@code tag} command's, which its
     * {@code unexpected-changesets} does not list either ({@code ExpectedChangesVisitor} in Liquibase 4.33).
     */
    private static final String LIQUIBASE_INTERNAL = "liquibase-internal";

    /**
     * A changelog path as Liquibase 4.33 compares it ({@code DatabaseChangeLog.normalizePath}), without the prefixes
     * some versions kept: {@code /} for {@code \\}, no {@code classpath:}, drive letter, leading {@code /} or
     * {@code .} segment.
     */
    static String changelogPath(String file) {
        String path = file.replace('\\', '/');
        if (path.startsWith("classpath:")) {
            path = path.substring("classpath:".length());
        }
        path = path.replaceFirst("^[A-Za-z]:/", "/").replace("/./", "/");
        while (path.startsWith("/") || path.startsWith("./")) {
            path = path.substring(path.startsWith("/") ? 1 : 2);
        }
        return path;
    }

    /**
     * A changeset's {@code path::id::author} as Liquibase matches a history row to it ({@code RanChangeSet.isSameAs}:
     * each part ignoring case), so that what Liquibase takes for the same changeset is the same here.
     */
    private static String liquibaseKey(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    // ---- both ----

    /**
     * @param continues whether a revision's guard may say CONTINUE: Liquibase passes over its changeset, recording
     *     nothing, where the precondition fails, and runs the ones after it
     */
    private Plan match(OldTable table, List<Revision> imported, List<Applied> applied, Predicate<String> continues) {
        boolean flyway = table.tool().equals("flyway");
        Map<String, Applied> byKey = new HashMap<>();
        for (Applied row : applied) {
            byKey.put(row.key(), row);
        }
        Map<String, Revision> revisionByKey = new HashMap<>();
        Map<String, Imported> importedByKey = new HashMap<>();
        for (Revision revision : imported) {
            for (Imported from : revision.from()) {
                String key = key(flyway, from);
                revisionByKey.put(key, revision);
                importedByKey.put(key, from);
            }
        }
        // every applied row of Flyway must be a migration of the import, run as it is now; Liquibase's update reads
        // past the rows of changesets its changelog does not have (Liquibase 4.33's ValidatingVisitor looks up only
        // the changelog's changesets), and so does the move-in, naming them
        List<String> unexpected = new ArrayList<>();
        for (Applied row : applied) {
            Imported from = importedByKey.get(row.key());
            if (from == null) {
                if (row.key().startsWith("R:")) {
                    continue; // a repeatable migration since deleted: Flyway ignores it too
                }
                if (row.ranNothing()) {
                    continue; // marked ran without running (a changeset for other databases): it changed nothing
                }
                if (!flyway) {
                    unexpected.add(row.shown() + (row.execType() == null ? "" : " (" + row.execType() + ")"));
                    continue;
                }
                throw new MigrateException(table.displayTool() + " applied " + row.shown() + " to this database, and "
                        + "the chain has no revision imported from it: the database is ahead of the import, or the "
                        + "migration was deleted or renamed since. Import again from the migrations this database "
                        + "ran (mvn migrate:import -Dmigrate.import.from=" + table.tool() + "), then upgrade. "
                        + "Nothing was run.");
            }
            if (row.failed()) {
                throw new MigrateException(table.displayTool() + " recorded a failed " + row.shown() + " in "
                        + table.name() + ". The database may hold part of it. Fix the database and run liquibase "
                        + "update until it succeeds (or delete the row once its effect is undone), then upgrade "
                        + "again. Nothing was run.");
            }
            if (row.checksum() != null
                    && from.checksums().length > 0
                    && !Arrays.asList(from.checksums()).contains(row.checksum())) {
                if (from.repeatable() && flyway) {
                    continue; // ran with an older body: the revision that replays it, last, is not stamped
                }
                if (from.repeatable()) {
                    throw new MigrateException(row.shown() + " runs again when it changes, and it changed since "
                            + table.displayTool() + " last ran it on this database (" + table.name() + " holds "
                            + row.checksum() + "). Bring this database up to date with liquibase update first, "
                            + "then upgrade. Nothing was run.");
                }
                String revision =
                        Objects.requireNonNull(revisionByKey.get(row.key())).id();
                throw new MigrateException(row.shown() + " was changed after " + table.displayTool() + " applied it: "
                        + table.name() + " holds the checksum " + row.checksum() + " and revision "
                        + revision + " was imported from a file whose checksum is "
                        + String.join(" or ", from.checksums()) + ". Restore the file as it ran and import again; or, "
                        + "if this database's schema matches the file as it is now, add \"" + row.checksum()
                        + "\" to the checksums of @Imported on " + revision + "."
                        + (flyway
                                ? ""
                                : " Where the file did not change, a changelog property given only in some contexts"
                                        + " or labels made the difference: import again with the contexts and labels"
                                        + " this database's updates ran ("
                                        + graph.fixes().setting("import.liquibase.contexts", "...") + ", "
                                        + graph.fixes().setting("import.liquibase.labels", "...") + ").")
                        + " Nothing was run.");
            }
        }
        // what was applied must be the start of the chain: the chain can only say "everything up to here"
        List<String> stamped = new ArrayList<>();
        List<VersionTables.ImportedRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>(); // from the first not applied on, until one applied after them
        List<Revision> tried = new ArrayList<>(); // failOnError=false, no row: stamped once a later one ran
        List<Revision> passedOver = new ArrayList<>(); // CONTINUE, no row: pending once a later one ran
        for (Revision revision : imported) {
            List<Applied> ran = new ArrayList<>();
            boolean all = true;
            for (Imported from : revision.from()) {
                Applied row = byKey.get(key(flyway, from));
                boolean current = row != null
                        && (row.checksum() == null
                                || from.checksums().length == 0
                                || Arrays.asList(from.checksums()).contains(row.checksum()));
                if (current) {
                    ran.add(row);
                } else {
                    all = false;
                }
            }
            if (all) {
                if (!missing.isEmpty() && revision.repeatable()) {
                    continue; // Flyway's repeatable ones, last: they run again after what follows
                }
                for (Revision over : missing.isEmpty() ? passedOver : List.<Revision>of()) {
                    stamped.add(over.id());
                    rows.add(new VersionTables.ImportedRow(
                            over.id(),
                            graph.get(over.id()).message() + " (" + VersionTables.PENDING + ": imported: passed over"
                                    + " by " + table.displayTool() + ", which records no row where its precondition"
                                    + " says CONTINUE, and went on to "
                                    + ran.get(0).shown()
                                    + "; retried at every upgrade)",
                            null,
                            null,
                            true,
                            true));
                }
                passedOver.clear();
                for (Revision failed : missing.isEmpty() ? tried : List.<Revision>of()) {
                    stamped.add(failed.id());
                    rows.add(new VersionTables.ImportedRow(
                            failed.id(),
                            "imported: tried by " + table.displayTool() + ", which records no row where it fails "
                                    + "(failOnError=false) and went on to "
                                    + ran.get(0).shown(),
                            null,
                            null,
                            // its failing statement rolled its transaction back: nothing of it is there to undo
                            true));
                }
                tried.clear();
                if (!missing.isEmpty()) {
                    throw new MigrateException(table.displayTool() + " applied "
                            + ran.get(0).shown()
                            + " to this database but not " + named(missing) + ", which come"
                            + (missing.size() == 1 ? "s" : "") + " before it in the chain "
                            + "(an out-of-order history). The chain can only say that everything up to a revision "
                            + "is applied. "
                            + (flyway
                                    ? "Apply the missing migration with Flyway (flyway migrate -outOfOrder=true)"
                                            + " first, then upgrade."
                                    : "Where Liquibase left " + (missing.size() == 1 ? "it" : "them") + " out of"
                                            + " this database's updates by their contexts or labels, import again"
                                            + " with the contexts and labels those updates ran ("
                                            + graph.fixes().setting("import.liquibase.contexts", "...") + ", "
                                            + graph.fixes().setting("import.liquibase.labels", "...")
                                            + "), so that the chain holds what this database ran; else apply "
                                            + (missing.size() == 1 ? "it" : "them") + " with liquibase update"
                                            + " first, then upgrade.")
                            + " Nothing was run.");
                }
                stamped.add(revision.id());
                Applied first = ran.get(0);
                rows.add(new VersionTables.ImportedRow(
                        revision.id(),
                        (first.ranNothing()
                                        ? "imported: marked ran by " + table.displayTool() + " without running it ("
                                                + first.execType() + ") as "
                                        : "imported: applied by " + table.displayTool()
                                                + (first.execType() == null ? "" : " (" + first.execType() + ")")
                                                + " as ")
                                + first.shown()
                                + (ran.size() > 1 ? " and " + (ran.size() - 1) + " more" : ""),
                        null,
                        first.selectRow().isEmpty() ? null : first.selectRow(),
                        // one changeset that ran makes the revision's downgrade undo something
                        ran.stream().allMatch(Applied::ranNothing)));
            } else if (missing.isEmpty() && !flyway && revision.undoesItsErrors()) {
                tried.add(revision);
            } else if (missing.isEmpty() && !flyway && continues.test(revision.id())) {
                passedOver.add(revision);
            } else if (!revision.repeatable()) {
                missing.add(describe(flyway, revision.from().get(0)) + " (revision " + revision.id() + ")");
            }
        }
        return new Plan(table, stamped, rows, List.copyOf(unexpected));
    }

    /** The migrations of a gap, the first ten by name. */
    private static String named(List<String> missing) {
        return missing.size() <= 10
                ? String.join(", ", missing)
                : String.join(", ", missing.subList(0, 10)) + " and " + (missing.size() - 10) + " more";
    }

    private static String key(boolean flyway, Imported from) {
        if (!flyway) {
            int split = from.key().indexOf("::");
            return liquibaseKey(
                    split < 0
                            ? from.key()
                            : changelogPath(from.key().substring(0, split))
                                    + from.key().substring(split));
        }
        return from.repeatable() ? "R:" + from.key() : normalize(from.key());
    }

    private static String describe(boolean flyway, Imported from) {
        return flyway ? "V" + from.key() : "changeset " + from.key();
    }
}
