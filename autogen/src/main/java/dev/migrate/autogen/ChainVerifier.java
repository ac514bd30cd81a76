package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.kind.ObjectReader;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.tooling.BranchReview;
import dev.migrate.tooling.ChainGraph;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.RoundTripCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The round-trip test of a migration chain, on a database that holds nothing else: for every
 * revision, upgrade, downgrade and upgrade again must give the schema before and after it exactly,
 * and a downgrade to base must leave nothing but the version tables.
 */
public final class ChainVerifier {
    private final Migrator migrator;
    private final DataSource database;
    private final String schema;
    private final Exclusions exclusions;
    private final MigrationLog log;

    public ChainVerifier(
            Migrator migrator, DataSource database, String schema, List<String> exclude, MigrationLog log) {
        this.migrator = migrator;
        this.database = database;
        this.schema = schema;
        this.exclusions = Exclusions.versionTables().and(exclude);
        this.log = log;
    }

    /** Runs the round trips; fails with a {@link MigrateException} naming the revision and what differs. */
    public void verify() {
        BranchReview branches = MigratorTools.of(migrator).branchReview();
        if (!branches.undeclaredHeads().isEmpty()) {
            throw new MigrateException(branches.headsError(RevisionInfo::source));
        }
        DatabaseSchema base = snapshot();
        MigratorTools.of(migrator).roundTrip(new RoundTripCheck() {
            private long start;
            // set at BEFORE_UPGRADE and UPGRADED, which come first for each revision
            private @Nullable DatabaseSchema before;
            private @Nullable DatabaseSchema after;
            private boolean online;

            @Override
            public void check(RevisionDetails revision, Stage stage) {
                switch (stage) {
                    case BEFORE_UPGRADE -> {
                        start = System.nanoTime();
                        online = false;
                        before = snapshot();
                    }
                    case ROLLED_BACK -> {
                        online = true;
                        expectSame(
                                Objects.requireNonNull(before),
                                "the rollback of revision " + revision.id() + "'s expand",
                                "Undoing the expand of online revision " + revision.id() + " ("
                                        + revision.migrationClass() + ") with a downgrade does not restore the schema"
                                        + " it started from");
                    }
                    case UPGRADED -> after = snapshot();
                    case DOWNGRADED ->
                        expectSame(
                                Objects.requireNonNull(before),
                                "the downgrade of revision " + revision.id(),
                                "The downgrade of revision " + revision.id() + " (" + revision.migrationClass()
                                        + ") does not restore the schema it started from");
                    case UPGRADED_AGAIN -> {
                        expectSame(
                                Objects.requireNonNull(after),
                                "the second upgrade of revision " + revision.id(),
                                "Upgrading revision " + revision.id() + " (" + revision.migrationClass()
                                        + ") again after its downgrade gives another schema than the first time");
                        log.info("Verified " + revision.id() + ": "
                                + (online
                                        ? "expand, rollback, expand, complete, downgrade, expand, complete"
                                        : "upgrade, downgrade, upgrade")
                                + " ("
                                + (System.nanoTime() - start) / 1_000_000 + " ms)");
                    }
                }
            }
        });
        Set<String> withoutDowngrade = MigratorTools.of(migrator).withoutDowngrade();
        if (!withoutDowngrade.isEmpty()) {
            // an imported revision with no undo stops every downgrade past it
            log.info("Skipped the downgrade to base and the squashes' checks: " + withoutDowngrade.size()
                    + " imported revision" + (withoutDowngrade.size() == 1 ? " has" : "s have") + " no downgrade ("
                    + String.join(", ", withoutDowngrade) + ").");
            return;
        }
        // the chain has built every head; each squash must build what the chain builds, at its revision and above
        ChainGraph graph = MigratorTools.of(migrator).graph();
        List<RevisionInfo> squashes = graph.squashShortcuts().values().stream()
                .sorted(Comparator.comparingInt((RevisionInfo s) -> graph.position(s.standsFor()))
                        .reversed())
                .toList();
        @Nullable DatabaseSchema atHead = squashes.isEmpty() ? null : snapshot();
        Map<String, DatabaseSchema> atSquashed = new HashMap<>();
        for (RevisionInfo squash : squashes) {
            migrator.downgrade(squash.standsFor());
            atSquashed.put(squash.id(), snapshot());
        }
        migrator.downgrade("base");
        expectSame(
                base,
                "the downgrade to base",
                "Downgrading to base does not leave the database as empty as it started");
        log.info("Verified downgrade to base: nothing left but the version tables.");
        for (RevisionInfo squash : squashes) {
            String standsFor = squash.standsFor();
            String what = "A database built from squash " + squash.id() + " (" + squash.source() + ")";
            migrator.upgrade(standsFor);
            expectSame(
                    Objects.requireNonNull(atSquashed.get(squash.id())),
                    "squash " + squash.id(),
                    what + " has another schema than one built by the "
                            + squash.replaces().size() + " revisions it replaces, up to " + standsFor);
            migrator.upgrade("heads");
            expectSame(
                    Objects.requireNonNull(atHead), // read above, since there are squashes
                    "the upgrade from squash " + squash.id() + " to head",
                    what + " and upgraded to head has another schema than one built by the whole chain");
            migrator.downgrade("base");
            log.info("Verified squash " + squash.id() + ": it builds the schema of the "
                    + squash.replaces().size() + " revisions it replaces, up to " + standsFor
                    + ", and reaches the same head.");
        }
    }

