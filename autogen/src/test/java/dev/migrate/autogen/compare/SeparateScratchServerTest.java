package dev.migrate.autogen.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.diff.MigrationScript;
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
    /**
     * Checks over a {@code varchar} IN list read back in another spelling than the entity DDL's after a
     * round trip; with the live database only read, the round trip is made on the scratch server, in
     * copies of the tables made from what was read (their enum types too). Only real differences show.
     */
    @Test
    void checksOfADatabaseThatIsOnlyReadAreSpelledAfterARoundTripElsewhere() throws Exception {
        String live = TestPostgres.createDatabase("live_checks_readonly");
        try (Connection admin = TestPostgres.dataSource(live).getConnection();
                Statement s = admin.createStatement()) {
            s.execute("CREATE TYPE vehicle_size AS ENUM ('small', 'large')");
            s.execute("CREATE TABLE vehicle (id bigint PRIMARY KEY, kind varchar(20) NOT NULL "
                    + "CHECK (kind IN ('CAR', 'TRUCK')), size vehicle_size CHECK (size IN ('small')), "
                    + "price numeric(10,2), CONSTRAINT price_positive CHECK (price > 0))");
            s.execute("CREATE TABLE fleet (id bigint PRIMARY KEY, code varchar(3) CHECK (code IN ('N', 'S')))");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ci_reads_checks') THEN "
                    + "CREATE ROLE ci_reads_checks LOGIN; END IF; END $$");
            s.execute("ALTER ROLE ci_reads_checks SET default_transaction_read_only = on");
            s.execute("GRANT USAGE ON SCHEMA public TO ci_reads_checks");
        }
        List<String> entityDdl = List.of(
                "create type vehicle_size as enum ('small', 'large')",
                "create table vehicle (price numeric(10,2), id bigint not null, kind varchar(20) not null "
                        + "check ((kind in ('CAR','TRUCK'))), size vehicle_size check (size in ('small')), "
                        + "plate varchar(12), primary key (id), constraint price_positive check (price > 0))",
                // a real change of a check over an IN list
                "create table fleet (id bigint not null, code varchar(3) check ((code in ('N','S','E'))), "
                        + "primary key (id))");
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setURL(TestPostgres.jdbcUrl(live).replace("user=postgres", "user=ci_reads_checks"));
        try (Connection c = reader.getConnection();
                Connection scratch =
                        TestPostgres.freshDatabase("scratch_checks_elsewhere").getConnection()) {
            MigrationScript diff = Comparisons.of("public").compare(c, scratch, entityDdl);

            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "added column public.vehicle.plate",
                            // both sides in the same spelling: the live one made canonical on the scratch server
                            // (a literal cast to varchar, then to text, compares and reads as one cast to text)
                            "check constraint fleet_code_check on fleet: ((code)::text = ANY (ARRAY['N'::text,"
                                    + " 'S'::text])) -> ((code)::text = ANY (ARRAY['N'::text, 'S'::text, 'E'::text]))");
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch_%' "
                                    + "OR nspname LIKE 'pg_temp_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
