package dev.migrate.catalog.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Hazard;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.ObjectDiff;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.ObjectKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftReportTest {
    @Test
    void theDifferencesSpellTypesAsPeopleWriteThemAndTheSqlAsTheCatalogDoes() {
        DatabaseSchema database = schema(List.of(
                TableColumn.of("code", "character varying(20)", false),
                TableColumn.of("placed_at", "timestamp with time zone", false),
                TableColumn.of("total", "numeric(12,2)", false)));
        DatabaseSchema chain = schema(List.of(
                TableColumn.of("code", "character varying(40)", false),
                TableColumn.of("placed_at", "timestamp(6) without time zone", false),
                TableColumn.of("total", "numeric(14,2)", false)));
        MigrationScript script = SchemaDiff.compare(database, chain, SchemaDiff.Options.defaults());

        DriftReport report = new DriftReport("orders db", "public", "r1", script, MigrationScript.empty(), null);

        assertThat(report.differences())
                .containsExactlyInAnyOrder(
                        "column public.orders.code: the database has type varchar(20), the chain says varchar(40)",
                        "column public.orders.placed_at: the database has type timestamptz, the chain says timestamp",
                        "column public.orders.total: the database has type numeric(12,2), the chain says numeric(14,2)");
        assertThat(String.join("\n", report.sql()))
                .contains("character varying(40)", "timestamp without time zone", "numeric(14,2)");
        // the notes and hazards name the types as people write them; the USING expression is SQL that runs
        assertThat(script.changes())
                .flatExtracting(Change::hazards)
                .extracting(Hazard::fact)
                .contains("timestamptz to timestamp is not binary coercible, so the table is copied in time and space"
                        + " proportional to its size");
        assertThat(script.changes())
                .flatExtracting(Change::notes)
                .containsExactly(
                        "Hazard: PostgreSQL has no assignment cast from timestamptz to timestamp, so the change"
                                + " converts with USING placed_at::timestamp without time zone; it fails if a value does not"
                                + " convert.");
    }

    /**
     * An index of a materialized view dropped by hand: the view is rebuilt on the way back, its grant with
     * it, but the one difference is the index, said so; the grant, which only follows, is no line of its own.
     */
    @Test
    void aMaterializedViewsIndexDroppedIsOneDifferenceNamedForWhatItIs() {
        String view = "CREATE MATERIALIZED VIEW public.totals AS\n SELECT 1 AS n;";
        ObjectId totals = new ObjectId(ObjectKind.MATERIALIZED_VIEW, "public.totals");
        SchemaObject grant = new SchemaObject(
                new ObjectId(ObjectKind.GRANT, "ON TABLE public.totals TO PUBLIC"),
                "GRANT SELECT ON TABLE public.totals TO PUBLIC;",
                Set.of(totals),
                Set.of(),
                false);
        DatabaseSchema database = schema(List.of(TableColumn.of("code", "text", false)))
                .withObjects(List.of(new SchemaObject(totals, view, Set.of(), Set.of(), false), grant));
        DatabaseSchema chain = schema(List.of(TableColumn.of("code", "text", false)))
                .withObjects(List.of(
                        new SchemaObject(
                                totals,
                                view + "\nCREATE INDEX totals_n ON public.totals USING btree (n);",
                                Set.of(),
                                Set.of(),
                                false),
                        grant));
        MigrationScript script = ObjectDiff.around(
                SchemaDiff.compare(database, chain, SchemaDiff.Options.defaults()),
                database.objects().values(),
                chain.objects().values(),
                ObjectDiff.Scope.ALL,
                Exclusions.none(),
                "public");

        DriftReport report = new DriftReport("db", "public", "r1", script, MigrationScript.empty(), null);

        assertThat(report.differences()).singleElement().asString().contains("indexes or comments differ");
        assertThat(String.join("\n", report.sql())).contains("GRANT SELECT ON TABLE totals TO PUBLIC");
    }

    /**
     * A long view whose condition changed near its end: the difference shows the lines that differ, as a
     * unified diff, where both definitions cut to one length showed the same first 240 characters.
     */
    @Test
    @SuppressWarnings("StringConcatToTextBlock") // each line of a diff starts with its mark, which a text block hides
    void aChangedViewShowsTheLinesThatDiffer() {
        String select = "CREATE OR REPLACE VIEW public.v_open_invoices AS\n SELECT invoices.id,\n"
                + "    invoices.customer_name_as_printed_on_the_invoice,\n"
                + "    invoices.billing_address_line_one,\n    invoices.billing_address_line_two,\n"
                + "    invoices.total_amount_including_taxes,\n    invoices.currency_code\n   FROM invoices\n";
        ObjectId id = new ObjectId(ObjectKind.VIEW, "public.v_open_invoices");
        String shape = "id bigint";
        SchemaObject database = new SchemaObject(
                id,
                select + "  WHERE ((invoices.status)::text = 'open'::text);",
                Set.of(),
                Set.of(),
                false,
                Set.of(),
                shape);
        SchemaObject chain = new SchemaObject(
                id,
                select + "  WHERE ((invoices.status)::text = 'held'::text);",
                Set.of(),
                Set.of(),
                false,
                Set.of(),
                shape);
        MigrationScript script = ObjectDiff.around(
                MigrationScript.empty(),
                List.of(database),
                List.of(chain),
                ObjectDiff.Scope.ALL,
                Exclusions.none(),
                "public");

        DriftReport report = new DriftReport("db", "public", "r1", script, MigrationScript.empty(), null);

        assertThat(report.differences())
                .containsExactly("view public.v_open_invoices: query or options differ (- the database, + the chain):\n"
                        + "@@ -7,3 +7,3 @@\n"
                        + "     invoices.currency_code\n"
                        + "    FROM invoices\n"
                        + "-  WHERE ((invoices.status)::text = 'open'::text);\n"
                        + "+  WHERE ((invoices.status)::text = 'held'::text);");
        assertThat(report.sqlScript()).contains("-- -  WHERE ((invoices.status)::text = 'open'::text);");
        // its statements in one transaction, so that a view dropped and created again is never missing meanwhile
        String statements = report.sqlScript().substring(report.sqlScript().indexOf("\nBEGIN;\n"));
        assertThat(statements).contains("CREATE OR REPLACE VIEW").endsWith("\nCOMMIT;\n");
        assertThat(statements.lines().filter(line -> line.startsWith("-- "))).isEmpty();
    }

    private static DatabaseSchema schema(List<TableColumn> columns) {
        Table orders = new Table(
                "public", "orders", columns, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
        return DatabaseSchema.of(List.of(orders), List.of(), List.of());
    }
}
