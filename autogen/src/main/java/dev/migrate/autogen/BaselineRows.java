package dev.migrate.autogen;

import dev.migrate.MigrateException;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.rows.RowReader;
import dev.migrate.catalog.rows.RowsDiff;
import dev.migrate.catalog.rows.TableShape;
import dev.migrate.op.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a baseline carries ({@code -Dmigrate.baseline.data=countries,roles}): the migration's inserts, after
 * its tables, and the declared tables' files written from them.
 *
 * @param script the inserts, parents first, their downgrade deleting the rows again
 * @param written the files written to the data directory; a table that had one keeps it
 */
public record BaselineRows(MigrationScript script, List<Path> written) {
    public BaselineRows {
        written = List.copyOf(written);
    }

    static BaselineRows read(Connection live, String schema, List<String> tables, int limit, Path dataDirectory) {
        List<RowsDiff.Compared> compared = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        for (String name : tables) {
            ObjectName table = name.contains(".")
                    ? ObjectName.of(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : ObjectName.of(schema, name);
            TableShape shape;
            try {
                shape = TableShape.read(live, table)
                        .orElseThrow(() -> new MigrateException("baseline.data names " + name + ", which the database"
                                + " does not have (" + table + "). Name tables of the baseline's schema"
                                + " (countries) or of another (billing.plans). Nothing was written."));
            } catch (SQLException e) {
                throw new MigrateException("Could not read table " + table + ": " + e.getMessage(), e);
            }
            // a table without a key is found by all its columns: its downgrade drops it anyway
            List<String> key = shape.keys().isEmpty()
                    ? List.copyOf(shape.columns().keySet())
                    : shape.keys().get(0);
            String file = (table.schema().equals(schema) ? table.name() : table.toString()) + ".csv";
            Rows rows = RowReader.read(live, shape, key, limit, "baseline.data " + name);
            compared.add(new RowsDiff.Compared(shape, "baseline.data", rows, new Rows(key, rows.columns(), List.of())));
            DeclaredRows.writeCsv(dataDirectory.resolve(file), rows).ifPresent(written::add);
        }
        // the baseline writes the names of a managed schema other than public qualified, as it creates that schema
        List<RowsDiff.TableChanges> inserts = RowsDiff.compare(compared, "public".equals(schema) ? schema : "").stream()
                .filter(c -> !c.isEmpty())
                .toList();
        // the baseline's downgrade drops every table it creates, with its rows
        return new BaselineRows(
                new MigrationScript(
                        RowsDiff.groups(inserts).stream()
                                .map(RowsDiff::droppedWithTheirTable)
                                .toList(),
                        List.of()),
                written);
    }
}
