package dev.migrate.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Ddl;
import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code column(...).unique()} makes the constraint PostgreSQL names, and the column's reverse takes it away. */
class UniqueColumnOnPostgresTest {

    @Test
    void aUniqueColumnGetsTheNamePostgresChoosesAndItsReverseDropsIt() throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        QualifiedName labels = QualifiedName.parse("labels");
        Op create = new TableOp.CreateTable(
                labels,
                List.of(
                        Ddl.column("id", "int").primaryKey(),
                        Ddl.column("name", "varchar(40)").notNull().unique()),
                null);
        Op add = new ColumnOp.AddColumn(labels, Ddl.column("code", "text").unique());
        try (Connection c = TestPostgres.freshDatabase("unique_column").getConnection();
                Statement s = c.createStatement()) {
            for (Op op : List.of(create, add)) {
                for (String sql : dialect.render(op)) {
                    s.execute(sql);
                }
            }
            assertThat(constraints(s)).containsExactly("labels_code_key:u", "labels_name_key:u", "labels_pkey:p");
            for (String sql : dialect.render(add.reverse().orElseThrow())) {
                s.execute(sql);
            }
            assertThat(constraints(s)).containsExactly("labels_name_key:u", "labels_pkey:p");
        }
    }

    private static List<String> constraints(Statement s) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT conname || ':' || contype::text FROM pg_constraint "
                + "WHERE conrelid = 'labels'::regclass AND contype IN ('p', 'u') ORDER BY conname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
