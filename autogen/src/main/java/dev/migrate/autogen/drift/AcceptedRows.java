package dev.migrate.autogen.drift;

import dev.migrate.MigrateException;
import dev.migrate.autogen.data.DeclaredFileEdit;
import dev.migrate.autogen.data.DeclaredTable;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.DataOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.Rows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declared files ({@code db/data/}) a drift's acceptance changes: the migration that accepts the drift
 * makes the chain's rows the database's, so the files must say the same, or the next {@code check} reports each
 * accepted row the other way. Each file whose rows the migration changes is edited in place ({@link
 * DeclaredFileEdit}); one that cannot be is named with the reason, for its author to edit.
 *
 * @param edits the files and their new text
 * @param refusals the files left to their authors, each with the reason
 */
public record AcceptedRows(List<Edit> edits, List<String> refusals) {
    public AcceptedRows {
        edits = List.copyOf(edits);
        refusals = List.copyOf(refusals);
    }

    /**
     * One file's new text.
     *
     * @param source the file as messages name it
     * @param path the file
     * @param text its new text
     */
    public record Edit(String source, Path path, String text) {}

    /** The edits that {@code accepting}'s row changes make to the files of {@code tables}. */
    public static AcceptedRows of(MigrationScript accepting, List<DeclaredTable> tables, String managedSchema) {
        Map<ObjectName, Changes> byTable = new LinkedHashMap<>();
        for (Op op : accepting.upgrade()) {
            if (op instanceof DataOp.InsertRows insert) {
                changes(byTable, insert.table(), managedSchema).inserted = insert.rows();
            } else if (op instanceof DataOp.UpdateRows update) {
                changes(byTable, update.table(), managedSchema).updated.add(update.rows());
            } else if (op instanceof DataOp.DeleteRows delete) {
                changes(byTable, delete.table(), managedSchema).deleted = delete.rows();
            }
        }
        List<Edit> edits = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (DeclaredTable table : tables) {
            Changes changes = byTable.get(table.table());
            var file = table.file();
            if (changes == null) {
                continue;
            }
            if (file == null) {
                refusals.add(table.source() + ": its rows were not read from a file.");
                continue;
            }
            DeclaredFileEdit.Result result =
                    DeclaredFileEdit.of(table, changes.inserted, changes.updated, changes.deleted);
            if (result.text().isPresent()) {
                edits.add(new Edit(table.source(), file.path(), result.text().get()));
            } else {
                String why = result.refusal().orElse("");
                refusals.add(why.startsWith(table.source()) ? why : table.source() + ": " + why);
            }
        }
        return new AcceptedRows(edits, refusals);
    }

    /** Writes the new texts. */
    public void write() {
        for (Edit edit : edits) {
            try {
                Files.writeString(edit.path(), edit.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MigrateException(
                        "Could not write " + edit.source() + ": " + e.getMessage()
                                + ". Check that it is writable, then edit it to hold the rows the database has.",
                        e);
            }
        }
    }

    private static Changes changes(Map<ObjectName, Changes> byTable, QualifiedName table, String managedSchema) {
        String schema = table.schema();
        return byTable.computeIfAbsent(
                ObjectName.of(schema == null ? managedSchema : schema, table.name()), t -> new Changes());
    }

    /** One table's accepted changes, gathered from the migration's ops. */
    private static final class Changes {
        @Nullable
        Rows inserted;

        final List<Rows> updated = new ArrayList<>();

        @Nullable
        Rows deleted;
    }
}