    /**
     * Fails with {@code problem} and the differences unless the database matches {@code expected}
     * up to what PostgreSQL cannot undo; {@code step} names the step in the log line saying what was accepted.
     */
    private void expectSame(DatabaseSchema expected, String step, String problem) {
        DatabaseSchema actual = snapshot();
        if (actual.equals(expected)) {
            return;
        }
        List<String> accepted = new ArrayList<>();
        DatabaseSchema tolerated = tolerated(expected, actual, accepted);
        if (tolerated.equals(expected)) {
            accepted.forEach(line -> log.info("In " + step + ", accepted " + line + "."));
            return;
        }
        // the script that would turn the expected schema into the database's: what it adds is extra, what it removes
        // missing
        List<String> differences = new ArrayList<>(
                SchemaDiff.compare(expected, tolerated, new SchemaDiff.Options(schema, Map.of(), RenameDecider.never()))
                        .changes()
                        .stream()
                        .map(c -> c.description().asDatabaseState())
                        .toList());
        differences.addAll(objectDifferences(expected, tolerated));
        if (differences.isEmpty()) {
            differences = ModelDifferences.between(expected, tolerated);
        }
        throw new MigrateException(problem + ". Compared with the expected schema, the database has:\n  - "
                + String.join("\n  - ", differences)
                + "\nFix the migration's upgrade or downgrade so each undoes the other exactly.");
    }

    /**
     * {@code actual} with the differences PostgreSQL leaves on a correct chain made equal to
     * {@code expected}, each described in {@code accepted}: a column dropped and added back comes
     * last (a table's column positions cannot be restored), and an enum label an upgrade added stays
     * after the downgrade (PostgreSQL cannot remove a label; the written downgrade says so).
     */
    private static DatabaseSchema tolerated(DatabaseSchema expected, DatabaseSchema actual, List<String> accepted) {
        List<Table> tables = new ArrayList<>();
        for (Table table : actual.tables().values()) {
            Table want = expected.tables().get(table.qualifiedName());
            if (want != null && !want.columns().equals(table.columns()) && sameColumnsInAnotherOrder(want, table)) {
                accepted.add("another column order of table " + table.qualifiedName() + " (" + names(table)
                        + " instead of " + names(want) + "): PostgreSQL adds a column back at the end");
                table = new Table(
                        table.schema(),
                        table.name(),
                        want.columns(),
                        table.primaryKey(),
                        table.foreignKeys(),
                        table.uniqueConstraints(),
                        table.checkConstraints(),
                        table.exclusionConstraints(),
                        table.indexes(),
                        table.comment(),
                        table.partitioning(),
                        table.unlogged(),
                        table.constraintComments(),
                        table.indexComments());
            }
            tables.add(table);
        }
        List<EnumType> enums = new ArrayList<>();
        for (EnumType type : actual.enumTypes().values()) {
            EnumType want = expected.enumTypes().get(type.qualifiedName());
            if (want != null && !want.labels().equals(type.labels()) && isSubsequence(want.labels(), type.labels())) {
                List<String> left = type.labels().stream()
                        .filter(l -> !want.labels().contains(l))
                        .toList();
                accepted.add("the label" + (left.size() == 1 ? " " : "s ") + left + " left in enum type "
                        + type.qualifiedName() + ": PostgreSQL cannot remove an enum label");
                type = want;
            }
            enums.add(type);
        }
        return DatabaseSchema.of(tables, actual.sequences().values(), enums)
                .withObjects(actual.objects().values());
    }

    /** The objects beside tables the database has that the expected schema lacks, lacks that it has, or has otherwise. */
    private static List<String> objectDifferences(DatabaseSchema expected, DatabaseSchema actual) {
        List<String> differences = new ArrayList<>();
        Set<ObjectId> ids = new TreeSet<>(expected.objects().keySet());
        ids.addAll(actual.objects().keySet());
        for (ObjectId id : ids) {
            SchemaObject want = expected.objects().get(id);
            SchemaObject have = actual.objects().get(id);
            if (want == null) {
                differences.add("extra " + id);
            } else if (have == null) {
                differences.add("missing " + id);
            } else if (!want.sql().equals(have.sql())) {
                differences.add(id + " defined otherwise:\n" + have.sql() + "\n    instead of\n" + want.sql());
            }
        }
        return differences;
    }

    private static boolean sameColumnsInAnotherOrder(Table a, Table b) {
        return a.columns().size() == b.columns().size()
                && new HashSet<>(a.columns()).equals(new HashSet<>(b.columns()));
    }

    private static String names(Table table) {
        return String.join(", ", table.columns().stream().map(TableColumn::name).toList());
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String label : whole) {
            if (i < part.size() && part.get(i).equals(label)) {
                i++;
            }
        }
        return i == part.size();
    }

    /** Every schema of the database (it holds nothing but the chain's work), so a revision's objects in other schemas are checked too. */
    private DatabaseSchema snapshot() {
        try (Connection c = database.getConnection()) {
            Set<String> schemas = new LinkedHashSet<>(List.of(schema));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' "
                            + "AND nspname <> 'information_schema' ORDER BY nspname")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            // check expressions as check compares them: one check written in two spellings is one check
            List<String> all = List.copyOf(schemas);
            return CanonicalChecks.of(c, new CatalogReader().read(c, all, exclusions))
                    .withObjects(ObjectReader.read(c, all).stream()
                            // what hangs on migrate's own tables (a grant default privileges gave them) is not the
                            // chain's
                            .filter(o -> !ObjectDiff.excluded(o.id(), exclusions))
                            .toList());
        } catch (SQLException e) {
            throw new MigrateException("Could not read the schema of the verification database: " + e.getMessage(), e);
        }
    }
}
