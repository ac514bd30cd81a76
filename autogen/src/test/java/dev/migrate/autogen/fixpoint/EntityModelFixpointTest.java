package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.catalog;
import static dev.migrate.autogen.fixpoint.Fixtures.modelDdl;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two properties of DESIGN section 5 on a model that uses every mapping feature. */
@LongSuite
class EntityModelFixpointTest {
    private final Comparisons comparison = Comparisons.of("public");

    @OnEveryMajor
    void upgradeFromEmptyReachesAFixpointAndDowngradeEmptiesTheSchema(int major) throws Exception {
        try (Connection c = TestPostgres.freshDatabase(major, "fixpoint_model").getConnection()) {
            List<String> ddl = modelDdl(major);
            MigrationScript first = comparison.compare(c, ddl);
            ddl.forEach(System.out::println);
            OpSql.renderAll(first.upgrade()).forEach(System.out::println);
            assertThat(first.descriptions())
                    .contains(
                            "added table public.customers",
                            "added table public.documents",
                            "added table public.document_labels",
                            "added table public.customer_tags",
                            "added table public.customer_phones",
                            "added table public.labels",
                            "added table public.payments",
                            "added table public.card_payments",
                            "added table public.bank_payments",
                            "added table public.vehicles",
                            "added sequence public.document_seq",
                            "added sequence public.label_seq");
            assertThat(first.descriptions()).anyMatch(d -> d.startsWith("added enum type public."));
            assertThat(first.warnings()).isEmpty();

            run(c, first.upgrade());
            assertNoChanges(comparison.compare(c, ddl));
            // and once more: comparing an unchanged model twice in a row is stable
            assertNoChanges(comparison.compare(c, ddl));

            run(c, first.downgrade());
            assertThat(comparison.compare(c, List.of()).descriptions()).isEmpty();
            assertThat(catalog(c)).isEqualTo(DatabaseSchema.empty());
        }
    }

    @Test
    void theFixpointHoldsWithTheEntityCacheOn(@TempDir Path cacheDir) throws Exception {
        try (Connection c = TestPostgres.freshDatabase("fixpoint_cached").getConnection()) {
            EntitySchemaCache cache = new EntitySchemaCache(cacheDir);
            Comparisons cached = comparison.withCache(cache);
            MigrationScript first = cached.compare(c, modelDdl());
            assertThat(first).isEqualTo(comparison.compare(c, modelDdl()));
            run(c, first.upgrade());
            assertNoChanges(cached.compare(c, modelDdl()));
            assertNoChanges(cached.compare(c, modelDdl()));
            assertThat(cache.misses()).isEqualTo(1);
            assertThat(cache.hits()).isEqualTo(2);

            run(c, first.downgrade());
            assertThat(catalog(c)).isEqualTo(DatabaseSchema.empty());
            // the entities did not change, the database did: the cached entity side still says what to build
            MigrationScript again = cached.compare(c, modelDdl());
            assertThat(again.descriptions()).isEqualTo(first.descriptions());
            run(c, again.upgrade());
            assertNoChanges(cached.compare(c, modelDdl()));
            assertThat(cache.misses()).isEqualTo(1);
        }
    }

    @Test
    void upgradeDowngradeUpgradeLeavesAnIdenticalCatalog() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("fixpoint_roundtrip").getConnection()) {
            MigrationScript diff = comparison.compare(c, modelDdl());
            run(c, diff.upgrade());
            DatabaseSchema afterFirst = catalog(c);
            run(c, diff.downgrade());
            assertThat(catalog(c)).isEqualTo(DatabaseSchema.empty());
            run(c, diff.upgrade());
            assertThat(catalog(c)).isEqualTo(afterFirst);
            assertNoChanges(comparison.compare(c, modelDdl()));
        }
    }

    @Test
    void aDatabaseBuiltByHibernateItselfAndOneBuiltByTheUpgradeCompareAlike() throws Exception {
        // A team moving from hbm2ddl to migrations has a database Hibernate built; the upgrade builds the same
        // thing. A check added from its deparsed text is spelled differently (deparsing is not idempotent),
        // and the comparison must see through that in both directions.
        try (Connection direct = TestPostgres.freshDatabase("fixpoint_direct").getConnection();
                Connection viaDiff =
                        TestPostgres.freshDatabase("fixpoint_viadiff").getConnection()) {
            Fixtures.execute(direct, modelDdl().toArray(String[]::new));
            run(viaDiff, comparison.compare(viaDiff, modelDdl()).upgrade());

            String hibernateSpelling = catalog(direct)
                    .table("public", "vehicles")
                    .checkConstraints()
                    .get(0)
                    .expression();
            String migrationSpelling = catalog(viaDiff)
                    .table("public", "vehicles")
                    .checkConstraints()
                    .get(0)
                    .expression();
            // the upgrade writes a list of values as col IN (...), which PostgreSQL stores as Hibernate's DDL has it
            assertThat(migrationSpelling).isEqualTo(hibernateSpelling);
            // the trap this guards against: the same check added again from the text PostgreSQL shows for it
            Fixtures.execute(
                    viaDiff,
                    "ALTER TABLE vehicles DROP CONSTRAINT vehicles_kind_check",
                    "ALTER TABLE vehicles ADD CONSTRAINT vehicles_kind_check CHECK " + migrationSpelling.substring(6));
            assertThat(catalog(viaDiff)
                            .table("public", "vehicles")
                            .checkConstraints()
                            .get(0)
                            .expression())
                    .isNotEqualTo(hibernateSpelling);

            assertThat(CanonicalChecks.of(viaDiff, catalog(viaDiff)))
                    .isEqualTo(CanonicalChecks.of(direct, catalog(direct)));
            assertNoChanges(comparison.compare(direct, modelDdl()));
            assertNoChanges(comparison.compare(viaDiff, modelDdl()));
        }
    }

    @Test
    void canonicalCheckSpellingIsStableUnderFurtherRoundTrips() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("fixpoint_canon").getConnection()) {
            Fixtures.execute(
                    c,
                    "CREATE TABLE t (kind varchar(10) CHECK (kind IN ('car', 'truck')), n int CHECK (n BETWEEN 0 AND 2))");
            DatabaseSchema once = CanonicalChecks.of(c, catalog(c));
            assertThat(CanonicalChecks.of(c, once)).isEqualTo(once);
            // the temporary copies are gone and the table is untouched
            assertThat(catalog(c).table("public", "t").checkConstraints())
                    .extracting(cc -> cc.name())
                    .containsExactly("t_kind_check", "t_n_check");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
