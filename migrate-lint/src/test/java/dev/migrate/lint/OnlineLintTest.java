package dev.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.OnlineChange;
import dev.migrate.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An online migration is judged as it runs: its expand takes no lock that blocks writes for longer than a
 * statement, so the lint reports nothing of it, where the same changes made plainly are errors.
 */
class OnlineLintTest {
    @Revision(id = "r0", message = "tables")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(50), code varchar(10), note text)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r1", revises = "r0", message = "online")
    public static class Online implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(
                    OnlineChange.alterColumn("accounts", "code").type("bigint").up("length(code)"));
            op.online(OnlineChange.alterColumn("accounts", "name")
                    .notNull()
                    .unique("accounts_name_key")
                    .up("coalesce(name, id::text)"));
            op.online(OnlineChange.renameColumn("accounts", "note", "remark"));
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r1", revises = "r0", message = "plain")
    public static class Plain implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumnType("accounts", "code", "bigint", "length(code)");
            op.setNotNull("accounts", "name");
            op.renameColumn("accounts", "note", "remark");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    private static LintReport lint(Migration analysed) {
        DataSource database = TestPostgres.freshDatabase("lint_online");
        Migrator migrator = Migrator.builder()
                .dataSource(database)
                .migrations(new Tables(), analysed)
                .log(QUIET)
                .build();
        return Lint.builder(migrator).database(database).build().run("r0:heads");
    }

    @Test
    void theExpandOfAnOnlineMigrationBlocksNoWrites() {
        LintReport report = lint(new Online());
        assertThat(report.findings()).as(report.findings().toString()).isEmpty();
    }

    @Test
    void theSameChangesMadePlainlyAreReported() {
        LintReport report = lint(new Plain());
        assertThat(report.findings().stream().map(f -> f.rule().id()))
                .contains("type-change-rewrite", "backward-incompatible");
    }
}
