package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.Op;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A column renamed while its indexes are written anew on the new name: PostgreSQL moves the old indexes to the new
 * name with the column, so each replaced index is dropped before the rename and built after it, and the downgrade,
 * in reverse, builds the old ones once the name is back. Both directions run on a database the chain built, where
 * the downgrade built an index on the old name before the rename back, and failed.
 */
class RenamedColumnIndexesTest {
    private static final List<String> DDL = List.of(
            "create table t (id int not null, a int, c int, primary key (id))",
            "create index t_a_idx on t (a) include (c)",
            "create index t_b_idx on t (c)",
            "alter table t add constraint t_b_check check (c > 0)");

    @Revision(id = "r1", message = "create t")
    public static class CreateT implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("t", column("id", "int").primaryKey(), column("a", "int"), column("b", "int"));
            op.execute("CREATE INDEX t_a_idx ON t (a) INCLUDE (b)");
            op.execute("CREATE INDEX t_b_idx ON t (b)");
            op.execute("ALTER TABLE t ADD CONSTRAINT t_b_check CHECK (b > 0)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("t");
        }
    }

    @Test
    void theRenameAndItsIndexesRunBothWays() throws SQLException {
        Migrator chain = Migrator.builder().migrations(CreateT.class).build();
        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(chain, PrintedDdl.of(DDL))
                        .renames(Map.of("t.b", "c"))
                        .declaringTheWholeSchema(true)
                        .build(),
                new TestThrowaways(null),
                line -> {});
        List<String> upgrade = OpSql.renderAll(result.script().upgrade());
        assertThat(upgrade).anyMatch(s -> s.contains("RENAME COLUMN b TO c"));

        DataSource database = TestPostgres.freshDatabase("renamed_indexes");
        Migrator.builder()
                .dataSource(database)
                .migrations(CreateT.class)
                .build()
                .upgrade("heads");
        run(database, result.script().upgrade());
        run(database, result.script().downgrade());
        assertThat(TestPostgres.query(
                        database,
                        "SELECT indexdef FROM pg_indexes WHERE tablename = 't' AND indexname <> 't_pkey' ORDER BY 1"))
                .containsExactly(
                        "CREATE INDEX t_a_idx ON public.t USING btree (a) INCLUDE (b)",
                        "CREATE INDEX t_b_idx ON public.t USING btree (b)");
    }

    private static void run(DataSource database, List<Op> ops) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}
