package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.catalogText;
import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a round trip through a baseline keeps of what PostgreSQL holds: the migration written from the
 * adopted database builds, on an empty one, the same catalog, and drift then finds the two in sync
 * until a change made by hand on one side, which it names.
 */
class AdoptionRoundTripTest {
    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void keysKeepTheirDeferrabilityAndAKeyOnTheColumnsOfAnotherIsKept() throws Exception {
        String[] legacy = {
            "CREATE EXTENSION IF NOT EXISTS btree_gist",
            "CREATE TABLE t (id int NOT NULL, code text, during tstzrange)",
            // a key built without locking writes first, then made the primary key, deferred
            "CREATE UNIQUE INDEX t_id_idx ON t (id)",
            "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx DEFERRABLE INITIALLY DEFERRED",
            // the same columns as the primary key, and twice the same unique constraint
            "ALTER TABLE t ADD CONSTRAINT t_id_key UNIQUE (id)",
            "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code)",
            "ALTER TABLE t ADD CONSTRAINT t_code_again UNIQUE (code)",
            "ALTER TABLE t ADD CONSTRAINT t_no_overlap EXCLUDE USING gist (during WITH &&) "
                    + "DEFERRABLE INITIALLY DEFERRED",
            "CREATE TABLE plain_pk (id int NOT NULL)",
            "ALTER TABLE plain_pk ADD CONSTRAINT plain_pk_pkey PRIMARY KEY (id) DEFERRABLE",
            "CREATE TABLE r (id int PRIMARY KEY, code text CONSTRAINT r_code_fkey REFERENCES t (code) "
                    + "DEFERRABLE INITIALLY IMMEDIATE)",
        };
        try (Connection owner = TestPostgres.freshDatabase("keys_defer_legacy").getConnection();
                Connection fresh = TestPostgres.freshDatabase("keys_defer_fresh").getConnection()) {
            execute(owner, legacy);
            execute(fresh, "CREATE EXTENSION IF NOT EXISTS btree_gist");
            Adoption.Written written = Adoption.written(Adoption.baseline(owner), "20261127_120000", AT);
            assertThat(written.file().toString()).contains(".deferrable(true)");

            written.migration().upgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEqualTo(catalogText(owner));
            assertThat(catalogText(fresh))
                    .contains("t t_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED local=true inherited=0")
                    .contains("plain_pk plain_pk_pkey PRIMARY KEY (id) DEFERRABLE local=true inherited=0")
                    .contains("t t_id_key UNIQUE (id) local=true inherited=0")
                    .contains("t t_code_again UNIQUE (code) local=true inherited=0")
                    .contains("t t_code_key UNIQUE (code) local=true inherited=0")
                    .anyMatch(l -> l.startsWith("t t_no_overlap EXCLUDE") && l.contains("DEFERRABLE INITIALLY DEFERRED"))
                    .contains("r r_code_fkey FOREIGN KEY (code) REFERENCES t(code) DEFERRABLE local=true inherited=0");
            assertThat(drift(owner, fresh).differences()).isEmpty();

            // changes of deferrability made by hand on the adopted database
            execute(
                    owner,
                    "ALTER TABLE plain_pk DROP CONSTRAINT plain_pk_pkey",
                    "ALTER TABLE plain_pk ADD CONSTRAINT plain_pk_pkey PRIMARY KEY (id)",
                    "ALTER TABLE r ALTER CONSTRAINT r_code_fkey NOT DEFERRABLE");
            assertThat(drift(owner, fresh).differences())
                    .anyMatch(d -> d.contains("primary key") && d.contains("plain_pk"))
                    .anyMatch(d -> d.contains("r_code_fkey") && d.contains("DEFERRABLE"));

            written.migration().downgrade(GeneratedMigrations.online(fresh));
            assertThat(catalogText(fresh)).isEmpty();
        }
    }

    /** What drift reports of {@code adopted} against {@code built}, the chain's side. */
    static DriftReport drift(Connection adopted, Connection built) {
        Exclusions none = Exclusions.versionTables();
        return SchemaDrift.compare(
                "adopted",
                "public",
                "baseline",
                adopted,
                SchemaDrift.read(adopted, "public", none),
                SchemaDrift.read(built, "public", none),
                none);
    }
}
