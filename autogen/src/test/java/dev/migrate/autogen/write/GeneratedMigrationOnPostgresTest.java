package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.OpJavaRoundTripTest.HOSTILE;
import static dev.migrate.autogen.write.OpJavaRoundTripTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.migrate.Ddl;
import dev.migrate.JdbcWork;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.autogen.internal.write.OpJavaRenderer;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.TableOp;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A generated migration, compiled and run for real: the code autogenerate writes works end to end. */
class GeneratedMigrationOnPostgresTest {
    /** Enum labels are limited to 63 bytes, so a shorter hostile text for them. */
    private static final String LABEL = "it's \\ \"ü\" 🎉\n";

    private static QualifiedName name(String text) {
        return QualifiedName.parse(text);
    }

    @Test
    void aGeneratedMigrationBuildsTheSchemaOnPostgres() throws SQLException {
        List<Op> ops = List.of(
                new SchemaOp.CreateSchema("app", false),
                new EnumOp.CreateEnum(name("app.mood"), List.of("sad", "it's ok", LABEL)),
                new TableOp.CreateTable(
                        name("app.teams"),
                        List.of(
                                Ddl.column("id", "bigint")
                                        .identity(Identity.always())
                                        .primaryKey(),
                                Ddl.column("name", "text").notNull(),
                                Ddl.unique("uq_teams_name", "name")),
                        null),
                new TableOp.CreateTable(
                        name("app.agents"),
                        List.of(
                                Ddl.column("id", "bigint")
                                        .identity(Identity.byDefault().with(SequenceOptions.DEFAULTS.startWith(100)))
                                        .primaryKey(),
                                Ddl.column("team_id", "bigint").notNull(),
                                Ddl.column("name", "text").collate("C").notNull(),
                                Ddl.column("mood", "app.mood").defaultValue("'sad'"),
                                Ddl.column("price", "numeric(10,2)"),
                                Ddl.column("total", "numeric(12,2)").generatedAs("price * 2"),
                                Ddl.column("note", "text").comment(HOSTILE),
                                Ddl.check("ck_agents_price", "price >= 0").notValid()),
                        HOSTILE),
                IndexOp.CreateIndex.onKeys(
                                "ix_agents_live_name",
                                name("app.agents"),
                                List.of(new IndexKey.Expression("lower(name)")))
                        .unique()
                        .where("note IS NOT NULL"),
                IndexOp.CreateIndex.on("ix_agents_team", name("app.agents"), List.of("team_id"))
                        .concurrently()
                        .using("btree")
                        .include("name"),
                new ConstraintOp.AddConstraint(
                        name("app.agents"),
                        Ddl.foreignKey("fk_agents_team", "team_id")
                                .references("app.teams", "id")
                                .onDelete(ReferentialAction.CASCADE)
                                .deferrable(false)),
                new SequenceOp.CreateSequence(
                        name("app.seq_tickets"), SequenceOptions.DEFAULTS.startWith(7), "app.agents.id"),
                new DataOp.BulkInsert(name("app.teams"), List.of(row("name", HOSTILE), row("name", "plain"))),
                new DataOp.BulkInsert(
                        name("app.agents"),
                        List.of(
                                row(
                                        "team_id",
                                        1,
                                        "name",
                                        "Ada",
                                        "mood",
                                        LABEL,
                                        "price",
                                        new BigDecimal("2.50"),
                                        "note",
                                        HOSTILE),
                                row("team_id", 2L, "name", "Bob", "mood", null, "price", null, "note", null))),
                new ConstraintOp.ValidateConstraint(name("app.agents"), "ck_agents_price"));

        JavaFile file =
                GeneratedMigrations.javaFile("V2_Live", new OpJavaRenderer().render(ops, op -> List.of("generated")));
        Migration migration = GeneratedMigrations.compiled(List.of(file), "V2_Live");

        DataSource ds = TestPostgres.freshDatabase("javawriter");
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            // autocommit, as for a migration with transactional = false: CREATE INDEX CONCURRENTLY needs it
            migration.upgrade(live(c));

            assertThat(strings(s, "SELECT name FROM app.teams ORDER BY id")).containsExactly(HOSTILE, "plain");
            assertThat(
                            strings(
                                    s,
                                    "SELECT id || ':' || name || ':' || coalesce(mood::text, '-') || ':' || coalesce(total::text, '-') FROM app.agents ORDER BY id"))
                    .containsExactly("100:Ada:" + LABEL + ":5.00", "101:Bob:-:-");
            assertThat(strings(s, "SELECT note FROM app.agents WHERE name = 'Ada'"))
                    .containsExactly(HOSTILE);
            assertThat(strings(s, "SELECT obj_description('app.agents'::regclass, 'pg_class')"))
                    .containsExactly(HOSTILE);
            assertThat(strings(s, "SELECT col_description('app.agents'::regclass, 7)"))
                    .containsExactly(HOSTILE);
            assertThat(
                            strings(
                                    s,
                                    "SELECT confdeltype::text || ':' || convalidated FROM pg_constraint WHERE conname = 'fk_agents_team'"))
                    .containsExactly("c:true");
            assertThat(strings(s, "SELECT convalidated::text FROM pg_constraint WHERE conname = 'ck_agents_price'"))
                    .containsExactly("true");
            assertThat(
                            strings(
                                    s,
                                    "SELECT indisunique || ':' || (indpred IS NOT NULL) FROM pg_index WHERE indexrelid = 'app.ix_agents_live_name'::regclass"))
                    .containsExactly("true:true");
            assertThat(strings(s, "SELECT nextval('app.seq_tickets')::text")).containsExactly("7");

            // the foreign key really cascades
            s.execute("DELETE FROM app.teams WHERE name = 'plain'");
            assertThat(strings(s, "SELECT name FROM app.agents")).containsExactly("Ada");
        }
    }

    /** Runs each op as it is recorded, as an online migration does. */
    private static Operations live(Connection connection) {
        return new Operations() {
            @Override
            public void run(Op op) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : OpSql.render(op)) {
                        statement.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new AssertionError("The generated migration failed at " + op + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void jdbc(JdbcWork work) {
                throw new AssertionError("Generated code must not need raw JDBC.");
            }

            @Override
            public boolean isOffline() {
                return false;
            }
        };
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
