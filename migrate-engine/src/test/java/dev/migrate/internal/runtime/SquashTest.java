package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A squash on a chain of 30 revisions with data steps, branches and a merge, at base, inside the
 * range, past it, and once the replaced classes are deleted. The cases follow Django's tests of
 * {@code replaces} ({@code tests/migrations/test_loader.py}, {@code test_loading_squashed},
 * {@code test_loading_squashed_complex}: the squash is used only when none of what it replaces is
 * applied; {@code test_loading_squashed_erroneous}: a database part-way through a deleted range).
 */
@LongSuite
class SquashTest {
    private static final String DATA = "SELECT string_agg(v || '@' || id, ',' ORDER BY id) FROM ("
            + "SELECT id, v FROM t3 UNION ALL SELECT id, v FROM t5 UNION ALL SELECT id, v FROM t7 "
            + "UNION ALL SELECT id, v FROM t10 UNION ALL SELECT id, v FROM t15 UNION ALL SELECT id, v FROM t22) d";
    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("squash");
    }

    private Migrator migrator(Class<?>[] chain, Class<?>... more) {
        Class<?>[] all = Stream.concat(Stream.of(chain), Stream.of(more)).toArray(Class<?>[]::new);
        return Migrator.builder().dataSource(db).migrations(all).build();
    }

    private Migrator withSquash() {
        return migrator(SquashChain.CHAIN, SquashChain.S20.class);
    }

    private List<String> history() throws Exception {
        return query(db, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id");
    }

    private List<String> versions() throws Exception {
        return query(db, "SELECT version_num FROM migrate_version ORDER BY 1");
    }

    private List<String> tables() throws Exception {
        return query(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t[0-9]+$'");
    }

    @Test
    void aDatabaseAtBaseTakesTheSquashThenWhatFollows() throws Exception {
        Migrator m = withSquash();
        m.upgrade("c20");
        assertThat(history()).containsExactly("s20:upgrade");
        assertThat(versions()).containsExactly("c20"); // what the revisions after it revise
        assertThat(tables()).containsExactly("24");
        assertThat(query(db, DATA)).containsExactly("execute@3,bulk@5,jdbc@7,execute@10,bulk@15,execute@22");
        assertThat(m.current()).containsExactly(new CurrentRevision("c20", "", false));

        m.upgrade("head");
        assertThat(history())
                .hasSize(7)
                .startsWith("s20:upgrade", "c21:upgrade")
                .endsWith("c26:upgrade");
        assertThat(versions()).containsExactly("c26");
        assertThat(tables()).containsExactly("30");
        m.assertUpToDate();
    }

    @Test
    void aDatabaseInsideTheRangeContinuesThroughTheReplacedRevisions() throws Exception {
        Migrator m = withSquash();
        m.upgrade("c05"); // stops inside the range: the chain itself
        assertThat(history())
                .containsExactly("c01:upgrade", "c02:upgrade", "c03:upgrade", "c04:upgrade", "c05:upgrade");
        m.upgrade("a@head"); // one branch, then the rest
        m.upgrade("head");
        List<String> ran = history();
        assertThat(ran).hasSize(30).doesNotContain("s20:upgrade").contains("c12b:upgrade", "c13:upgrade");
        assertThat(versions()).containsExactly("c26");
        assertThat(query(db, DATA)).containsExactly("execute@3,bulk@5,jdbc@7,execute@10,bulk@15,execute@22");
    }

    @Test
    void aDatabaseOnOneBranchOfTheRangeContinuesThroughIt() throws Exception {
        migrator(SquashChain.CHAIN).upgrade("b@head");
        Migrator m = withSquash();
        m.upgrade("head");
        assertThat(history()).hasSize(30).doesNotContain("s20:upgrade");
        assertThat(tables()).containsExactly("30");
    }

    @Test
    void aDatabasePastTheRangeSeesNoChange() throws Exception {
        migrator(SquashChain.CHAIN).upgrade("c22");
        List<String> before = history();
        Migrator m = withSquash();
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("c22");
        m.upgrade("c22");
        assertThat(history()).isEqualTo(before);
        m.upgrade("head");
        List<String> expected = new ArrayList<>(before);
        expected.addAll(List.of("c23:upgrade", "c24:upgrade", "c25:upgrade", "c26:upgrade"));
        assertThat(history()).isEqualTo(expected);
    }

    @Test
    void aDowngradeFromTheSquashGoesThroughTheReplacedRevisions() throws Exception {
        Migrator m = withSquash();
        m.upgrade("head");
        m.downgrade("c13");
        assertThat(versions()).containsExactly("c13");
        assertThat(tables()).containsExactly("17");
        m.upgrade("head");
        assertThat(tables()).containsExactly("30");
    }

    @Test
    void onceTheReplacedClassesAreDeletedTheSquashStandsForTheirHead() throws Exception {
        migrator(SquashChain.CHAIN).upgrade("c21"); // a database that went through the old chain
        Migrator m = migrator(SquashChain.AFTER, SquashChain.S20.class);
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("c21");
        m.upgrade("head");
        assertThat(versions()).containsExactly("c26");
        assertThat(history()).hasSize(30).doesNotContain("s20:upgrade");
        m.downgrade("s20");
        assertThat(versions()).containsExactly("s20");
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("s20");
        assertThat(tables()).containsExactly("24");
    }

    @Test
    void onceTheReplacedClassesAreDeletedARowNamingTheirHeadMeansTheSquash() throws Exception {
        migrator(SquashChain.CHAIN).upgrade("c20");
        Migrator m = migrator(SquashChain.AFTER, SquashChain.S20.class);
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("s20");
        m.upgrade("head");
        assertThat(versions()).containsExactly("c26");
        assertThat(history()).hasSize(30).doesNotContain("s20:upgrade");
        assertThat(tables()).containsExactly("30");
    }

    @Test
    void onceTheReplacedClassesAreDeletedAFreshDatabaseTakesTheSquash() throws Exception {
        Migrator m = migrator(SquashChain.AFTER, SquashChain.S20.class);
        m.upgrade("head");
        assertThat(history()).startsWith("s20:upgrade", "c21:upgrade").hasSize(7);
        assertThat(query(db, DATA)).containsExactly("execute@3,bulk@5,jdbc@7,execute@10,bulk@15,execute@22");
        m.downgrade("base");
        assertThat(tables()).containsExactly("0");
    }

    @Test
    void aDatabaseInsideADeletedRangeIsToldWhichSquashAndWhatToDo() throws Exception {
        migrator(SquashChain.CHAIN).upgrade("c10a");
        Migrator m = migrator(SquashChain.AFTER, SquashChain.S20.class);
        List<String> before = history();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The database is at revision c10a, inside the range that squash s20")
                .hasMessageContaining("Upgrade this database past c20 with a build that still has them");
        assertThatThrownBy(m::current).hasMessageContaining("squash s20");
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void aSquashMustReplaceThePrefixItStandsFor() {
        Class<?>[] withoutC04 = Stream.of(SquashChain.CHAIN)
                .filter(c -> c != SquashChain.C04.class)
                .toArray(Class<?>[]::new);
        assertThatThrownBy(() -> migrator(withoutC04, SquashChain.S20.class))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Squash s20")
                .hasMessageContaining("are still defined and c04 are not");
    }
}
