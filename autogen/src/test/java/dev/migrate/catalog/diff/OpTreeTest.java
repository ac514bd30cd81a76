package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.EnumType;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.diff.Description.Action;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.TableOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script the comparison makes: groups per table, their order, and the texts derived from it. */
class OpTreeTest {

    @Test
    void tablesComeAfterTheTablesTheyPointAtWithTheirForeignKeysInTheirGroup() {
        // by name, orders would come first; it points at customers, so customers is created first
        DatabaseSchema desired = DatabaseSchema.of(
                List.of(
                        table("a_orders", List.of(fk("fk_orders_customer", "b_customers")), List.of()),
                        table("b_customers", List.of(), List.of())),
                List.of(),
                List.of(new EnumType("public", "mood", List.of("sad", "happy"))));

        MigrationScript script = SchemaDiff.compare(DatabaseSchema.empty(), desired, SchemaDiff.Options.defaults());

        assertThat(outline(script))
                .containsExactly(
                        "(outside tables): added enum type public.mood [sad, happy]",
                        "public.b_customers: added table public.b_customers",
                        "public.a_orders: added table public.a_orders | added foreign key [ref_id] -> b_customers[id] on public.a_orders");
    }

    @Test
    void aCycleOfForeignKeysIsClosedInALaterGroup() {
        DatabaseSchema desired = DatabaseSchema.of(
                List.of(
                        table("x", List.of(fk("fk_x_y", "y")), List.of()),
                        table("y", List.of(fk("fk_y_x", "x")), List.of())),
                List.of(),
                List.of());

        MigrationScript script = SchemaDiff.compare(DatabaseSchema.empty(), desired, SchemaDiff.Options.defaults());

        assertThat(outline(script))
                .containsExactly(
                        "public.x: added table public.x",
                        "public.y: added table public.y | added foreign key [ref_id] -> x[id] on public.y",
                        "public.x: added foreign key [ref_id] -> y[id] on public.x");
    }

    @Test
    void foreignKeysLetGoFirstAndTablesGoThoseReferencingOthersFirst() {
        DatabaseSchema live = DatabaseSchema.of(
                List.of(
                        table("b_customers", List.of(), List.of()),
                        table("c_orders", List.of(fk("fk_orders_customer", "b_customers")), List.of())),
                List.of(),
                List.of());

        MigrationScript script = SchemaDiff.compare(live, DatabaseSchema.empty(), SchemaDiff.Options.defaults());

        assertThat(outline(script))
                .containsExactly(
                        "public.c_orders: removed foreign key fk_orders_customer of public.c_orders",
                        "public.c_orders: removed table public.c_orders",
                        "public.b_customers: removed table public.b_customers");
    }

    @Test
    void aTablesGroupHasItsOwnOpsThenConstraintsThatGoThenColumnsThenWhatComesAndLastTheColumnsThatGo() {
        Table before = new Table(
                "public",
                "t",
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("old_col", "text", true)),
                new PrimaryKey("t_pkey", List.of("id")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(index("ix_old", "old_col")),
                null);
        Table after = new Table(
                "public",
                "t",
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("new_col", "integer", true)),
                new PrimaryKey("t_pkey", List.of("id")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(index("ix_new", "new_col")),
                "Things");

        MigrationScript script = SchemaDiff.compare(schemaOf(before), schemaOf(after), SchemaDiff.Options.defaults());

        assertThat(outline(script))
                .containsExactly(
                        "public.t: changed comment of table public.t | removed index ix_old on t"
                                + " | added column public.t.new_col | added index ix_new on t | removed column public.t.old_col");
        assertThat(script.descriptions())
                .containsExactly(
                        "changed comment of table public.t",
                        "removed index ix_old on t",
                        "added column public.t.new_col",
                        "added index ix_new on t",
                        "removed column public.t.old_col");
    }

