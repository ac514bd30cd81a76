package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tests' databases run the revisions of the contexts {@code @MigrationChain} names, and no other; and (issue 86,
 * defect 1) a run in a context keeps the version of the runs without it. The chain {@code fixtures.contexts} is
 * {@code a -> b}, run everywhere, and {@code c} on {@code b} in the context test only. Before the fix, a run without
 * the context read a database that one given it had brought to {@code c} as at base, and ran {@code a} again.
 */
class ContextsTest {
    private static final String CHAIN = "fixtures.contexts";

    @Nested
    @MigrationChain(packages = "fixtures.seeded", contexts = "test")
    @MigrateTo("heads")
    class InTheTestContext {
        @Test
        void theTestRowsAreThere(Connection connection) throws SQLException {
            assertThat(roles(connection)).isEqualTo(1);
        }
    }

    @Nested
    @MigrationChain(packages = "fixtures.seeded")
    @MigrateTo("head")
    class WithoutAContext {
        @Test
        void theTestRowsAreNot(MigrationDatabase database, Connection connection) throws SQLException {
            assertThat(roles(connection)).isZero();
            assertThat(database.current()).containsExactly("20261201_000000");
        }
    }

    /** The database the extension brought to the heads in the context; the runs without it find it at their head. */
    @Nested
    @MigrationChain(packages = CHAIN, contexts = "test")
    @MigrateTo("heads")
    class TheContextRunFirst {
        @Test
        void aRunWithoutTheContextIsAtItsHeadWithNothingToDo(MigrationDatabase database) throws SQLException {
            assertThat(database.current()).containsExactly("c");
            database.migrator().assertUpToDate();

            Migrator plain = Migrator.builder()
                    .dataSource(database.dataSource())
                    .packages(CHAIN)
                    .build();
            assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("b");
            plain.upgrade("head");
            plain.assertUpToDate();
            assertThat(rows(
                            database.dataSource(),
                            "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                    .as("nothing ran twice")
                    .containsExactly("a upgrade", "b upgrade", "c upgrade");
        }
    }

    /**
     * The extension's database without the context, which a run given it then brings to {@code c}: the extension's
     * migrator stays at {@code b}, and refuses to go below {@code c}, naming the annotation's element.
     */
    @Nested
    @MigrationChain(packages = CHAIN)
    @MigrateTo("head")
    class ThePlainRunsAfterTheContextRun {
        @Test
        void areAtTheirHeadAndRefuseToGoBelowIt(MigrationDatabase database) throws SQLException {
            Migrator.builder()
                    .dataSource(database.dataSource())
                    .packages(CHAIN)
                    .contexts("test")
                    .build()
                    .upgrade("heads");

            assertThat(database.current()).containsExactly("b");
            database.upgrade("head");
            database.migrator().assertUpToDate();
            assertThat(rows(
                            database.dataSource(),
                            "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                    .as("one upgrade row per revision; c skipped by the extension's run that reached b first")
                    .containsExactly("a upgrade", "b upgrade", "c skipped", "c upgrade");

            assertThatThrownBy(() -> database.downgrade("base"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("This downgrade would revert a, b, below c (test currencies), which this"
                            + " database applied in a run given the context test")
                    .hasMessageContaining("Downgrade c first in a run given @MigrationChain(contexts = \"test\"), then"
                            + " run this downgrade again. Nothing was changed.");
            assertThat(rows(database.dataSource(), "SELECT version_num FROM migrate_version ORDER BY 1"))
                    .containsExactly("b", "c");
        }
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static int roles(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM roles")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
