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
import dev.migrate.catalog.read.UnreadObjects;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage parameters of the index behind a primary key or a unique constraint ({@code PRIMARY KEY (id) WITH
 * (fillfactor = 80)}, {@code UNIQUE (email) WITH (fillfactor = 70)}) are read from the catalog, written by baseline
 * and autogenerate as PostgreSQL's CREATE TABLE documents them (the {@code index_parameters} of a {@code UNIQUE} or
 * {@code PRIMARY KEY} constraint, {@code WITH} before {@code DEFERRABLE}), compared by drift, and a changed one adds
 * the constraint again with them, instead of being named in a warning.
 */
class ConstraintStorageParametersTest {
    private static final Instant AT = Instant.parse("2026-11-29T13:00:00Z");

    static final String[] BY_HAND = {
        "CREATE TABLE accounts (id bigint, email text, handle text, region text, code int,"
                + " CONSTRAINT accounts_pkey PRIMARY KEY (id) WITH (fillfactor = 80),"
                + " CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor = 70),"
                + " CONSTRAINT accounts_handle_key UNIQUE (handle) WITH (fillfactor = 60, deduplicate_items = off)"
                + " DEFERRABLE INITIALLY DEFERRED,"
                + " CONSTRAINT accounts_region_code_key UNIQUE (region, code))",
    };

    @Test
    void aBaselineWritesTheParametersOfAKeyAndAUniqueConstraintAndAFreshDatabaseBuiltFromItIsTheSame()
            throws Exception {
        try (Connection adopted =
                        TestPostgres.freshDatabase("constraint_storage_adopted").getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase("constraint_storage_fresh").getConnection()) {
            execute(adopted, BY_HAND);
            MigrationScript baseline = Adoption.baseline(adopted);
            // read now, no longer named as something the model does not hold
            assertThat(UnreadObjects.in(adopted, List.of("public"))).noneMatch(w -> w.contains("storage parameters"));
            Adoption.Written written = Adoption.written(baseline, "20261129_130000", AT);
            assertThat(written.file().toString())
                    .contains(".with(\"fillfactor\", 80)")
                    .contains(".with(\"fillfactor\", 70)")
                    .contains(".with(\"fillfactor\", 60)")
                    .contains(".with(\"deduplicate_items\", \"off\")");
            assertThat(sql(baseline.upgrade()))
                    .contains("CONSTRAINT accounts_pkey PRIMARY KEY (id) WITH (fillfactor = 80)")
                    .contains("CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor = 70)")
                    .contains("UNIQUE (handle) WITH (fillfactor = 60, deduplicate_items = off) DEFERRABLE INITIALLY"
                            + " DEFERRED")
                    .contains("CONSTRAINT accounts_region_code_key UNIQUE (region, code)");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(adopted));
            assertThat(catalogText(fresh))
                    .anyMatch(l -> l.contains("accounts_email_key") && l.contains("WITH (fillfactor='70')"))
                    .anyMatch(l -> l.contains("accounts_pkey") && l.contains("WITH (fillfactor='80')"));
            assertThat(drift(adopted, fresh).differences()).isEmpty();
        }
    }

    /**
     * A changed parameter of a constraint's index is a change of the constraint: it is added again with the new
     * parameters, as an index is built again (a fillfactor takes effect only when the index is built), and the
     * downgrade adds it back with the old ones.
     */
    @Test
    void aChangedParameterAddsTheConstraintAgainAndTheDowngradeAddsItBack() throws Exception {
        try (Connection live =
                        TestPostgres.freshDatabase("constraint_storage_live").getConnection();
                Connection chain =
                        TestPostgres.freshDatabase("constraint_storage_chain").getConnection()) {
            execute(live, BY_HAND);
            execute(chain, BY_HAND);
            execute(
                    live,
                    "ALTER INDEX accounts_email_key SET (fillfactor = 50)",
                    "ALTER INDEX accounts_pkey RESET (fillfactor)");
            DriftReport report = drift(live, chain);
            assertThat(String.join("\n", report.differences()))
                    .contains("accounts_email_key")
                    .contains("primary key")
                    .contains("WITH")
                    .doesNotContain("accounts_handle_key")
                    .doesNotContain("accounts_region_code_key");

            MigrationScript script = SchemaDiff.compare(
                    read(live), read(chain), SchemaDiff.Options.defaults().withBothRead());
            String up = sql(script.upgrade());
            String down = sql(script.downgrade());
            assertThat(up)
                    .contains("DROP CONSTRAINT accounts_email_key")
                    .contains("ADD CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor = 70)")
                    .contains("ADD CONSTRAINT accounts_pkey PRIMARY KEY (id) WITH (fillfactor = 80)");
            assertThat(down)
                    .contains("ADD CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor = 50)")
                    .containsPattern("ADD CONSTRAINT accounts_pkey PRIMARY KEY \\(id\\)(?! WITH)");

            execute(live, report.sql().toArray(String[]::new));
            assertThat(drift(live, chain).differences()).isEmpty();
            assertThat(catalogText(live)).isEqualTo(catalogText(chain));
        }
    }

    @Test
    void aParameterOfAConstraintIsCheckedAsAnIndexsIsNamingTheConstraint() {
        assertThatThrownBy(() -> Ddl.unique("accounts_email_key", "email").with("fill factor", 70))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts_email_key")
                .hasMessageContaining("fillfactor");
        assertThatThrownBy(() -> Ddl.primaryKey("accounts_pkey", "id").with("fillfactor", " "))
                .hasMessageContaining("accounts_pkey")
                .hasMessageContaining("has no value");
        ConstraintOp.AddConstraint add = new ConstraintOp.AddConstraint(
                QualifiedName.parse("accounts"),
                Ddl.unique("accounts_email_key", "email").deferrable(false).with("FILLFACTOR", 70));
        assertThat(sql(List.of(add)))
                .isEqualTo("ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor"
                        + " = 70) DEFERRABLE");
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
