package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.modelDdl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is excluded, outside the managed schema, or beyond what entities can say is never in a change. */
@LongSuite
class UnmanagedObjectsTest {
    private static final List<String> OUTSIDE_THE_MODEL = List.of(
            "CREATE TABLE tmp_load (id int, payload text)",
            "CREATE SEQUENCE tmp_load_seq",
            "CREATE TABLE migrate_version (version_num varchar(32) PRIMARY KEY)",
            "CREATE TABLE migrate_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, version_num varchar(32))",
            "CREATE SCHEMA audit",
            "CREATE TABLE audit.log (id int PRIMARY KEY, customer_id bigint REFERENCES public.customers (id))",
            "CREATE TYPE audit.level AS ENUM ('info', 'warn')",
            "CREATE INDEX ix_email_pattern ON customers (email varchar_pattern_ops)",
            "CREATE INDEX tmp_active_customers ON customers (email) WHERE active",
            "CREATE INDEX ix_lower_email ON customers (lower(email))",
            "CREATE INDEX ix_prefs ON customers USING gin (preferences)",
            "CREATE INDEX ix_vin_brin ON vehicles USING brin (vin)",
            "ALTER TABLE vehicles ADD CONSTRAINT ex_vin EXCLUDE USING hash (vin WITH =)");

    private final Comparisons comparison =
            Comparisons.of("public").excluding(List.of("tmp_*"), "migrate_version", "migrate_history");

    @Test
    void objectsOutsideTheModelAreNeverChangedAndKeptIndexesAreListed() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("unmanaged").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, modelDdl());
            execute(c, OUTSIDE_THE_MODEL.toArray(String[]::new));
            DatabaseSchema before = catalog(c);

            MigrationScript diff = comparison.compare(c, modelDdl());
            assertThat(diff.descriptions()).isEmpty();
            assertThat(diff.warnings()).hasSize(4).allSatisfy(w -> assertThat(w).startsWith("Kept index "));
            assertThat(String.join("\n", diff.warnings()))
                    .contains("ix_email_pattern", "ix_lower_email", "ix_prefs", "ix_vin_brin");
            assertThat(catalog(c)).isEqualTo(before);
        }
    }

    @Test
    void whatMigrateDoesNotReadYetIsNamedInAWarningAndLeftAlone() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("unmanaged_unread").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, modelDdl());
            String key;
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT conname FROM pg_constraint WHERE conrelid = 'customers'::regclass "
                            + "AND contype = 'p'")) {
                rs.next();
                key = rs.getString(1);
            }
            execute(c, "CLUSTER customers USING " + key);
            DatabaseSchema before = catalog(c);

            MigrationScript diff = comparison.compare(c, modelDdl());
            assertThat(diff.descriptions()).isEmpty();
            assertThat(diff.warnings())
                    .contains("Not compared, since migrate does not read them yet: table clustered on an index "
                            + "public.customers on " + key + ". Nothing is written for them; a change to them needs "
                            + "op.execute(...) in a migration.");
            assertThat(catalog(c)).isEqualTo(before);
        }
    }

    @Test
    void evenDroppingTheWholeModelLeavesThemAlone() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("unmanaged_drop").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, modelDdl());
            execute(c, OUTSIDE_THE_MODEL.toArray(String[]::new));

            MigrationScript diff = comparison.compare(c, List.of());
            String everything =
                    String.join("\n", diff.descriptions()) + "\n" + String.join("\n", OpSql.renderAll(diff.upgrade()));
            assertThat(diff.descriptions()).contains("removed table public.customers", "removed table public.vehicles");
            assertThat(everything).doesNotContain("tmp_load", "migrate_version", "migrate_history", "audit", "ex_vin");
            // indexes go with their table; they are dropped explicitly so that the downgrade puts them back
            assertThat(diff.descriptions()).contains("removed index ix_lower_email on public.customers");
            assertThat(diff.downgrade())
                    .anyMatch(op -> op instanceof dev.migrate.op.IndexOp.CreateIndex i
                            && i.name().equals("ix_prefs")
                            && "gin".equals(i.method()));
        }
    }

    @Test
    void withoutTheExcludePatternTheSameTableIsADifference() throws Exception {
        // the control for the tests above: the objects are seen when nothing keeps them out
        try (Connection c = TestPostgres.freshDatabase("unmanaged_control").getConnection()) {
            Fixtures.upgradeToModel(c, comparison, modelDdl());
            execute(c, OUTSIDE_THE_MODEL.toArray(String[]::new));
            MigrationScript diff = Comparisons.of("public").compare(c, modelDdl());
            assertThat(diff.descriptions())
                    .containsExactlyInAnyOrder(
                            "removed table public.tmp_load",
                            "removed sequence public.tmp_load_seq",
                            "removed index tmp_active_customers on customers");
        }
    }
}
