package dev.migrate.traversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.BadTargetException;
import dev.migrate.CurrentRevision;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.testing.LongSuite;
import dev.migrate.traversal.Shape.Database;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cases of Alembic's {@code tests/test_command.py} ({@code CurrentTest}, {@code StampMultipleHeadsTest},
 * {@code UpgradeDowngradeStampTest}) and {@code tests/test_version_traversal.py}'s ranges, run
 * through {@code Migrator} on the embedded server and offline.
 */
@LongSuite
class CommandPortTest {

    private static List<String> current(Migrator m) {
        return m.current().stream().map(CurrentRevision::id).sorted().toList();
    }

    private static String sql(Consumer<StringWriter> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return out.toString();
    }

    /** CurrentTest: a1 -> a2 -> a3, and b1 -> b2 -> b3 with b2 depending on a2. */
    @Nested
    class Current {
        final Shape shape = Shape.named("current")
                .rev("a1")
                .rev("a2", "a1")
                .rev("a3", "a2")
                .rev("b1")
                .rev("b2", "b1")
                .dependsOn("a2")
                .rev("b3", "b2");

        @Test // test_no_current, test_plain_current, test_two_heads
        void currentListsTheStampedRevisions() {
            Database db = shape.database();
            assertThat(current(db.migrator)).isEmpty();
            db.migrator.stamp("a3", false);
            assertThat(current(db.migrator)).containsExactly("a3");
            db.migrator.stamp("base", false);
            db.migrator.stamp("a1,b1", false);
            assertThat(current(db.migrator)).containsExactly("a1", "b1");
        }

        @Test // test_heads_one_is_dependent
        void stampOfARevisionWithADependencyRecordsWhatUpgradeWould() {
            Database db = shape.database();
            db.migrator.stamp("b2", false);
            assertThat(current(db.migrator)).containsExactly("a2", "b2");
            Database upgraded = shape.database().at("b2");
            assertThat(upgraded.rows()).isEqualTo(db.rows());
        }

        @Test // test_heads_upg
        void upgradeFromAStampedDependentRunsOnlyWhatIsMissing() {
            Database db = shape.database().at("b2");
            db.migrator.stamp("b2", true); // the rows a stamp writes, on a database that has the schema
            assertThat(db.upgrade("b3")).containsExactly("up b3");
            assertThat(current(db.migrator)).containsExactly("a2", "b3");
        }

        @Test // after a stamp, a downgrade and an upgrade run each migration once
        void nothingRunsTwiceAfterAStamp() {
            Database db = shape.database().at("b2");
            db.migrator.stamp("b2", true);
            assertThat(db.downgrade("-1")).containsExactly("down b2");
            assertThat(db.rows()).containsExactly("a2", "b1");
            assertThat(db.upgrade("b2")).containsExactly("up b2");
            assertThat(db.rows()).containsExactly("a2", "b2");
        }

        @Test // a table that left out the dependency's row, as Alembic's does: it is put back
        void aTableWithoutTheDependencyRowIsPutRight() {
            Database db = shape.database().at("b2");
            db.execute("DELETE FROM migrate_version WHERE version_num = 'a2'");
            assertThat(db.downgrade("-1")).containsExactly("down b2");
            assertThat(db.rows()).containsExactly("a2", "b1");
            assertThat(db.upgrade("b2")).containsExactly("up b2");
        }

        @Test // test_check_heads_success, test_check_heads_fail
        void upToDateOnlyWithEveryHeadApplied() {
            Database db = shape.database().at("a3,b3");
            db.migrator.assertUpToDate();
            db.downgrade("b2");
            assertThatThrownBy(db.migrator::assertUpToDate).isInstanceOf(NotAtHeadException.class);
        }
    }

    /** three_rev_fixture and multi_heads_fixture: a -> b -> c, b -> d -> e, b -> f; c1branch labels on c. */
    @Nested
    class StampMultipleHeads {
        final Shape shape = Shape.named("stampheads")
                .rev("a")
                .rev("b", "a")
                .rev("c", "b")
                .label("cbranch")
                .rev("d", "b")
                .rev("e", "d")
                .rev("f", "b");

        @Test // test_sql_stamp_heads
        void offlineStampOfHeads() {
            String script = sql(out -> shape.offline().stampSql("heads", false, out));
            assertThat(script).contains("INSERT INTO public.migrate_version (version_num) VALUES ('c'), ('e'), ('f')");
        }

