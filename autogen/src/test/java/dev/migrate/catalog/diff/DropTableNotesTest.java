package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ExclusionConstraint;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropTableNotesTest {
    @Test
    void aDroppedTableSaysWhatItsDowngradeCannotRestore() {
        Table bookings = new Table(
                "public",
                "bookings",
                List.of(TableColumn.of("during", "tsrange", true)),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(new ExclusionConstraint("no_overlap", "EXCLUDE USING gist (during WITH &&)")),
                List.of(),
                null);
        MigrationScript diff = SchemaDiff.compare(
                DatabaseSchema.of(List.of(bookings), List.of(), List.of()),
                DatabaseSchema.empty(),
                SchemaDiff.Options.defaults());
        Change drop = diff.changes().stream()
                .filter(c -> c.description().text().equals("removed table public.bookings"))
                .findFirst()
                .orElseThrow();
        assertThat(ChangeNotes.of(drop))
                .containsExactly(
                        "Hazard [backward-incompatible]: table public.bookings: drops or renames a table or column that"
                                + " the running version of the application may still use (AccessExclusiveLock); drops"
                                + " table public.bookings and all its rows.",
                        "Lock-safe form: release the application that no longer uses it first and drop it in a later"
                                + " migration; for a rename, add the new name, write both, backfill, switch reads, then"
                                + " drop the old one.",
                        "The downgrade does not restore exclusion constraint no_overlap (EXCLUDE USING gist (during WITH &&)); "
                                + "add it to downgrade with op.execute(\"ALTER TABLE ... ADD CONSTRAINT ...\").");
    }
}
