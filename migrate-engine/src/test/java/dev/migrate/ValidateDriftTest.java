package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.MigratorTools;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Migrator.Builder#validateDrift} where the application lacks the catalog reader (this module's
 * tests have no migrate-catalog): {@code assertUpToDate()} fails naming the dependency to add, and only
 * once the database is at head; without the option nothing is read beyond the version table. The check
 * itself is tested where the reader is, in migrate-catalog.
 */
class ValidateDriftTest {
    @Revision(id = "v1", message = "create orders")
    public static class V1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Test
    void withoutTheCatalogReaderTheCheckNamesTheDependencyToAdd() {
        DataSource database = TestPostgres.freshDatabase("validate_drift_no_reader");
        Migrator migrator = Migrator.builder()
                .dataSource(database)
                .migrations(V1.class)
                .validateDrift(true)
                .build();
        migrator.upgrade("head");
        assertThatThrownBy(migrator::assertUpToDate)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("dev.migrate:migrate-catalog")
                .hasMessageContaining("turn validateDrift off");
    }

    /** A face that spells the option its own way (Quarkus: quarkus.migrate.validate-drift) is named so. */
    @Test
    void theOptionIsNamedAsTheFaceSpellsIt() {
        DataSource database = TestPostgres.freshDatabase("validate_drift_face");
        Fixes quarkus = new Fixes() {
            @Override
            public String parameter(String name) {
                return name.equals("validateDrift") ? "quarkus.migrate.validate-drift" : name;
            }
        };
        Migrator migrator = MigratorTools.spellFixes(Migrator.builder(), quarkus)
                .dataSource(database)
                .migrations(V1.class)
                .validateDrift(true)
                .build();
        migrator.upgrade("head");
        assertThatThrownBy(migrator::assertUpToDate)
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("quarkus.migrate.validate-drift reads the database's schema")
                .hasMessageEndingWith("or turn quarkus.migrate.validate-drift off.");
    }

    @Test
    void aDatabaseBehindHeadIsReportedAsBehindBeforeAnyDriftIsLookedFor() {
        DataSource database = TestPostgres.freshDatabase("validate_drift_behind");
        Migrator migrator = Migrator.builder()
                .dataSource(database)
                .migrations(V1.class)
                .validateDrift(true)
                .build();
        assertThatThrownBy(migrator::assertUpToDate).isInstanceOf(NotAtHeadException.class);
    }

    @Test
    void withoutTheOptionADatabaseAtHeadPasses() {
        DataSource database = TestPostgres.freshDatabase("validate_drift_off");
        Migrator migrator =
                Migrator.builder().dataSource(database).migrations(V1.class).build();
        migrator.upgrade("head");
        migrator.assertUpToDate();
        assertThat(migrator.current()).hasSize(1);
    }
}