        @Test // test_sql_stamp_heads_symbolic, test_sql_stamp_multi_rev_from_multi_start
        void offlineStampFromARevisionToTheHeads() {
            String script = sql(out -> shape.offline().stampSql("b:heads", false, out));
            assertThat(script)
                    .contains("DELETE FROM public.migrate_version WHERE version_num IN ('b')")
                    .contains("INSERT INTO public.migrate_version (version_num) VALUES ('c'), ('e'), ('f')");
            assertThat(sql(out -> shape.offline().stampSql("b:c,e,f", false, out)))
                    .contains("DELETE FROM public.migrate_version WHERE version_num IN ('b')")
                    .contains("INSERT INTO public.migrate_version (version_num) VALUES ('c'), ('e'), ('f')");
        }

        @Test // test_online_stamp_multi_rev_from_real_ancestor, test_online_stamp_version_already_there
        void stampSeveralRevisionsAtOnce() {
            Database db = shape.database();
            db.migrator.stamp("a", false);
            db.migrator.stamp("e,f", false);
            assertThat(db.rows()).containsExactly("e", "f");
            db.migrator.stamp("c,e", false); // f is on a branch of its own, so its row stays
            assertThat(db.rows()).containsExactly("c", "e", "f");
            db.migrator.stamp("base", false);
            db.migrator.stamp("c,e", false);
            assertThat(db.rows()).containsExactly("c", "e");
            int before = db.history().size();
            db.migrator.stamp("c,e", false);
            assertThat(db.rows()).containsExactly("c", "e");
            assertThat(db.history()).hasSize(before + 2);
        }

        @Test // a stamp's history names the revisions it resolved to, not the target as typed
        void stampHistoryRecordsTheResolvedRevisions() {
            Database db = shape.database();
            db.migrator.stamp("cbranch@head", false);
            db.migrator.stamp("cbranch@base", false);
            db.migrator.stamp("e", false);
            db.migrator.stamp("d+1", false);
            db.migrator.stamp("base", false);
            assertThat(db.history())
                    .containsExactly(
                            "c stamp stamp cbranch@head",
                            "b stamp stamp cbranch@base",
                            "e stamp stamp e",
                            "e stamp stamp d+1",
                            "base stamp stamp base");
        }
    }

    /** UpgradeDowngradeStampTest and the offline ranges: a -> b -> c. */
    @Nested
    class OfflineRanges {
        final Shape shape = Shape.named("offlineranges")
                .rev("a1b2c3d4")
                .rev("b", "a1b2c3d4")
                .rev("c", "b");

        @Test // test_sql_stamp_from_rev, test_sql_stamp_from_partial_rev
        void offlineStampFromARevisionMovesItsRow() {
            for (String from : List.of("a1b2c3d4", "a1b2c3")) {
                String script = sql(out -> shape.offline().stampSql(from + ":head", false, out));
                assertThat(script)
                        .contains("DELETE FROM public.migrate_version WHERE version_num IN ('a1b2c3d4')")
                        .contains("INSERT INTO public.migrate_version (version_num) VALUES ('c')");
            }
        }

        @Test // the script moves a database at the range's start to its end
        void offlineStampRangeRunsOnADatabase() {
            Database db = shape.database();
            db.migrator.stamp("a1b2", false);
            db.execute(sql(out -> db.offline().stampSql("a1b2:head", false, out)));
            assertThat(db.rows()).containsExactly("c");
        }

        @Test // test_version_to_none, test_version_to_middle
        void offlineDowngradeRanges() {
            String toBase = sql(out -> shape.offline().downgradeSql("c:base", out));
            assertThat(toBase)
                    .contains("DROP TABLE t_c")
                    .contains("DROP TABLE t_b")
                    .contains("DROP TABLE t_a1b2c3d4");
            String toMiddle = sql(out -> shape.offline().downgradeSql("c:a1b2", out));
            assertThat(toMiddle)
                    .contains("DROP TABLE t_c")
                    .contains("DROP TABLE t_b")
                    .doesNotContain("t_a1b2c3d4");
        }

        @Test // RevisionPathTest.test_invalid_move_higher_to_lower, offline: a range the wrong way round
        void offlineDowngradeRangeTheWrongWayIsRefused() {
            assertThatThrownBy(() -> shape.offline().downgradeSql("b:c", new StringWriter()))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining(
                            "Destination c is not a valid downgrade target from the current revision(s) b");
        }

        @Test // _collect_upgrade_revisions' RangeNotAncestorError: an upgrade range the wrong way round
        void offlineUpgradeRangeTheWrongWayIsRefused() {
            assertThatThrownBy(() -> shape.offline().upgradeSql("c:a1b2", new StringWriter()))
                    .isInstanceOf(BadTargetException.class)
                    .hasMessageContaining("The range c:a1b2 is not an upgrade")
                    .hasMessageContaining("use downgrade");
            assertThat(sql(out -> shape.offline().upgradeSql("c:c", out))).doesNotContain("CREATE TABLE t_");
        }
    }
}
