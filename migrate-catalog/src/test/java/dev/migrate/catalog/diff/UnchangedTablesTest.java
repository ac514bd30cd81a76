package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ExclusionConstraint;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.op.ReferentialAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table equal on both sides but for the order of its columns has nothing to compare; one that differs in anything
 * else, its columns in another order or not, is compared in full.
 */
class UnchangedTablesTest {

    private static final SchemaDiff.Options ENTITIES = SchemaDiff.Options.defaults();
    private static final SchemaDiff.Options BOTH_READ =
            SchemaDiff.Options.defaults().withBothRead();

    @Test
    void aTableEqualButForTheOrderOfItsColumnsHasNoDifferenceInEitherMode() {
        Table live = parent();
        Table desired = reordered(live);

        assertThat(desired.columns()).isNotEqualTo(live.columns());
        for (SchemaDiff.Options options : List.of(ENTITIES, BOTH_READ)) {
            MigrationScript script = compare(live, desired, options);
            assertThat(script.isEmpty()).as(script.descriptions().toString()).isTrue();
            assertThat(script.warnings()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTableWhoseColumnsAreInAnotherOrderIsStillComparedForEverythingElse(boolean reorder) {
        Table live = parent();
        Table base = reorder ? reordered(live) : live;
        List<UnaryOperator<Table>> edits = List.of(
                t -> with(t, column("name", "character varying(300)", true, null, null)),
                t -> with(t, column("name", "character varying(200)", false, null, null)),
                t -> with(t, column("amount", "numeric(12,2)", true, "1.00", null)),
                t -> copy(
                        t,
                        t.checkConstraints(),
                        List.of(t.indexes().get(0), index("ix_parent_amount", "amount")),
                        t.comment(),
                        t.unlogged(),
                        t.constraintComments()),
                t -> copy(
                        t,
                        List.of(new CheckConstraint("ck_parent_amount", "(amount >= (1)::numeric)", true)),
                        t.indexes(),
                        t.comment(),
                        t.unlogged(),
                        t.constraintComments()),
                t -> copy(t, t.checkConstraints(), t.indexes(), "the parents", t.unlogged(), t.constraintComments()));
        for (UnaryOperator<Table> edit : edits) {
            MigrationScript script = compare(live, edit.apply(base), ENTITIES);
            assertThat(script.changes()).hasSize(1);
        }
    }

    @Test
    void aTableUnloggedOrCommentedOnBothReadSidesIsStillCompared() {
        Table live = parent();
        Table reordered = reordered(live);
        Table unlogged = copy(
                reordered, live.checkConstraints(), live.indexes(), live.comment(), true, live.constraintComments());
        Table commented = copy(
                reordered,
                live.checkConstraints(),
                live.indexes(),
                live.comment(),
                live.unlogged(),
                Map.of("uk_parent_code", "the code a person reads"));

        assertThat(compare(live, unlogged, BOTH_READ).descriptions())
                .containsExactly("table public.parent: LOGGED -> UNLOGGED");
        assertThat(compare(live, commented, BOTH_READ).changes()).hasSize(1);
    }

    private static MigrationScript compare(Table live, Table desired, SchemaDiff.Options options) {
        return SchemaDiff.compare(schema(live), schema(desired), options);
    }

    private static DatabaseSchema schema(Table parent) {
        return DatabaseSchema.of(List.of(parent, child()), List.of(), List.of());
    }

    /** A table with something of every kind the comparers look at. */
    private static Table parent() {
        ColumnIdentity identity = new ColumnIdentity(
                ColumnIdentity.Generation.BY_DEFAULT, 1, 1, 1, Long.MAX_VALUE, 1, false, false, null);
        return new Table(
                "public",
                "parent",
                List.of(
                        column("id", "bigint", false, null, identity),
                        column("code", "character varying(40)", false, null, null),
                        column("name", "character varying(200)", true, null, null),
                        column("amount", "numeric(12,2)", true, null, null),
                        column("created_at", "timestamp with time zone", false, "now()", null)),
                new PrimaryKey("parent_pkey", List.of("id")),
                List.of(),
                List.of(new UniqueConstraint("uk_parent_code", List.of("code"), false, false, false)),
                List.of(new CheckConstraint("ck_parent_amount", "(amount >= (0)::numeric)", true)),
                List.of(new ExclusionConstraint("ex_parent", "EXCLUDE USING btree (code WITH =)")),
                List.of(index("ix_parent_name", "name")),
                null,
                null,
                false);
    }

    private static Table child() {
        return new Table(
                "public",
                "child",
                List.of(column("id", "bigint", false, null, null), column("parent_id", "bigint", true, null, null)),
                new PrimaryKey("child_pkey", List.of("id")),
                List.of(new ForeignKey(
                        "fk_child_parent",
                        List.of("parent_id"),
                        "public",
                        "parent",
                        List.of("id"),
                        ReferentialAction.CASCADE,
                        ReferentialAction.NO_ACTION,
                        false,
                        false,
                        true)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false);
    }

    private static Table reordered(Table table) {
        List<TableColumn> columns = new ArrayList<>(table.columns());
        Collections.reverse(columns);
        return table.withColumns(columns);
    }

    /** {@code table} with {@code column} in place of its column of that name. */
    private static Table with(Table table, TableColumn column) {
        List<TableColumn> columns = new ArrayList<>(table.columns());
        columns.replaceAll(c -> c.name().equals(column.name()) ? column : c);
        return table.withColumns(columns);
    }

    /** {@code t} with these check constraints, indexes, comment, logging and comments of constraints. */
    private static Table copy(
            Table t,
            List<CheckConstraint> checks,
            List<Index> indexes,
            @Nullable String comment,
            boolean unlogged,
            Map<String, String> constraintComments) {
        return new Table(
                t.schema(),
                t.name(),
                t.columns(),
                t.primaryKey(),
                t.foreignKeys(),
                t.uniqueConstraints(),
                checks,
                t.exclusionConstraints(),
                indexes,
                comment,
                t.partitioning(),
                unlogged,
                constraintComments,
                t.indexComments());
    }

    private static TableColumn column(
            String name,
            String type,
            boolean nullable,
            @Nullable String defaultExpression,
            @Nullable ColumnIdentity identity) {
        return new TableColumn(name, type, nullable, defaultExpression, identity, null, null, null);
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
                "CREATE INDEX " + name + " ON public.parent USING btree (" + column + ")");
    }
}
