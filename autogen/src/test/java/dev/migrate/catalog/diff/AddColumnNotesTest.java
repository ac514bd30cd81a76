package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.ColumnIdentity;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Generated;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A column added to an existing table is noted when PostgreSQL fills every row for it, and only then. */
class AddColumnNotesTest {

    private static Table items(List<TableColumn> added) {
        List<TableColumn> columns = new ArrayList<>(List.of(TableColumn.of("id", "bigint", false)));
        columns.addAll(added);
        return new Table("public", "items", columns, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static TableColumn withDefault(String name, String type, @Nullable String expression) {
        return new TableColumn(name, type, true, expression, null, null, null, null);
    }

    private static List<String> notesOfAdded(TableColumn column) {
        MigrationScript diff = SchemaDiff.compare(
                DatabaseSchema.of(List.of(items(List.of())), List.of(), List.of()),
                DatabaseSchema.of(List.of(items(List.of(column))), List.of(), List.of()),
                SchemaDiff.Options.defaults());
        return diff.changes().stream()
                .filter(c -> c.description().text().startsWith("added column"))
                .findFirst()
                .map(ChangeNotes::of)
                .orElseThrow();
    }

    @Test
    void aVolatileDefaultAnIdentityAndAStoredGeneratedColumnCiteTheAddColumnRewriteRule() {
        assertThat(notesOfAdded(withDefault("token", "uuid", "gen_random_uuid()")))
                .containsExactly(
                        "Hazard [add-column-rewrite]: column public.items.token: adds a column whose value is computed"
                                + " for every existing row (a volatile default such as clock_timestamp(), random(),"
                                + " gen_random_uuid() or a sequence's nextval(), an identity, a stored generated column),"
                                + " which rewrites the table and its indexes under AccessExclusiveLock"
                                + " (AccessExclusiveLock); the volatile default gen_random_uuid() is computed for every"
                                + " existing row.",
                        "Lock-safe form: add the column without a default (or with a constant or stable one such as"
                                + " now(): no rewrite since PostgreSQL 11), then op.setDefault(...) for new rows, and"
                                + " fill the existing rows in batches.");
        assertThat(notesOfAdded(withDefault("seq", "bigint", "nextval('items_seq_seq'::regclass)"))
                        .get(0))
                .startsWith("Hazard [add-column-rewrite]: column public.items.seq:");
        assertThat(notesOfAdded(new TableColumn(
                                "number",
                                "bigint",
                                false,
                                null,
                                new ColumnIdentity(
                                        ColumnIdentity.Generation.ALWAYS, 1, 1, 1, Long.MAX_VALUE, 1, false, false),
                                null,
                                null,
                                null))
                        .get(0))
                .contains(
                        "[add-column-rewrite]",
                        "an identity column takes a value of its sequence in every existing row");
        assertThat(notesOfAdded(new TableColumn(
                                "doubled", "bigint", true, null, null, new Generated("(id * 2)", true), null, null))
                        .get(0))
                .contains("[add-column-rewrite]", "a stored generated column is computed for every existing row");
    }

    @Test
    void aConstantOrStableDefaultAndAVirtualGeneratedColumnGetNoNote() {
        assertThat(notesOfAdded(withDefault("status", "text", "'new'::text"))).isEmpty();
        assertThat(notesOfAdded(withDefault("seen", "timestamp with time zone", "now()")))
                .isEmpty();
        assertThat(notesOfAdded(withDefault("note", "text", null))).isEmpty();
        assertThat(notesOfAdded(new TableColumn(
                        "doubled", "bigint", true, null, null, new Generated("(id * 2)", false), null, null)))
                .isEmpty();
    }
}
