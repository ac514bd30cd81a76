package dev.migrate.autogen.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The entity side built on another database than the live one: what {@code comparisonDatabase=embedded}
 * does for a role that may not create anything on the user's database.
 */
class SeparateScratchServerTest {
    private static final List<String> ENTITY_DDL =
            List.of("create table account (id bigint not null, email citext, nickname varchar(40), primary key (id))");

    @Test
    void aRoleWithoutCreateIsComparedWithTheEntitiesBuiltElsewhereAndTheLiveDatabaseIsOnlyRead() throws Exception {
        String live = TestPostgres.createDatabase("live_readonly");
        try (Connection admin = TestPostgres.dataSource(live).getConnection();
                Statement s = admin.createStatement()) {
            s.execute("CREATE EXTENSION citext");
            s.execute("CREATE TABLE account (id bigint PRIMARY KEY, email citext)");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ci_only_reads') THEN "
                    + "CREATE ROLE ci_only_reads LOGIN; END IF; END $$");
            s.execute("GRANT USAGE ON SCHEMA public TO ci_only_reads");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO ci_only_reads");
        }
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setURL(TestPostgres.jdbcUrl(live).replace("user=postgres", "user=ci_only_reads"));
        try (Connection c = reader.getConnection();
                Connection scratch =
                        TestPostgres.freshDatabase("scratch_elsewhere").getConnection()) {
            MigrationScript diff = Comparisons.of("public").compare(c, scratch, ENTITY_DDL);

            // citext came from the live database's extensions; only the real difference is reported
            assertThat(diff.descriptions()).containsExactly("added column public.account.nickname");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
