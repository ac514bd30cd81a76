package dev.migrate.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.pictures.ElkLayout.Point;
import dev.migrate.pictures.SchemaPicture.Box;
import dev.migrate.pictures.SchemaPicture.Link;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaPictureTest {

    @Test
    void tablesNeverOverlapAndEachLineEndsAtTheColumnsItJoins() {
        SchemaPicture picture = SchemaPicture.of(Schemas.shop(), TableSelection.all());

        assertThat(picture.boxes()).hasSize(5);
        assertThat(picture.links()).hasSize(4);
        assertGeometry(picture);
        SvgRendering.assertRenders(picture.svg());
    }

    @Test
    void aHundredTablesInFourSchemasStayApartInTheirSchemaFrames() {
        SchemaPicture picture = SchemaPicture.of(Schemas.large(100, 4), TableSelection.all());

        assertThat(picture.boxes()).hasSize(100);
        assertThat(picture.groups()).extracting(SchemaPicture.Group::schema).containsExactly("s0", "s1", "s2", "s3");
        assertGeometry(picture);
        for (Box box : picture.boxes()) {
            SchemaPicture.Group group = picture.groups().stream()
                    .filter(g -> g.schema().equals(box.name().schema()))
                    .findFirst()
                    .orElseThrow();
            assertThat(box.x()).isGreaterThanOrEqualTo(group.x());
            assertThat(box.y()).isGreaterThanOrEqualTo(group.y());
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(group.x() + group.width());
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(group.y() + group.height());
        }
        for (int i = 0; i < picture.groups().size(); i++) {
            for (int j = i + 1; j < picture.groups().size(); j++) {
                SchemaPicture.Group a = picture.groups().get(i);
                SchemaPicture.Group b = picture.groups().get(j);
                assertThat(apart(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height()))
                        .as("schemas %s and %s overlap", a.schema(), b.schema())
                        .isTrue();
            }
        }
        SvgRendering.assertRenders(picture.svg());
    }

    @Test
    void mermaidHasEveryTableColumnKeyAndARelationshipPerForeignKeyWithItsCardinality() {
        String mermaid = SchemaPicture.of(Schemas.shop(), TableSelection.all()).mermaid();

        assertThat(mermaid).startsWith("erDiagram\n");
        assertThat(mermaid).contains("    orders {\n        bigint id PK\n        bigint customer_id FK\n");
        // numeric(12,2) is no Mermaid word: the base type, the whole one in the comment
        assertThat(mermaid).contains("        numeric total \"numeric(12,2)\"\n");
        // types as people write them, not as the catalog spells them
        assertThat(mermaid).contains("        varchar(200) name\n");
        assertThat(mermaid).contains("        timestamptz placed_at\n");
        assertThat(mermaid).doesNotContain("character", "time zone", "time_zone");
        assertThat(mermaid).contains("        text email UK\n");
        // NOT NULL reference: exactly one customer; any number of orders
        assertThat(mermaid).contains("    customers ||..o{ orders : \"orders_customer_id_fkey\"\n");
        // nullable and unique: zero or one order, zero or one invoice
        assertThat(mermaid).contains("    orders |o..o| invoices : \"invoices_order_id_fkey\"\n");
        assertThat(mermaid).contains("    products ||..o{ order_lines : \"order_lines_product_id_fkey\"\n");
    }

    @Test
    void aNeighbourhoodDrawsTheChosenTablesAndTheirNeighboursFaded() {
        SchemaPicture picture = SchemaPicture.of(Schemas.shop(), new TableSelection(List.of("order_*")));

        assertThat(picture.tables())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ObjectName.of("public", "order_lines"), false,
                        ObjectName.of("public", "orders"), true,
                        ObjectName.of("public", "products"), true));
        assertThat(picture.svg()).contains("data-table=\"public.orders\" opacity=\"0.35\"");
        assertThat(picture.svg()).contains("data-table=\"public.order_lines\">");
        assertThat(picture.mermaid()).contains("orders[\"orders (neighbour)\"] {");
        assertGeometry(picture);
    }

    @Test
    void aSelectionThatMatchesNoTableNamesThePatternsAndTheTables() {
        DatabaseSchema shop = Schemas.shop();
        assertThatThrownBy(() -> SchemaPicture.of(shop, new TableSelection(List.of("ordrs*"))))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("No table matches the tables [ordrs*]")
                .hasMessageContaining("public.customers")
                .hasMessageContaining("-Dmigrate.tables=");
    }

    @Test
    void viewsAreDashedBoxesBesideTheTablesAndViewsTheyRead() {
        SchemaPicture picture = SchemaPicture.of(Schemas.shopWithViews(), TableSelection.all());
        ObjectName totals = ObjectName.of("public", "order_totals");
        ObjectName daily = ObjectName.of("public", "Daily Sales");

        assertThat(picture.views()).containsExactlyInAnyOrderEntriesOf(Map.of(totals, false, daily, false));
        assertThat(picture.boxes()).hasSize(7);
        assertThat(picture.boxes())
                .filteredOn(b -> b.kind() != SchemaPicture.Kind.TABLE)
                .extracting(Box::name, Box::kind, Box::columns)
                .containsExactlyInAnyOrder(
                        tuple(totals, SchemaPicture.Kind.VIEW, List.of("customer_id", "name", "total")),
                        tuple(daily, SchemaPicture.Kind.MATERIALIZED_VIEW, List.of("day", "Best Seller", "total")));
        assertThat(picture.reads())
                .extracting(SchemaPicture.Read::source, SchemaPicture.Read::view)
                .containsExactlyInAnyOrder(
                        tuple(ObjectName.of("public", "customers"), totals),
                        tuple(ObjectName.of("public", "orders"), totals),
                        tuple(ObjectName.of("public", "products"), daily),
                        tuple(totals, daily));
        assertGeometry(picture);

        String svg = picture.svg();
        assertThat(svg)
                .contains(
                        "<g class=\"view\" data-view=\"public.order_totals\" data-kind=\"view\">",
                        "<g class=\"view\" data-view=\"public.Daily Sales\" data-kind=\"materialized view\">",
                        "«view» order_totals",
                        "«materialized view» Daily Sales",
                        "stroke-dasharray=\"6 3\"",
                        "<g class=\"reads\" data-from=\"public.order_totals\" data-to=\"public.Daily Sales\">",
                        "<title>view public.order_totals reads public.orders</title>");
        assertThat(svg).as("a function is no box").doesNotContain("touch");
        SvgRendering.assertRenders(svg);
    }

    @Test
    void mermaidLabelsViewsAndDrawsADottedLineFromWhatTheyRead() {
        String mermaid =
                SchemaPicture.of(Schemas.shopWithViews(), TableSelection.all()).mermaid();

        assertThat(mermaid)
                .contains(
                        "    order_totals[\"order_totals (view)\"] {\n        bigint customer_id\n        varchar(200) name\n");
        assertThat(mermaid).contains("    Daily_Sales[\"Daily Sales (materialized view)\"] {\n        date day\n");
        assertThat(mermaid).contains("        text Best_Seller \"column Best Seller\"\n");
        assertThat(mermaid).contains("    orders }o..o{ order_totals : \"read by view\"\n");
        assertThat(mermaid).contains("    order_totals }o..o{ Daily_Sales : \"read by materialized view\"\n");
        // the foreign keys are still there
        assertThat(mermaid).contains("    customers ||..o{ orders : \"orders_customer_id_fkey\"\n");
    }

    @Test
    void aNeighbourhoodDrawsTheViewsThatReadAChosenTableAndWhatAChosenViewReads() {
        SchemaPicture byTable = SchemaPicture.of(Schemas.shopWithViews(), new TableSelection(List.of("products")));
        assertThat(byTable.views()).containsExactlyEntriesOf(Map.of(ObjectName.of("public", "Daily Sales"), true));
        assertThat(byTable.reads()).hasSize(1);
        assertGeometry(byTable);

        SchemaPicture byView = SchemaPicture.of(Schemas.shopWithViews(), new TableSelection(List.of("order_totals")));
        assertThat(byView.views())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ObjectName.of("public", "order_totals"), false,
                        ObjectName.of("public", "Daily Sales"), true));
        assertThat(byView.tables())
                .as("the tables the chosen view reads")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ObjectName.of("public", "customers"), true,
                        ObjectName.of("public", "orders"), true));
        assertThat(byView.svg()).contains("data-view=\"public.Daily Sales\" data-kind=\"materialized view\" opacity");
        assertThat(byView.mermaid()).contains("Daily Sales (materialized view, neighbour)");
    }

    @Test
    void aViewsQuotedNameAndColumnsAreReadAsTheCatalogSpellsThem() {
        assertThat(View.name("public.\"Order \"\"Totals\"\"\"")).isEqualTo(ObjectName.of("public", "Order \"Totals\""));
        assertThat(View.name("\"a.b\".c")).isEqualTo(ObjectName.of("a.b", "c"));
        assertThat(View.columns("id bigint, \"Total, net\" numeric(12,2), tags character varying(20)[]"))
                .containsExactly(
                        new View.Column("id", "bigint"),
                        new View.Column("Total, net", "numeric(12,2)"),
                        new View.Column("tags", "character varying(20)[]"));
        assertThat(View.columns("")).isEmpty();
    }

    @Test
    void thePageListsTheViewsWithWhatTheyRead() {
        String html = Pictures.of(Schemas.shopWithViews(), TableSelection.all(), List.of(), DatabaseState.none())
                .html();
        assertThat(html)
                .contains(
                        "5 tables and 2 views.",
                        "<h2>Views</h2>",
                        "<caption>public.order_totals (view) reads public.customers, public.orders</caption>",
                        "<caption>public.Daily Sales (materialized view) reads public.order_totals, public.products"
                                + "</caption>");
    }

    @Test
    void thePicturesAndThePageSpellTypesAsPeopleWriteThem() {
        SchemaPicture picture = SchemaPicture.of(Schemas.shopWithViews(), TableSelection.all());
        String html = Pictures.of(Schemas.shopWithViews(), TableSelection.all(), List.of(), DatabaseState.none())
                .html();

        assertThat(picture.svg()).contains("varchar(200)", "timestamptz", "numeric(12,2)");
        assertThat(html).contains("<td>varchar(200)</td>", "<td>timestamptz</td>", "<td>numeric(12,2)</td>");
        for (String shown : List.of(picture.svg(), picture.mermaid(), html)) {
            assertThat(shown).doesNotContain("character varying", "with time zone");
        }
    }

    /** No two boxes overlap; each line starts on its parent's right edge at the referenced column and ends on the child's left edge at the referencing column. */
    static void assertGeometry(SchemaPicture picture) {
        List<Box> boxes = picture.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                assertThat(apart(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height()))
                        .as("%s and %s overlap", a.name(), b.name())
                        .isTrue();
            }
        }
        for (Link link : picture.links()) {
            Box parent = boxes.stream()
                    .filter(b -> b.name().equals(link.parent()))
                    .findFirst()
                    .orElseThrow();
            Box child = boxes.stream()
                    .filter(b -> b.name().equals(link.child()))
                    .findFirst()
                    .orElseThrow();
            Point start = link.points().get(0);
            Point end = link.points().get(link.points().size() - 1);
            assertThat(start.x())
                    .as("%s starts on %s", link.name(), parent.name())
                    .isCloseTo(parent.x() + parent.width(), within());
            assertThat(start.y())
                    .as("%s starts at %s.%s", link.name(), parent.name(), link.parentColumn())
                    .isCloseTo(parent.rowMiddle(link.parentColumn()), within());
            assertThat(end.x()).as("%s ends on %s", link.name(), child.name()).isCloseTo(child.x(), within());
            assertThat(end.y())
                    .as("%s ends at %s.%s", link.name(), child.name(), link.childColumn())
                    .isCloseTo(child.rowMiddle(link.childColumn()), within());
        }
        for (SchemaPicture.Read read : picture.reads()) {
            Box source = boxes.stream()
                    .filter(b -> b.name().equals(read.source()))
                    .findFirst()
                    .orElseThrow();
            Box view = boxes.stream()
                    .filter(b -> b.name().equals(read.view()))
                    .findFirst()
                    .orElseThrow();
            Point start = read.points().get(0);
            Point end = read.points().get(read.points().size() - 1);
            assertThat(start.x())
                    .as("%s reads %s", read.view(), source.name())
                    .isCloseTo(source.x() + source.width(), within());
            assertThat(start.y()).isCloseTo(source.y() + SchemaPicture.HEADER / 2, within());
            assertThat(end.x()).as("%s's line ends on it", read.view()).isCloseTo(view.x(), within());
            assertThat(end.y()).isCloseTo(view.y() + SchemaPicture.HEADER / 2, within());
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.5);
    }

    static boolean apart(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh) {
        return ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
    }
}
