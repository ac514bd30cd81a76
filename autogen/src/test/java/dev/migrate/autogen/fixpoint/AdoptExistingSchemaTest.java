package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A schema written by hand, as Flyway and Liquibase users write it, with entities that match it:
 * the comparison finds nothing, so {@code check} passes on a database migrate did not build.
 */
class AdoptExistingSchemaTest {

    @Test
    void aHandWrittenSchemaThatMatchesTheEntitiesHasNoDifferences() throws Exception {
        Path classes = location(getClass());
        List<String> entityDdl = new EntityDdl(
                        List.of(classes), List.of("dev.migrate.autogen.fixpoint.adopt"), null, Map.of())
                .generate(getClass().getClassLoader(), 18);
        try (Connection c = TestPostgres.freshDatabase("adopt").getConnection()) {
            execute(
                    c,
                    "CREATE SEQUENCE invoice_seq START 1050 INCREMENT 50",
                    "SELECT nextval('invoice_seq'), nextval('invoice_seq')",
                    "CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, customer varchar(100), created_at timestamp, "
                            + "note text)",
                    "CREATE TABLE invoice_lines (line_no integer NOT NULL, invoice_id bigint NOT NULL, amount numeric(10,2), "
                            + "CONSTRAINT invoice_lines_pkey PRIMARY KEY (line_no, invoice_id))",
                    "INSERT INTO invoices VALUES (1050, 'ACME', '2026-01-01 10:00', 'first')");
            MigrationScript diff = Comparisons.of("public").compare(c, entityDdl);
            assertThat(diff.descriptions()).as(String.join("\n", entityDdl)).isEmpty();
        }
    }
}
