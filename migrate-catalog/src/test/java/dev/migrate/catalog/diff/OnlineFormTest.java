package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.ObjectName;
import dev.migrate.lint.LintRule;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which changes {@code -Dmigrate.online=true} writes as online changes, and what it leaves as it is. */
class OnlineFormTest {
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    private static Change change(Op op) {
        return new Change(Description.changed("public.orders", "x"), List.of(op), List.of());
    }

    private static MigrationScript script(Change... changes) {
        return new MigrationScript(
                List.of(new OpGroup(ObjectName.of("public", "orders"), List.of(changes))), List.of());
    }

    private static List<Op> ops(MigrationScript script) {
        return script.changes().stream().flatMap(c -> c.ops().stream()).toList();
    }

    @Test
    void aTypeAndANotNullOfOneColumnAreOneOnlineChangeWithTheUniqueAddedToIt() {
        MigrationScript online = OnlineForm.of(script(
                change(new ConstraintOp.AddConstraint(
                        ORDERS, new Constraint.Unique("orders_amount_key", List.of("amount"), false, false, false))),
                change(new ColumnOp.AlterColumnType(ORDERS, "amount", "bigint", null, "integer")),
                change(new ColumnOp.AlterColumnNullable(ORDERS, "amount", false))));

        assertThat(ops(online))
                .containsExactly(new OnlineOp.Online(OnlineChange.alterColumn("public.orders", "amount")
                        .type("bigint")
                        .notNull()
                        .unique("orders_amount_key")));
        assertThat(online.warnings()).anyMatch(w -> w.startsWith("An online migration: upgrade runs its expand"));
        assertThat(online.changes().get(0).reverse().ops())
                .as("the downgrade undoes the three plainly")
                .contains(new ColumnOp.AlterColumnNullable(ORDERS, "amount", true));
    }

    @Test
    void renamesAndDropsAreOnlineAndTheRestTakesItsLockSafeForm() {
        MigrationScript online = OnlineForm.of(script(
                change(new ColumnOp.RenameColumn(ORDERS, "note", "memo")),
                change(new ColumnOp.DropColumn(
                        ORDERS, "fax", Column.of("fax", "text").notNull())),
                new Change(
                        Description.added("index ix"),
                        List.of(IndexOp.CreateIndex.on("ix", ORDERS, List.of("memo"))),
                        new Hazard(LintRule.INDEX_NOT_CONCURRENT, "index ix", null, true))));

        assertThat(ops(online))
                .containsExactly(
                        new OnlineOp.Online(OnlineChange.renameColumn("public.orders", "note", "memo")),
                        new OnlineOp.Online(OnlineChange.dropColumn("public.orders", "fax")),
                        IndexOp.CreateIndex.on("ix", ORDERS, List.of("memo")).concurrently());
        assertThat(online.changes().get(1).notes())
                .anyMatch(n -> n.contains("NOT NULL without a default: give .down("));
    }

    @Test
    void aScriptThatChangesViewsKeepsItsColumnChangesPlain() {
        ObjectDefinition view = new ObjectDefinition(ObjectKind.VIEW, "public.v", "CREATE VIEW public.v AS SELECT 1");
        MigrationScript online = OnlineForm.of(new MigrationScript(
                List.of(
                        new OpGroup(
                                ObjectName.of("public", "orders"),
                                List.of(change(
                                        new ColumnOp.AlterColumnType(ORDERS, "amount", "bigint", null, "integer")))),
                        OpGroup.outsideTables(List.of(change(new ObjectOp.CreateObject(view))))),
                List.of()));
        assertThat(ops(online)).noneMatch(op -> op instanceof OnlineOp.Online);
        assertThat(OnlineForm.isOnline(online)).isFalse();
    }

    /** The users' case: an integer balance made bigint, which the old application cannot read back. */
    @Test
    void aWiderTypeNamesWhatTheOldApplicationCannotHoldAndTheDownThatLetsItThrough() {
        MigrationScript online = OnlineForm.of(
                script(change(new ColumnOp.AlterColumnType(ORDERS, "amount", "bigint", null, "integer"))));
        assertThat(online.changes().get(0).notes())
                .anyMatch(note -> note.startsWith("Hazard [wider-type]: column public.orders.amount: until complete")
                        && note.contains("reads it as integer, and bigint holds values it cannot")
                        && note.contains(".down(\"least(amount, ...)\")"));

        MigrationScript narrower = OnlineForm.of(
                script(change(new ColumnOp.AlterColumnType(ORDERS, "amount", "integer", null, "bigint"))));
        assertThat(narrower.changes().get(0).notes()).noneMatch(note -> note.contains("holds values it cannot"));
    }

    @Test
    void widerTypes() {
        assertThat(TypeChanges.widens("integer", "bigint")).isTrue();
        assertThat(TypeChanges.widens("smallint", "numeric")).isTrue();
        assertThat(TypeChanges.widens("integer", "numeric(5,0)")).isFalse();
        assertThat(TypeChanges.widens("character varying(20)", "character varying(40)"))
                .isTrue();
        assertThat(TypeChanges.widens("character varying(20)", "text")).isTrue();
        assertThat(TypeChanges.widens("real", "double precision")).isTrue();
        assertThat(TypeChanges.widens("bigint", "integer")).isFalse();
        assertThat(TypeChanges.widens("text", "character varying(20)")).isFalse();
        assertThat(TypeChanges.widens("integer", "integer")).isFalse();
    }
}
