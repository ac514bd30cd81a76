package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static dev.migrate.internal.runtime.Fixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.testing.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Offline SQL goes through the same runner as live runs; the script, run by hand, gives the same database. */
class OfflineSqlTest {
    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    private Migrator offline(Class<?>... classes) {
        return Migrator.builder().migrations(classes).log(log).build();
    }

    private static String sql(java.util.function.Consumer<StringWriter> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return out.toString();
    }

    @Test
    void upgradeScriptHasTheVersionTablesAndOneTransactionPerMigration() {
        String script = sql(out -> offline(Fixtures.CHAIN).upgradeSql("head", out));
        assertThat(script)
                .startsWith("-- migrate: upgrade head")
                .contains("CREATE TABLE IF NOT EXISTS public.migrate_version (")
                .contains("CREATE TABLE IF NOT EXISTS public.migrate_history (")
                .contains("-- Running upgrade <base> -> r1, create agents\n\nBEGIN;\n\nCREATE TABLE agents (")
                .contains("INSERT INTO public.migrate_version (version_num) VALUES ('r1');")
                .contains("DELETE FROM public.migrate_version WHERE version_num IN ('r2');\n\n"
                        + "INSERT INTO public.migrate_version (version_num) VALUES ('r3');")
                .endsWith("COMMIT;\n\n");
        assertThat(script.split("BEGIN;", -1)).hasSize(4);
        assertThat(script.split("COMMIT;", -1)).hasSize(4);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void allModeWrapsTheScriptInOneTransaction() {
        String script = sql(out -> Migrator.builder()
                .migrations(Fixtures.CHAIN)
                .transactionMode(TransactionMode.ALL)
                .build()
                .upgradeSql("head", out));
        assertThat(script.split("BEGIN;", -1)).hasSize(2);
        assertThat(script.split("COMMIT;", -1)).hasSize(2);
    }

    @Test
    void nonTransactionalMigrationHasNoTransactionInTheScript() {
        String script = sql(
                out -> offline(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Concurrently.class)
                        .upgradeSql("r3:head", out));
        assertThat(script)
                .contains("CREATE INDEX CONCURRENTLY ix_agents_name ON agents (name);")
                .doesNotContain("BEGIN;")
                .doesNotContain("r1, create agents");
    }

    @Test
    void scriptsRunByHandGiveTheSameDatabaseAsLiveRuns() throws Exception {
        DataSource db = TestPostgres.freshDatabase("offline");
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Fixtures.CHAIN)
                .log(log)
                .build();
        runScript(db, sql(out -> m.upgradeSql("head", out)));
        assertThat(m.current()).containsExactly(new CurrentRevision("r3", "add status", true));
        assertThat(tables(db)).containsExactly("agents", "migrate_history", "migrate_version", "tasks");

        runScript(db, sql(out -> m.downgradeSql("head:r1", out)));
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r1");
        runScript(db, sql(out -> m.downgradeSql("r1:base", out)));
        assertThat(tables(db)).containsExactly("migrate_history", "migrate_version");
        assertThat(query(db, "SELECT count(*) FROM migrate_version")).containsExactly("0");

        runScript(db, sql(out -> m.stampSql("r2", false, out)));
        assertThat(m.current()).extracting(CurrentRevision::id).containsExactly("r2");
    }

    @Test
    void offlineDowngradeNeedsARange() {
        assertThatThrownBy(() -> offline(Fixtures.CHAIN).downgradeSql("base", new StringWriter()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("<from>:<to>");
    }

    private static void runScript(DataSource db, String script) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(script);
        }
    }
}