    @Test
    void aRenamedTableIsRenamedBeforeItsConstraintsChangeUnderTheNewName() {
        Table before = new Table(
                "public",
                "t_old",
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("code", "text", true)),
                null,
                List.of(),
                List.of(new UniqueConstraint("uk_code", List.of("code"), false, false, false)),
                List.of(),
                List.of(),
                List.of(),
                null);
        Table after = new Table(
                "public",
                "t_new",
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("code", "text", true)),
                null,
                List.of(),
                List.of(new UniqueConstraint("uk_code", List.of("code", "id"), false, false, false)),
                List.of(),
                List.of(),
                List.of(),
                null);

        MigrationScript script = SchemaDiff.compare(
                schemaOf(before),
                schemaOf(after),
                new SchemaDiff.Options("public", Map.of("t_old", "t_new"), RenameDecider.never()));

        // the renames are a group of their own, first: the rest is compared with the schema they leave
        assertThat(outline(script))
                .containsExactly(
                        "public.t_new: renamed table public.t_old to t_new",
                        "public.t_new: unique constraint uk_code on t_new: columns [code] -> [code, id]");
        assertThat(script.upgrade().get(0)).isInstanceOf(TableOp.RenameTable.class);
    }

    @Test
    void theDowngradeIsTheReverseTree() {
        DatabaseSchema desired = DatabaseSchema.of(
                List.of(
                        table(
                                "a_orders",
                                List.of(fk("fk_orders_customer", "b_customers")),
                                List.of(index("ix_orders_ref", "ref_id"))),
                        table("b_customers", List.of(), List.of())),
                List.of(),
                List.of());

        MigrationScript script = SchemaDiff.compare(DatabaseSchema.empty(), desired, SchemaDiff.Options.defaults());

        List<OpGroup> down = script.downgradeGroups();
        assertThat(down).extracting(OpGroup::table).containsExactly(name("a_orders"), name("b_customers"));
        assertThat(down.get(0).ops())
                .hasSize(3)
                .allMatch(op -> op instanceof ConstraintOp.DropConstraint
                        || op instanceof IndexOp.DropIndex
                        || op instanceof TableOp.DropTable);
        assertThat(down.get(0).ops().get(2)).isInstanceOf(TableOp.DropTable.class);
        List<Op> expected = new ArrayList<>();
        List<Op> up = script.upgrade();
        for (int i = up.size() - 1; i >= 0; i--) {
            expected.add(up.get(i).reverse().orElseThrow());
        }
        assertThat(script.downgrade()).isEqualTo(expected);
    }

    @Test
    void eachChangeCarriesItsDescriptionInPartsAndTheTextsAreDerivedFromThem() {
        Table live = table("b_customers", List.of(), List.of());
        Table wanted = new Table(
                "public",
                "b_customers",
                List.of(
                        TableColumn.of("id", "bigint", false),
                        TableColumn.of("ref_id", "bigint", true),
                        TableColumn.of("email", "text", false)),
                new PrimaryKey("b_customers_pkey", List.of("id")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);

        // the primary key is the same, so the added column is the only change
        Change added = SchemaDiff.compare(schemaOf(live), schemaOf(wanted), SchemaDiff.Options.defaults())
                .changes()
                .get(0);

        assertThat(added.description())
                .isEqualTo(new Description(Action.ADDED, "column public.b_customers.email", null));
        assertThat(added.description().text()).isEqualTo("added column public.b_customers.email");
        assertThat(ChangeNotes.of(added))
                .singleElement()
                .asString()
                .startsWith("Hazard: a NOT NULL column without a default");
    }

    @Test
    void verifyPhrasesTheScriptAsWhatTheDatabaseHasAgainstWhatWasExpected() {
        Table expected = table("b_customers", List.of(), List.of());
        Table found = new Table(
                "public",
                "b_customers",
                List.of(
                        TableColumn.of("id", "bigint", false),
                        TableColumn.of("ref_id", "bigint", true),
                        TableColumn.of("leftover", "text", true)),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);

        List<String> lines =
                SchemaDiff.compare(schemaOf(expected), schemaOf(found), SchemaDiff.Options.defaults())
                        .changes()
                        .stream()
                        .map(c -> c.description().asDatabaseState())
                        .toList();

        assertThat(lines)
                .containsExactly(
                        "missing primary key b_customers_pkey of b_customers",
                        "extra column public.b_customers.leftover");
        assertThat(Description.changed("column public.t.c", "type integer -> bigint")
                        .asDatabaseState())
                .isEqualTo("column public.t.c: type integer -> bigint");
    }

    private static List<String> outline(MigrationScript script) {
        return script.upgradeGroups().stream()
                .map(g -> (g.table() != null ? g.table().toString() : "(outside tables)") + ": "
                        + String.join(
                                " | ",
                                g.changes().stream()
                                        .map(c -> c.description().text())
                                        .toList()))
                .toList();
    }

    private static Table table(String name, List<ForeignKey> foreignKeys, List<Index> indexes) {
        return new Table(
                "public",
                name,
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("ref_id", "bigint", true)),
                new PrimaryKey(name + "_pkey", List.of("id")),
                foreignKeys,
                List.of(),
                List.of(),
                List.of(),
                indexes,
                null);
    }

    private static ForeignKey fk(String name, String referenced) {
        return new ForeignKey(
                name,
                List.of("ref_id"),
                "public",
                referenced,
                List.of("id"),
                ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION,
                false,
                false,
                true);
    }

    private static Index index(String name, String column) {
        return new Index(
                name,
                false,
                "btree",
                List.of(column),
                List.of(),
                null,
                false,
                "CREATE INDEX " + name + " ON public.t USING btree (" + column + ")");
    }

    private static DatabaseSchema schemaOf(Table table) {
        return DatabaseSchema.of(List.of(table), List.of(), List.of());
    }

    private static ObjectName name(String table) {
        return ObjectName.of("public", table);
    }
}
