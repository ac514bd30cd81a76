package dev.migrate.internal.runtime.script;

import static dev.migrate.testing.TestPostgres.execute;
import static dev.migrate.testing.TestPostgres.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.discovery.MigrationScanner;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.runtime.Fixtures;
import dev.migrate.internal.runtime.GoldenMigrations;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.Deferrability;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.Precondition;
import dev.migrate.op.Precondition.OnFail;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SqlOp;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    static String checksum(Class<? extends Migration> type) {
        DiscoveredMigration m =
                new DiscoveredMigration(MigrationScanner.toInfo(type.getAnnotation(Revision.class), type), type);
        return new ScriptRecorder().record(m, Direction.UPGRADE, false).checksum();
    }

    /**
     * Pinned values: a failure here means an applied migration of some user would be reported as
     * changed after upgrading migrate. Change the algorithm only with a new format prefix.
     */
    @Test
    void checksumsArePinned() {
        assertThat(checksum(GoldenMigrations.Tables.class)).isEqualTo("v2:7i_463fZlJC_5q-8jS99xChJ3yA5DnlPIeb2OjHqHv0");
        assertThat(checksum(GoldenMigrations.Data.class)).isEqualTo("v2:N0oEGE-qs9sP2W19pUcmqF9WkVo6Mnvp_On15MkWh4o");
        assertThat(checksum(Fixtures.R1.class)).isEqualTo("v2:M4-fsV6yeM8DeKpQjvfvI8GzPqNTky0cas0ZieYNZ1k");
        assertThat(checksum(Fixtures.R4Data.class)).isEqualTo("v2:wV8jmG4JjkNEfe1Ayd-Cra6cAtdpSK4qpixGKg0bMP8");
    }

    @Test
    void aUniqueColumnChangesTheChecksumAndAColumnWithoutOneKeepsItsOldEncoding() {
        Op plain = new ColumnOp.AddColumn(QualifiedName.parse("t"), dev.migrate.Ddl.column("c", "text"));
        Op unique = new ColumnOp.AddColumn(
                QualifiedName.parse("t"), dev.migrate.Ddl.column("c", "text").unique());
        // isUnique is false on every column written before it existed, and false components are left out
        assertThat(new Checksum().add(plain).encoding()).doesNotContain("isUnique");
        assertThat(new Checksum().add(unique).encoding()).contains("isUnique=true");
        assertThat(new Checksum().add(unique).value())
                .isNotEqualTo(new Checksum().add(plain).value());
    }

    /**
     * An index written before storage parameters existed keeps its checksum (pinned: the encoding of
     * the op as it was), and one with parameters gets another.
     */
    @Test
    void anIndexWithoutStorageParametersKeepsItsChecksumAndOneWithThemChangesIt() {
        IndexOp.CreateIndex brin = IndexOp.CreateIndex.on(
                        "orders_placed", QualifiedName.parse("orders"), List.of("placed_at"))
                .using("brin");
        Checksum before = new Checksum().add(brin);
        assertThat(before.encoding())
                .isEqualTo("CreateIndex(name=\"13:orders_placed\";table=QualifiedName(name=\"6:orders\";);"
                        + "keys=[Column(name=\"9:placed_at\";),];method=\"4:brin\";)\n");
        assertThat(before.value()).isEqualTo("v2:7ZgdMhfkYQT3sV6vQsPaQLrQcRV-dNRODFD4eLLEz1Y");
        Checksum with = new Checksum().add(brin.with("pages_per_range", 32));
        assertThat(with.encoding()).contains("storage={\"15:pages_per_range\"=\"2:32\",}");
        assertThat(with.value()).isNotEqualTo(before.value());
    }

    /**
     * A key or unique constraint written before its index's storage parameters existed keeps its checksum (the
     * empty parameters are left out of the encoding), and one with them gets another.
     */
    @Test
    void aConstraintWithoutStorageParametersKeepsItsChecksumAndOneWithThemChangesIt() {
        QualifiedName accounts = QualifiedName.parse("accounts");
        ConstraintOp.AddConstraint unique =
                new ConstraintOp.AddConstraint(accounts, dev.migrate.Ddl.unique("accounts_email_key", "email"));
        ConstraintOp.AddConstraint key =
                new ConstraintOp.AddConstraint(accounts, dev.migrate.Ddl.primaryKey("accounts_pkey", "id"));
        assertThat(new Checksum().add(unique).encoding()).doesNotContain("storage");
        assertThat(new Checksum().add(key).encoding()).doesNotContain("storage");
        ConstraintOp.AddConstraint tighter = new ConstraintOp.AddConstraint(
                accounts, dev.migrate.Ddl.unique("accounts_email_key", "email").with("fillfactor", 70));
        assertThat(new Checksum().add(tighter).encoding()).contains("storage={\"10:fillfactor\"=\"2:70\",}");
        assertThat(new Checksum().add(tighter).value())
                .isNotEqualTo(new Checksum().add(unique).value());
    }

    @Test
    void theEncodingNamesEachRecordComponentAndLeavesOutEmptyOnes() {
        Checksum c = new Checksum()
                .add(new SchemaOp.CreateSchema("app", false))
                .add(new SqlOp.Execute("SELECT 1", null))
                .addJdbc();
        assertThat(c.encoding()).isEqualTo("CreateSchema(name=\"3:app\";)\nExecute(sql=\"8:SELECT 1\";)\njdbc\n");
        assertThat(c.value()).startsWith("v2:").hasSize(46);
    }

    @Test
    void aChangeOfDeferrabilityIsEncodedByItsNameWhetherOrNotItKnowsTheOldOne() {
        QualifiedName t = QualifiedName.parse("tasks");
        Op written = new ConstraintOp.AlterConstraintDeferrability(
                t, "fk_tasks_agent", Deferrability.INITIALLY_DEFERRED, null);
        assertThat(new Checksum().add(written).encoding())
                .isEqualTo("AlterConstraintDeferrability(table=QualifiedName(name=\"5:tasks\";);"
                        + "constraint=\"14:fk_tasks_agent\";deferrability=INITIALLY_DEFERRED;)\n");
        // the migration's op.setDeferrable(...) records what the upgrade says: the same checksum on every run
        assertThat(new Checksum().add(written).value())
                .isNotEqualTo(new Checksum()
                        .add(new ConstraintOp.AlterConstraintDeferrability(
                                t, "fk_tasks_agent", Deferrability.INITIALLY_IMMEDIATE, null))
                        .value());
    }

    @Test
    void rowOrderOfKeysDoesNotMatterToTheChecksum() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", "x");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "x");
        ba.put("a", 1);
        QualifiedName t = QualifiedName.parse("t");
        assertThat(new Checksum().add(new DataOp.BulkInsert(t, List.of(ab))).value())
                .isEqualTo(new Checksum()
                        .add(new DataOp.BulkInsert(t, List.of(ba)))
                        .value())
                .isEqualTo(new Checksum()
                        .add(new DataOp.BulkInsert(t, List.of(Map.of("b", "x", "a", 1))))
                        .value());
    }

    @Test
    void bulkInsertColumnsAreSortedForUnorderedMapsAndKeptForOrderedOnes() {
        PostgresDialect dialect = new PostgresDialect();
        QualifiedName t = QualifiedName.parse("t");
        Map<String, Object> unordered = new java.util.HashMap<>(Map.of("zeta", 1, "alpha", 2, "mid", 3));
        assertThat(dialect.render(new DataOp.BulkInsert(t, List.of(unordered))).get(0))
                .startsWith("INSERT INTO t (alpha, mid, zeta) VALUES");
        assertThat(dialect.render(new DataOp.BulkInsert(t, List.of(Map.of("zeta", 1, "alpha", 2, "mid", 3))))
                        .get(0))
                .startsWith("INSERT INTO t (alpha, mid, zeta) VALUES");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("zeta", 1);
        ordered.put("alpha", 2);
        assertThat(dialect.render(new DataOp.BulkInsert(t, List.of(ordered))).get(0))
                .startsWith("INSERT INTO t (zeta, alpha) VALUES");
        assertThat(dialect.render(new DataOp.BulkInsert(t, List.of(new TreeMap<>(Map.of("b", 1, "a", 2)))))
                        .get(0))
                .startsWith("INSERT INTO t (a, b) VALUES");
    }

    /** {@code Map.of} iterates in an order that differs from JVM to JVM: the checksum must not. */
    @Test
    void theChecksumIsTheSameInEveryJvm() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ManyColumns.class.getName())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor()).as(out).isZero();
            seen.add(out);
        }
        assertThat(seen).containsExactly(checksum(ManyColumns.class) + " " + sql(ManyColumns.class));
    }

    private static String sql(Class<? extends Migration> type) {
        DiscoveredMigration m =
                new DiscoveredMigration(MigrationScanner.toInfo(type.getAnnotation(Revision.class), type), type);
        return new ScriptRecorder().record(m, Direction.UPGRADE, false).legacyChecksum();
    }

    @Revision(id = "many", message = "rows with many columns")
    public static class ManyColumns implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.bulkInsert(
                    "t",
                    List.of(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6, "g", 7, "h", 8, "i", 9, "j", 10)));
        }

        @Override
        public void downgrade(Operations op) {}

        public static void main(String[] args) throws IOException {
            System.out.println(checksum(ManyColumns.class) + " " + sql(ManyColumns.class));
        }
    }

    @Test
    void aChecksumStoredInTheFirstFormatIsRecognisedAndUpgraded() throws Exception {
        DataSource db = TestPostgres.freshDatabase("checksum");
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class)
                .log(new Fixtures.RecordingLog())
                .build();
        m.upgrade("r2");
        String legacy = legacyOf(Fixtures.R1.class);
        assertThat(legacy).matches("[0-9a-f]{64}");
        execute(db, "UPDATE migrate_history SET checksum = '" + legacy + "' WHERE revision = 'r1'");

        m.upgrade("head");
        assertThat(query(db, "SELECT checksum FROM migrate_history WHERE revision = 'r1'"))
                .containsExactly(checksum(Fixtures.R1.class));
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    @Test
    void aChangedMigrationIsCaughtWhateverTheFormatOfItsStoredChecksum() throws Exception {
        DataSource db = TestPostgres.freshDatabase("checksum");
        Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class)
                .log(new Fixtures.RecordingLog())
                .build()
                .upgrade("head");
        execute(
                db,
                "UPDATE migrate_history SET checksum = '" + legacyOf(Fixtures.R3.class) + "' WHERE revision = 'r3'");
        Migrator edited = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3Edited.class)
                .log(new Fixtures.RecordingLog())
                .build();
        assertThatThrownBy(() -> edited.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Applied migration has changed since it was applied: r3");
    }

    @Test
    void aChecksumOfAFormatFromALaterVersionIsNotVerifiedButSaidSo() throws Exception {
        DataSource db = TestPostgres.freshDatabase("checksum");
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class)
                .log(log)
                .build();
        m.upgrade("r2");
        execute(db, "UPDATE migrate_history SET checksum = 'v9:something-newer' WHERE revision = 'r1'");
        m.upgrade("head");
        assertThat(log.lines)
                .contains("WARN The checksums of r1 were written by a later version of migrate in a format "
                        + "this one does not know, so they were not verified.");
        assertThat(query(db, "SELECT checksum FROM migrate_history WHERE revision = 'r1'"))
                .containsExactly("v9:something-newer");
    }

    /** The stored checksum is of the online recording, so the check must record online too. */
    @Test
    void aMigrationThatAsksForOtherThingsOfflineIsNotReportedAsChanged() throws Exception {
        DataSource db = TestPostgres.freshDatabase("checksum");
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.R1.class, OfflineAware.class)
                .log(new Fixtures.RecordingLog())
                .build();
        m.upgrade("head");
        m.upgrade("head"); // verifies the applied checksums again
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("offline_aware");
        assertThat(query(db, "SELECT checksum FROM migrate_history WHERE revision = 'offline_aware'"))
                .containsExactly(checksum(OfflineAware.class));
    }

    @Revision(id = "offline_aware", revises = "r1", message = "JDBC online, SQL offline")
    public static class OfflineAware implements Migration {
        @Override
        public void upgrade(Operations op) {
            if (op.isOffline()) {
                op.execute("UPDATE agents SET name = name");
            } else {
                op.jdbc(c -> c.createStatement().execute("UPDATE agents SET name = name"));
            }
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static String legacyOf(Class<? extends Migration> type) {
        return sql(type);
    }

    @Test
    void onErrorHaltIsTheDefaultAndKeepsTheChecksumOfAGuardWithoutIt() {
        Precondition badTable = new Precondition.SqlCheck("select 1 from badtable", "1");
        SqlOp.Guard plain = new SqlOp.Guard(badTable, OnFail.MARK_RAN, "m");
        SqlOp.Guard halt = new SqlOp.Guard(badTable, OnFail.MARK_RAN, OnFail.HALT, "m");
        SqlOp.Guard warn = new SqlOp.Guard(badTable, OnFail.MARK_RAN, OnFail.WARN, "m");
        assertThat(halt).isEqualTo(plain);
        assertThat(plain.errorOutcome()).isEqualTo(OnFail.HALT);
        assertThat(new Checksum().add(halt).value())
                .isEqualTo(new Checksum().add(plain).value());
        assertThat(new Checksum().add(warn).value())
                .isNotEqualTo(new Checksum().add(plain).value());
    }

    /**
     * The encoding names each operation by its simple name ({@code CreateTable(...)}), which stayed the same when the
     * records moved from {@code Op} into its families ({@code TableOp.CreateTable}). The compiler kept the names
     * unique while they were nested in one interface; now two families could each have a {@code Rename}, whose
     * operations would then share their checksums.
     */
    @Test
    void everyOperationHasANameOfItsOwnAcrossTheFamilies() {
        assertThat(sharedNames(Op.class)).isEmpty();
        assertThat(sharedNames(Change.class)).containsExactly("Rename");
    }

    /** The simple names that more than one record under the sealed {@code root} has. */
    private static Set<String> sharedNames(Class<?> root) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new TreeSet<>();
        Deque<Class<?>> types = new ArrayDeque<>(List.of(root));
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            if (type.isRecord() && !seen.add(type.getSimpleName())) {
                shared.add(type.getSimpleName());
            }
            Class<?>[] permitted = type.getPermittedSubclasses();
            if (permitted != null) {
                types.addAll(List.of(permitted));
            }
        }
        return shared;
    }

    sealed interface Change permits TableChange, IndexChange {}

    sealed interface TableChange extends Change {
        record Rename(String name) implements TableChange {}
    }

    sealed interface IndexChange extends Change {
        record Rename(String name) implements IndexChange {}

        record Drop(String name) implements IndexChange {}
    }
}
