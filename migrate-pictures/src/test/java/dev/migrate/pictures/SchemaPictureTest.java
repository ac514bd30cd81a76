package dev.migrate.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    .filter(g -> g.schema().equals(box.table().schema()))
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
        assertThat(mermaid).contains("        character_varying(200) name\n");
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

    /** No two boxes overlap; each line starts on its parent's right edge at the referenced column and ends on the child's left edge at the referencing column. */
    static void assertGeometry(SchemaPicture picture) {
        List<Box> boxes = picture.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                assertThat(apart(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height()))
                        .as("%s and %s overlap", a.table(), b.table())
                        .isTrue();
            }
        }
        for (Link link : picture.links()) {
            Box parent = boxes.stream()
                    .filter(b -> b.table().equals(link.parent()))
                    .findFirst()
                    .orElseThrow();
            Box child = boxes.stream()
                    .filter(b -> b.table().equals(link.child()))
                    .findFirst()
                    .orElseThrow();
            Point start = link.points().get(0);
            Point end = link.points().get(link.points().size() - 1);
            assertThat(start.x())
                    .as("%s starts on %s", link.name(), parent.table())
                    .isCloseTo(parent.x() + parent.width(), within());
            assertThat(start.y())
                    .as("%s starts at %s.%s", link.name(), parent.table(), link.parentColumn())
                    .isCloseTo(parent.rowMiddle(link.parentColumn()), within());
            assertThat(end.x()).as("%s ends on %s", link.name(), child.table()).isCloseTo(child.x(), within());
            assertThat(end.y())
                    .as("%s ends at %s.%s", link.name(), child.table(), link.childColumn())
                    .isCloseTo(child.rowMiddle(link.childColumn()), within());
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.5);
    }

    static boolean apart(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh) {
        return ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
    }
}
