package dev.migrate.tooling;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.graph.Revs;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Atlas's {@code migrate rebase} cases on a database of the one embedded server: a file added out of
 * order ({@code cmd/atlas/internal/cmdapi/migrate_test.go}, {@code TestMigrate_ApplyExecOrder}),
 * and the documented contract of the command (atlasgo.io, {@code atlas migrate rebase}: it moves
 * files no database applied on top of all the others, and rewrites {@code atlas.sum}). Atlas renames
 * the file to a later version; here the ids stay and the first moved revision gets the other head as
 * its parent, which is what {@code migrate:rebase} writes into its source.
 */
class RebaseTest {
    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("rebase");
    }

    /** Creates table {@code t_<id>}. */
    abstract static class TableStep implements Migration {
        private final String table;

        TableStep(String id) {
            this.table = "t_" + id;
        }

        @Override
        public void upgrade(Operations op) {
            op.createTable(table, column("c", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable(table);
        }
    }

    @Revision(id = "r1")
    public static class R1 extends TableStep {
        public R1() {
            super("r1");
        }
    }

    @Revision(id = "r3", revises = "r1")
    public static class R3 extends TableStep {
        public R3() {
            super("r3");
        }
    }

    /** Written before r3 on a branch from r1, merged after it: Atlas's 2.sql, added out of order. */
    @Revision(id = "r2", revises = "r1")
    public static class R2 extends TableStep {
        public R2() {
            super("r2");
        }
    }

    /** r2 once rebased: only its parent changed. */
    @Revision(id = "r2", revises = "r3")
    public static class R2OnR3 extends TableStep {
        public R2OnR3() {
            super("r2");
        }
    }

    /** Atlas's 2.5.sql: another late branch from r1. */
    @Revision(id = "r25", revises = "r1")
    public static class R25 extends TableStep {
        public R25() {
            super("r25");
        }
    }

    /** r25 once rebased onto r4. */
    @Revision(id = "r25", revises = "r4")
    public static class R25OnR4 extends TableStep {
        public R25OnR4() {
            super("r25");
        }
    }

    /** Atlas's 4.sql, on the rebased chain. */
    @Revision(id = "r4", revises = "r2")
    public static class R4 extends TableStep {
        public R4() {
            super("r4");
        }
    }

    private Migrator migrator(Class<?>... migrations) {
        return Migrator.builder().dataSource(db).migrations(migrations).build();
    }

    private List<String> history() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT revision FROM migrate_history ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> current(Migrator m) {
        return m.current().stream().map(CurrentRevision::id).toList();
    }

    // Atlas cmd/atlas/internal/cmdapi/migrate_test.go, TestMigrate_ApplyExecOrder: 1 and 3 applied, then 2 lands
    // out of order. Atlas refuses the linear apply ("migration file 2.sql was added out of order") and applies it
    // with --exec-order non-linear; here check names both heads and the late branch with both fixes, head is
    // ambiguous, and after the rebase the database at 3 runs 2 alone. 2.5 and 4 added later go the same way.
    @Test
    void aRevisionAddedOutOfOrderIsRebasedOntoTheLatestHeadAndRunsLast() throws Exception {
        migrator(R1.class, R3.class).upgrade("head");

        Migrator late = migrator(R1.class, R3.class, R2.class);
        BranchReview review = MigratorTools.of(late).branchReview();
        assertThat(review.undeclaredHeads()).extracting(RevisionInfo::id).containsExactlyInAnyOrder("r2", "r3");
        assertThat(review.outOfOrder())
                .extracting(o -> o.revision().id(), BranchReview.OutOfOrder::later)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r2", List.of("r3")));
        assertThat(review.outOfOrderWarnings(RevisionInfo::source))
                .singleElement()
                .asString()
                .contains("migrate:rebase -Dmigrate.revision=r2");
        assertThatThrownBy(() -> late.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The target 'head' needs a single head, but there are 2 heads");
        assertThat(history()).containsExactly("r1", "r3");

        RebasePlan plan = MigratorTools.of(late).rebasePlan("r2", null);
        assertThat(plan.from()).isEqualTo("r1");
        assertThat(plan.onto()).isEqualTo("r3");
        assertThat(plan.movedIds()).containsExactly("r2");
        plan.refuseWhenApplied(MigratorTools.of(late).appliedRevisions(), "test");

        Migrator rebased = migrator(R1.class, R3.class, R2OnR3.class);
        assertThat(MigratorTools.of(rebased).branchReview().undeclaredHeads()).isEmpty();
        assertThat(MigratorTools.of(rebased).branchReview().outOfOrder()).isEmpty();
        rebased.upgrade("head");
        assertThat(history()).containsExactly("r1", "r3", "r2");
        assertThat(current(rebased)).containsExactly("r2");

        // 2.5 branches from 1 and 4 follows 2: 2.5 is the late one, put on top of 4
        Migrator more = migrator(R1.class, R3.class, R2OnR3.class, R25.class, R4.class);
        assertThat(MigratorTools.of(more).branchReview().outOfOrder())
                .extracting(o -> o.revision().id())
                .contains("r25");
        RebasePlan second = MigratorTools.of(more).rebasePlan("r25", null);
        assertThat(second.onto()).isEqualTo("r4");
        second.refuseWhenApplied(MigratorTools.of(more).appliedRevisions(), "test");
        Migrator done = migrator(R1.class, R3.class, R2OnR3.class, R4.class, R25OnR4.class);
        done.upgrade("head");
        assertThat(history()).containsExactly("r1", "r3", "r2", "r4", "r25");
        // nothing pending, whichever way it is asked
        assertThat(done.upgrade("head").nothingApplied()).isTrue();
        assertThat(done.upgrade("heads").nothingApplied()).isTrue();
    }

    // atlasgo.io, atlas migrate rebase: only files that no database applied are moved. A database that applied the
    // late branch (deployed from it) refuses its rebase; the other head, which it has not applied, may move instead.
    @Test
    void aRevisionADatabaseAppliedIsNotRebased() {
        migrator(R1.class, R2.class).upgrade("head");
        Migrator both = migrator(R1.class, R3.class, R2.class);
        RebasePlan plan = MigratorTools.of(both).rebasePlan("r2", null);
        assertThatThrownBy(() -> plan.refuseWhenApplied(MigratorTools.of(both).appliedRevisions(), "db1"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The database at db1 has applied r2 of the branch to rebase, so it is released there and "
                        + "its parents must stay. Join the heads with a merge migration instead: mvn compile "
                        + "migrate:merge.");
        RebasePlan other = MigratorTools.of(both).rebasePlan("r3", null);
        assertThat(other.onto()).isEqualTo("r2");
        other.refuseWhenApplied(MigratorTools.of(both).appliedRevisions(), "db1");
    }

    // atlasgo.io, atlas migrate rebase: the command rewrites atlas.sum. Here the chain's fingerprint, which check and
    // verify compare and which names the replay a schema was read from, changes with the moved revision's parent,
    // and only with it.
    @Test
    void aRebaseChangesTheChainFingerprint() {
        String before = MigratorTools.of(migrator(R1.class, R3.class, R2.class)).chainFingerprint();
        assertThat(MigratorTools.of(migrator(R2.class, R3.class, R1.class)).chainFingerprint())
                .isEqualTo(before);
        String after =
                MigratorTools.of(migrator(R1.class, R3.class, R2OnR3.class)).chainFingerprint();
        assertThat(after).isNotEqualTo(before);
    }

    // A branch grown on a squash that stands in for deleted revisions: the graph reads its parent as the squash,
    // while the source of a revision written before the squash names the revision the squash stands for, so the
    // rebase offers both names for the edit of the source.
    @Test
    void aBranchOnASquashNamesTheParentBothWays() {
        RevisionInfo squash = new RevisionInfo(
                "s2", List.of(), "", java.util.Set.of(), List.of(), true, Revs.source("s2"), List.of("a1", "a2"));
        RevisionGraph g = RevisionGraph.of(List.of(squash, Revs.rev("b1", "a2"), Revs.rev("b2", "a2")));
        RebasePlan plan = RebasePlan.of(g, "b1", null);
        assertThat(plan.from()).isEqualTo("s2");
        assertThat(plan.fromNames()).containsExactly("s2", "a2");
        assertThat(plan.onto()).isEqualTo("b2");
        assertThat(RebasePlan.of(graph(Revs.rev("a"), Revs.rev("b1", "a"), Revs.rev("b2", "a")), "b1", null)
                        .fromNames())
                .containsExactly("a");
    }

    private static RevisionGraph graph(RevisionInfo... revisions) {
        return Revs.graph(revisions);
    }
}
