package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.write.MigrationBody;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks and indexes whose expression reads a column whose type changes: PostgreSQL rebuilds them
 * with the new type when the column changes, so the old ones must be gone before and the new ones
 * come after, in the upgrade and in the downgrade. And checks written as a person writes them.
 */
class DependentConstraintsTest {
    private static final Comparisons COMPARISON = Comparisons.of("public");

    @Test
    void anOrdinalEnumBecomingAStringDropsItsCheckAndIndexesBeforeTheTypeChangeInBothDirections() throws Exception {
        List<String> ordinal = List.of(
                "create table customers (id bigint not null, status smallint check (status between 0 and 2),"
                        + " primary key (id))",
                "create index ix_customers_active on customers (id) where status = 1",
                "create index ix_customers_status_expr on customers ((status + 1))");
        List<String> string = List.of(
                "create table customers (id bigint not null, status varchar(12)"
                        + " check (status in ('ACTIVE','SUSPENDED','CLOSED')), primary key (id))",
                "create index ix_customers_active on customers (id) where status = 'ACTIVE'",
                "create index ix_customers_status_expr on customers (lower(status))");
        try (Connection c = TestPostgres.freshDatabase("dependent").getConnection()) {
            run(c, COMPARISON.compare(c, ordinal).upgrade());
            DatabaseSchema before = catalog(c);

            MigrationScript diff = COMPARISON.compare(c, string);
            String upgrade = written(diff).upgrade().toString();
            assertThat(upgrade.indexOf("op.dropConstraint(\"customers\", \"customers_status_check\")"))
                    .as(upgrade)
                    .isNotNegative()
                    .isLessThan(upgrade.indexOf("op.alterColumnType("));
            assertThat(upgrade.indexOf("op.dropIndex(\"ix_customers_active\")"))
                    .isNotNegative()
                    .isLessThan(upgrade.indexOf("op.alterColumnType("));
            assertThat(upgrade)
                    .as("the new check reads as typed")
                    .contains("status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')")
                    .doesNotContain("::character varying");

            run(c, diff.upgrade());
            assertNoChanges(COMPARISON.compare(c, string));

            String downgrade = written(diff).downgrade().toString();
            int typeBack = downgrade.indexOf("op.alterColumnType(");
            assertThat(downgrade.indexOf("customers_status_check"))
                    .as("the string check goes before the column is numeric again, and the numeric one comes after: "
                            + downgrade)
                    .isLessThan(typeBack);
            assertThat(downgrade.lastIndexOf("customers_status_check")).isGreaterThan(typeBack);
            assertThat(downgrade.lastIndexOf("ix_customers_active")).isGreaterThan(typeBack);
            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(before);
            assertNoChanges(COMPARISON.compare(c, ordinal));
        }
    }

    @Test
    void changedEnumValuesAreWrittenAsAnInListBothWaysAndTheDowngradeRestoresTheCatalogExactly() throws Exception {
        List<String> twoKinds = List.of("create table contacts (id bigint not null, kind varchar(10)"
                + " check (kind in ('EMAIL','SMS')), primary key (id))");
        List<String> threeKinds = List.of("create table contacts (id bigint not null, kind varchar(10)"
                + " check (kind in ('EMAIL','SMS','PUSH')), primary key (id))");
        try (Connection c = TestPostgres.freshDatabase("inlist").getConnection()) {
            execute(c, twoKinds.toArray(String[]::new));
            DatabaseSchema before = catalog(c);

            MigrationScript diff = COMPARISON.compare(c, threeKinds);
            MigrationBody migration = written(diff);
            assertThat(migration.upgrade().toString())
                    .contains("kind IN ('EMAIL', 'SMS', 'PUSH')")
                    .doesNotContain("::character varying");
            assertThat(migration.downgrade().toString())
                    .contains("kind IN ('EMAIL', 'SMS')")
                    .doesNotContain("::character varying");

            run(c, diff.upgrade());
            assertNoChanges(COMPARISON.compare(c, threeKinds));
            run(c, diff.downgrade());
            assertThat(catalog(c))
                    .as("the check as the provider made it, spelled alike")
                    .isEqualTo(before);
        }
    }

    private static MigrationBody written(MigrationScript diff) {
        return MigrationBody.of(NewMigration.autogenerated("20260101_000001", List.of(), "change", diff));
    }
}
