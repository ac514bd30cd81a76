package dev.migrate.pictures;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Schemas built in memory for the pictures' tests. */
final class Schemas {
    private Schemas() {}

    static Table table(
            String schema,
            String name,
            List<TableColumn> columns,
            List<ForeignKey> keys,
            List<UniqueConstraint> unique) {
        return new Table(
                schema,
                name,
                columns,
                new PrimaryKey(name + "_pkey", List.of("id")),
                keys,
                unique,
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    static ForeignKey fk(String name, String column, String schema, String table) {
        return new ForeignKey(
                name,
                List.of(column),
                schema,
                table,
                List.of("id"),
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION,
                false,
                false,
                true);
    }

    static TableColumn id() {
        return TableColumn.of("id", "bigint", false);
    }

    /** customers, orders (a required customer), order_lines, invoices (one per order, optional), products. */
    static DatabaseSchema shop() {
        List<Table> tables = List.of(
                table(
                        "public",
                        "customers",
                        List.of(
                                id(),
                                TableColumn.of("name", "character varying(200)", false),
                                TableColumn.of("email", "text", true)),
                        List.of(),
                        List.of(new UniqueConstraint("customers_email_key", List.of("email"), false, false, false))),
                table(
                        "public",
                        "orders",
                        List.of(
                                id(),
                                TableColumn.of("customer_id", "bigint", false),
                                TableColumn.of("total", "numeric(12,2)", false),
                                TableColumn.of("placed_at", "timestamp with time zone", false)),
                        List.of(fk("orders_customer_id_fkey", "customer_id", "public", "customers")),
                        List.of()),
                table(
                        "public",
                        "order_lines",
                        List.of(
                                id(),
                                TableColumn.of("order_id", "bigint", false),
                                TableColumn.of("product_id", "bigint", false),
                                TableColumn.of("quantity", "integer", false)),
                        List.of(
                                fk("order_lines_order_id_fkey", "order_id", "public", "orders"),
                                fk("order_lines_product_id_fkey", "product_id", "public", "products")),
                        List.of()),
                table(
                        "public",
                        "invoices",
                        List.of(id(), TableColumn.of("order_id", "bigint", true)),
                        List.of(fk("invoices_order_id_fkey", "order_id", "public", "orders")),
                        List.of(new UniqueConstraint(
                                "invoices_order_id_key", List.of("order_id"), false, false, false))),
                table(
                        "public",
                        "products",
                        List.of(id(), TableColumn.of("title", "text", false)),
                        List.of(),
                        List.of()));
        return DatabaseSchema.of(tables, List.of(), List.of());
    }

    /**
     * The shop with a view over orders and customers ({@code order_totals}) and a materialized view
     * over that view and the products ({@code "Daily Sales"}, a name that needs quotes).
     */
    static DatabaseSchema shopWithViews() {
        ObjectId totals = new ObjectId(ObjectKind.VIEW, "public.order_totals");
        ObjectId daily = new ObjectId(ObjectKind.MATERIALIZED_VIEW, "public.\"Daily Sales\"");
        return shop().withObjects(List.of(
                new SchemaObject(
                        totals,
                        "CREATE OR REPLACE VIEW public.order_totals AS SELECT ...;",
                        Set.of(),
                        Set.of(ObjectName.of("public", "orders"), ObjectName.of("public", "customers")),
                        false,
                        Set.of("public.orders.total", "public.customers.name"),
                        "customer_id bigint, name character varying(200), total numeric(12,2)"),
                new SchemaObject(
                        daily,
                        "CREATE MATERIALIZED VIEW public.\"Daily Sales\" AS SELECT ...;",
                        Set.of(totals),
                        Set.of(ObjectName.of("public", "products")),
                        false,
                        Set.of("public.products.title"),
                        "day date, \"Best Seller\" text, total numeric(12,2)"),
                new SchemaObject(
                        new ObjectId(ObjectKind.FUNCTION, "public.touch()"),
                        "CREATE FUNCTION public.touch() ...;",
                        Set.of(),
                        Set.of(),
                        false)));
    }

    /** {@code count} tables in {@code schemas} schemas, each but the first referencing two earlier ones. */
    static DatabaseSchema large(int count, int schemas) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String schema = "s" + (i % schemas);
            List<ForeignKey> keys = new ArrayList<>();
            List<TableColumn> columns = new ArrayList<>(List.of(id(), TableColumn.of("label", "text", true)));
            for (int parent : new int[] {i / 2, i - 1}) {
                if (i > 0 && keys.stream().noneMatch(k -> k.referencedTable().equals("t" + parent))) {
                    columns.add(TableColumn.of("t" + parent + "_id", "bigint", parent % 2 == 0));
                    keys.add(fk(
                            "t" + i + "_t" + parent + "_fkey",
                            "t" + parent + "_id",
                            "s" + (parent % schemas),
                            "t" + parent));
                }
            }
            tables.add(table(schema, "t" + i, columns, keys, List.of()));
        }
        return DatabaseSchema.of(tables, List.of(), List.of());
    }
}
