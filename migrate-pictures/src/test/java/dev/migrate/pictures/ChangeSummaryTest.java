package dev.migrate.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.op.ColumnOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSummaryTest {

    /** The shop with invoices added, orders.total widened, customers.name NOT NULL dropped, products dropped. */
    static MigrationScript shopChanges() {
        DatabaseSchema before = Schemas.shop();
        List<Table> after = new ArrayList<>();
        for (Table t : before.tables().values()) {
            switch (t.name()) {
                case "products" -> {}
                case "order_lines" ->
                    after.add(Schemas.table(
                            "public",
                            "order_lines",
                            t.columns().stream()
                                    .filter(c -> !c.name().equals("product_id"))
                                    .toList(),
                            t.foreignKeys().stream()
                                    .filter(k -> k.name().contains("order_id"))
                                    .toList(),
                            List.of()));
                case "orders" ->
                    after.add(Schemas.table(
                            "public",
                            "orders",
                            t.columns().stream()
                                    .map(c -> c.name().equals("total")
                                            ? TableColumn.of("total", "numeric(14,2)", false)
                                            : c)
                                    .toList(),
                            t.foreignKeys(),
                            List.of()));
                default -> after.add(t);
            }
        }
        after.removeIf(t -> t.name().equals("invoices"));
        DatabaseSchema without = DatabaseSchema.of(
                before.tables().values().stream()
                        .filter(t -> !t.name().equals("invoices"))
                        .toList(),
                List.of(),
                List.of());
        after.add(before.table("public", "invoices"));
        after.add(Schemas.table(
                "public",
                "refunds",
                List.of(Schemas.id(), TableColumn.of("customer_id", "bigint", false)),
                List.of(Schemas.fk("refunds_customer_id_fkey", "customer_id", "public", "customers")),
                List.of()));
        return SchemaDiff.compare(
                without, DatabaseSchema.of(after, List.of(), List.of()), SchemaDiff.Options.defaults());
    }

    /** Only orders.total widened. */
    static MigrationScript oneTypeChange() {
        return columnsChanged(c -> c.name().equals("total") ? TableColumn.of("total", "numeric(14,2)", false) : c);
    }

    /** The shop with each column of each table put through {@code change}. */
    static MigrationScript columnsChanged(UnaryOperator<TableColumn> change) {
        DatabaseSchema before = Schemas.shop();
        List<Table> after = before.tables().values().stream()
                .map(t -> Schemas.table(
                        t.schema(),
                        t.name(),
                        t.columns().stream().map(change).toList(),
                        t.foreignKeys(),
                        t.uniqueConstraints()))
                .toList();
        return SchemaDiff.compare(
                before, DatabaseSchema.of(after, List.of(), List.of()), SchemaDiff.Options.defaults());
    }

    @Test
    void theJsonFormatIsPinned() {
        // the documented format of changes.json, version 1: change this test only with FORMAT_VERSION
        assertThat(ChangeSummary.of("check", oneTypeChange()).json()).isEqualTo("""
                {
                  "version": 1,
                  "goal": "check",
                  "changes": [
                    {
                      "kind": "changed",
                      "object": "column public.orders.total",
                      "attribute": "type",
                      "before": "numeric(12,2)",
                      "after": "numeric(14,2)",
                      "description": "column public.orders.total: type numeric(12,2) -> numeric(14,2)",
                      "hazards": [
                        {"rule": "type-change-rewrite", "subject": "column public.orders.total", "lock": "AccessExclusiveLock", \
                "text": "changes a column's type in a way that rewrites the table and its indexes under AccessExclusiveLock; \
                numeric(12,2) to numeric(14,2) is not binary coercible, so the table is copied in time and space proportional \
                to its size", "lockSafeForm": false}
                      ],
                      "measured": [],
                      "notes": []
                    }
                  ],
                  "warnings": []
                }
                """);
        assertThat(ChangeSummary.FORMAT_VERSION).isEqualTo(1);
    }

    @Test
    void measuredFiguresAndDataHazardsOfTheNotesAreFieldsOfTheirOwn() {
        MigrationScript measured = oneTypeChange();
        var group = measured.upgradeGroups().get(0);
        var change = group.changes()
                .get(0)
                .withNotes(List.of(
                        "Measured: public.orders holds about 1,200 rows (estimate).",
                        "Hazard [data]: column public.orders.total: 3 rows hold values that do not fit.",
                        "Review the rounding."));
        MigrationScript script = new MigrationScript(
                List.of(new dev.migrate.catalog.diff.OpGroup(group.table(), List.of(change))), List.of("a warning"));

        String json = ChangeSummary.of("autogenerate", script).json();

        assertThat(json)
                .contains("\"goal\": \"autogenerate\"")
                .contains(
                        "{\"rule\": \"data\", \"subject\": null, \"lock\": null, \"text\": \"column public.orders.total: "
                                + "3 rows hold values that do not fit.\", \"lockSafeForm\": false}")
                .contains("\"measured\": [\"public.orders holds about 1,200 rows (estimate).\"]")
                .contains("\"notes\": [\"Review the rounding.\"]")
                .contains("\"warnings\": [\"a warning\"]");
        assertThat(ChangeSummary.of("autogenerate", script).markdown())
                .contains("  - **Hazard [data]**: column public.orders.total: 3 rows hold values that do not fit.\n")
                .contains("  - Measured: public.orders holds about 1,200 rows (estimate).\n")
                .contains("Warnings:\n\n- a warning\n");
    }

    /** customers.name widened, orders.placed_at without its time zone: types with a shorter written form. */
    static MigrationScript longSpelledTypeChanges() {
        return columnsChanged(c -> c.name().equals("name")
                ? TableColumn.of("name", "character varying(250)", false)
                : c.name().equals("placed_at")
                        ? TableColumn.of("placed_at", "timestamp(6) without time zone", false)
                        : c);
    }

    @Test
    void theSummarySpellsTypesAsPeopleWriteThemAndTheOpsAsTheCatalogDoes() {
        MigrationScript script = longSpelledTypeChanges();
        ChangeSummary summary = ChangeSummary.of("check", script);

        assertThat(summary.markdown())
                .contains(
                        "- column public.customers.name: type varchar(200) -&gt; varchar(250)\n",
                        "- column public.orders.placed_at: type timestamptz -&gt; timestamp\n",
                        "        varchar(250) name \"type varchar(200) -> varchar(250)\"\n",
                        "        timestamp placed_at \"type timestamptz -> timestamp\"\n",
                        // the USING expression is SQL that runs, in the catalog's spelling
                        "converts with USING placed_at::timestamp without time zone")
                .doesNotContain("character varying", "with time zone");
        assertThat(summary.json())
                .contains("\"before\": \"varchar(200)\"", "\"after\": \"varchar(250)\"")
                .doesNotContain("character varying", "with time zone");
        assertThat(script.upgrade())
                .filteredOn(op -> op instanceof ColumnOp.AlterColumnType)
                .extracting(op -> ((ColumnOp.AlterColumnType) op).type())
                .containsExactlyInAnyOrder("character varying(250)", "timestamp without time zone");
    }

    @Test
    void markdownListsTheChangesWithTheirHazardsAndDrawsTheChangedTablesOnly() {
        String md = ChangeSummary.of("check", shopChanges()).markdown();

        assertThat(md)
                .startsWith("## Schema changes (migrate:check)\n\n")
                .contains(
                        "- removed table public.products\n  - **Hazard [backward-incompatible]**: table public.products: ")
                .contains("- column public.orders.total: type numeric(12,2) -&gt; numeric(14,2)\n"
                        + "  - **Hazard [type-change-rewrite]**: ")
                .contains("```mermaid\nerDiagram\n")
                .contains(
                        "    products[\"products (dropped)\"] {\n        bigint id PK \"dropped\"\n        text title \"dropped\"\n    }\n")
                .contains("""
                            orders["orders (altered)"] {
                                numeric total "numeric(14,2), type numeric(12,2) -> numeric(14,2)"
                            }
                        """)
                .contains("""
                            order_lines["order_lines (altered)"] {
                                foreign_key order_lines_product_id_fkey "dropped"
                                bigint product_id "dropped"
                            }
                        """)
                .contains(
                        "    invoices[\"invoices (new)\"] {\n        bigint id PK \"new\"\n        bigint order_id FK, UK \"new\"\n    }\n")
                .contains("    orders |o..o| invoices : \"invoices_order_id_fkey\"\n")
                // refunds references customers, which does not change: named, not drawn
                .contains("    refunds[\"refunds (new)\"] {\n")
                .contains("Unchanged tables they reference, not drawn: `customers`.\n")
                .doesNotContain("    customers[")
                .doesNotContain("customers {");
    }

    @Test
    void noDifferencesSaySo() {
        assertThat(ChangeSummary.of("check", MigrationScript.empty()).markdown())
                .isEqualTo(
                        "## Schema changes (migrate:check)\n\nNo differences: the entities match the schema at head.\n");
        // another source is named as the log names it, never as "the entities"
        assertThat(ChangeSummary.of("check", MigrationScript.empty())
                        .comparedWith("the SQL schema files in src/main/resources/db/schema")
                        .markdown())
                .isEqualTo("## Schema changes (migrate:check)\n\nNo differences between the schema at head and the SQL"
                        + " schema files in src/main/resources/db/schema.\n");
        assertThat(ChangeSummary.of("autogenerate", shopChanges())
                        .comparedWith("the program sh schema.sh")
                        .markdown())
                .contains(" changes between the schema at head and the program sh schema.sh:\n\n")
                .doesNotContain("the entities");
        assertThat(ChangeSummary.of("check", MigrationScript.empty()).json())
                .isEqualTo("{\n  \"version\": 1,\n  \"goal\": \"check\",\n  \"changes\": [],\n  \"warnings\": []\n}\n");
    }

    @Test
    void writesBothFilesAndAppendsTheMarkdownToTheJobSummary(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "# Build\n");
        ChangeSummary changes = ChangeSummary.of("check", oneTypeChange());

        List<Path> written = changes.write(dir.resolve("target/migrate"), summary);
        changes.write(dir.resolve("target/migrate"), null);

        assertThat(written)
                .containsExactly(dir.resolve("target/migrate/changes.md"), dir.resolve("target/migrate/changes.json"));
        assertThat(Files.readString(written.get(0))).isEqualTo(changes.markdown());
        assertThat(Files.readString(written.get(1))).isEqualTo(changes.json());
        assertThat(Files.readString(summary)).isEqualTo("# Build\n" + changes.markdown() + "\n");
    }
}
