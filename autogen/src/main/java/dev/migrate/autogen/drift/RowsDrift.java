package dev.migrate.autogen.drift;

import dev.migrate.MigrateException;
import dev.migrate.autogen.data.DeclaredTable;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.rows.RowReader;
import dev.migrate.catalog.rows.RowsDiff;
import dev.migrate.catalog.rows.TableShape;
import dev.migrate.op.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the declared tables compared between a live database and the chain's database at the same
 * revision: a row added, removed or with another value in a declared column, by key, is drift. Compared in the
 * columns the file declares; a table either side lacks, or whose key the file does not give, is the schema's
 * comparison's to report (or {@code check}'s to refuse), not this one's.
 *
 * @param back the changes that put the live rows back as the chain has them
 * @param accepting the changes that make the chain's rows the live ones, for a migration that accepts them
 */
record RowsDrift(MigrationScript back, MigrationScript accepting) {
    static RowsDrift of(
            List<DeclaredTable> tables, Connection chain, Connection live, String managedSchema, int limit) {
        List<RowsDiff.Compared> back = new ArrayList<>();
        List<RowsDiff.Compared> accepting = new ArrayList<>();
        for (DeclaredTable table : tables) {
            Optional<TableShape> inChain = shape(chain, table);
            Optional<TableShape> inLive = shape(live, table);
            if (inChain.isEmpty() || inLive.isEmpty()) {
                continue;
            }
            Optional<List<String>> key = inChain.get().keys().stream()
                    .filter(k -> table.columns().containsAll(k)
                            && inLive.get().columns().keySet().containsAll(k))
                    .findFirst();
            if (key.isEmpty()) {
                continue;
            }
            List<String> columns = table.columns().stream()
                    .filter(c -> inChain.get().columns().containsKey(c)
                            && inLive.get().columns().containsKey(c))
                    .toList();
            Rows chainRows = RowReader.read(chain, inChain.get(), key.get(), limit, table.source());
            Rows liveRows = RowReader.read(live, inLive.get(), key.get(), limit, table.source());
            back.add(new RowsDiff.Compared(inLive.get(), table.source(), only(chainRows, columns), liveRows));
            accepting.add(new RowsDiff.Compared(inChain.get(), table.source(), only(liveRows, columns), chainRows));
        }
        return new RowsDrift(script(back, managedSchema), script(accepting, managedSchema));
    }

    private static MigrationScript script(List<RowsDiff.Compared> tables, String managedSchema) {
        List<RowsDiff.TableChanges> changes = RowsDiff.compare(tables, managedSchema).stream()
                .filter(c -> !c.isEmpty())
                .toList();
        return new MigrationScript(RowsDiff.groups(changes), List.of());
    }

    private static Optional<TableShape> shape(Connection c, DeclaredTable table) {
        try {
            return TableShape.read(c, table.table());
        } catch (SQLException e) {
            throw new MigrateException("Could not read table " + table.table() + ": " + e.getMessage(), e);
        }
    }

    /** {@code rows} in {@code columns} alone. */
    private static Rows only(Rows rows, List<String> columns) {
        List<List<@Nullable String>> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            values.add(columns.stream().map(c -> rows.value(row, c)).toList());
        }
        return new Rows(rows.key(), columns, values);
    }
}
