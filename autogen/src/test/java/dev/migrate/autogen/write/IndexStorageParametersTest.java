package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.catalogText;
import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static dev.migrate.autogen.write.AdoptionRoundTripTest.drift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Ddl;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage parameters of indexes ({@code WITH (fillfactor = 70)}) through the catalog, the baseline, the written
 * migration and drift, for the parameters of PostgreSQL's own index methods: btree's fillfactor, GIN's fastupdate and
 * gin_pending_list_limit, BRIN's pages_per_range and autosummarize, GiST's buffering. The vector ones (HNSW's m,
 * IVFFlat's lists) are tested in migrate-extensions-tests. The parameters and their spelling follow PostgreSQL's
 * regression tests (src/test/regress/sql/create_index.sql, gin.sql, brin.sql).
 */
class IndexStorageParametersTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    static final String[] BY_HAND = {
        "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz, customer text, tags text[], area box)",
        "CREATE INDEX orders_customer ON orders (customer) WITH (fillfactor = 70)",
        "CREATE INDEX orders_tags ON orders USING gin (tags) WITH (fastupdate = off, gin_pending_list_limit = 128)",
        "CREATE INDEX orders_placed ON orders USING brin (placed_at) WITH (pages_per_range = 32, autosummarize = on)",
        "CREATE INDEX orders_area ON orders USING gist (area) WITH (buffering = on)",
        "CREATE INDEX orders_plain ON orders (placed_at)",
    };

    @Test
    void aBaselineWritesTheParametersAndAFreshDatabaseBuiltFromItIsTheSame() throws Exception {
        try (Connection adopted = TestPostgres.freshDatabase("storage_adopted").getConnection();
                Connection fresh = TestPostgres.freshDatabase("storage_fresh").getConnection()) {
            execute(adopted, BY_HAND);
            MigrationScript baseline = Adoption.baseline(adopted);
            Adoption.Written written = Adoption.written(baseline, "20261129_100000", AT);
            assertThat(written.file().toString())
                    .contains(".with(\"fillfactor\", 70)")
                    .contains(".with(\"fastupdate\", \"off\")")
                    .contains(".with(\"gin_pending_list_limit\", 128)")
                    .contains(".with(\"pages_per_range\", 32)")
                    .contains(".with(\"autosummarize\", \"on\")")
                    .contains(".with(\"buffering\", \"on\")")
                    .contains("op.createIndex(\"orders_plain\", \"orders\", \"placed_at\")");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(adopted));
            assertThat(catalogText(fresh))
                    .anyMatch(l -> l.contains("orders_customer") && l.contains("WITH (fillfactor='70')"))
                    .anyMatch(l -> l.contains("orders_tags")
                            && l.contains("WITH (fastupdate=off, gin_pending_list_limit='128')"));
            assertThat(drift(adopted, fresh).differences()).isEmpty();
        }
    }

    /**
     * A changed parameter is a change of the index, which is built again: a parameter of the build (fillfactor,
     * pages_per_range, HNSW's m) takes effect only then, so {@code ALTER INDEX ... SET} would leave an index that
     * says one thing and is built another. The downgrade builds it again with the old parameters.
     */
    @Test
    void aChangedParameterBuildsTheIndexAgainAndTheDowngradeBuildsItBack() throws Exception {
        try (Connection live = TestPostgres.freshDatabase("storage_live").getConnection();
                Connection chain = TestPostgres.freshDatabase("storage_chain").getConnection()) {
            execute(live, BY_HAND);
            execute(chain, BY_HAND);
            execute(
                    live,
                    "ALTER INDEX orders_customer SET (fillfactor = 50)",
                    "ALTER INDEX orders_tags RESET (fastupdate)");
            DriftReport report = drift(live, chain);
            assertThat(String.join("\n", report.differences()))
                    .contains("orders_customer")
                    .contains("orders_tags")
                    .contains("WITH")
                    .doesNotContain("orders_placed")
                    .doesNotContain("orders_area");

            MigrationScript script = SchemaDiff.compare(
                    read(live), read(chain), SchemaDiff.Options.defaults().withBothRead());
            String up = sql(script.upgrade());
            String down = sql(script.downgrade());
            assertThat(up)
                    .contains("DROP INDEX")
                    .contains("CREATE INDEX orders_customer ON orders (customer) WITH (fillfactor = 70)")
                    .contains("WITH (fastupdate = off, gin_pending_list_limit = 128)");
            assertThat(down).contains("WITH (fillfactor = 50)").contains("WITH (gin_pending_list_limit = 128)");

            execute(live, report.sql().toArray(String[]::new));
            assertThat(drift(live, chain).differences()).isEmpty();
            assertThat(catalogText(live)).isEqualTo(catalogText(chain));
        }
    }

    @Test
    void aParameterNameThatIsNoIdentifierIsRefusedNamingTheIndexAndAValueIsQuotedWhenItIsNoWord() {
        assertThatThrownBy(
                        () -> Ddl.index("orders_customer", "orders", "customer").with("fill factor); DROP", 70))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders_customer")
                .hasMessageContaining("fill factor); DROP")
                .hasMessageContaining("fillfactor");
        assertThatThrownBy(
                        () -> Ddl.index("orders_customer", "orders", "customer").with("fillfactor", " "))
                .hasMessageContaining("has no value");
        IndexOp.CreateIndex odd =
                Ddl.index("orders_area", "orders", "area").using("gist").with("BUFFERING", "it's");
        assertThat(odd.storage()).containsOnlyKeys("buffering");
        assertThat(sql(List.of(odd))).endsWith("WITH (buffering = 'it''s')");
    }

    private static DatabaseSchema read(Connection c) {
        return SchemaDrift.read(c, "public", Exclusions.versionTables());
    }

    private static String sql(List<Op> ops) {
        List<String> sql = new ArrayList<>();
        for (Op op : ops) {
            sql.addAll(OpSql.render(op));
        }
        return String.join("\n", sql);
    }
}
