package dev.migrate.pictures;

import dev.migrate.MigrateException;
import dev.migrate.RevisionDetails;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.sql.TypeSpelling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures {@code mvn migrate:diagram} writes: the schema and the revision graph, each as
 * Mermaid text and SVG, and a page that shows both with the list of tables, opening from the file
 * system: {@code Pictures.of(schema, TableSelection.all(), migrator.revisions(), DatabaseState.none()).write(dir)}.
 */
public final class Pictures {
    /** The files written, in the order {@link #write} writes them. */
    public static final List<String> FILES =
            List.of("schema.mmd", "schema.svg", "revisions.mmd", "revisions.svg", "index.html");

    private final SchemaPicture schemaPicture;
    private final RevisionPicture revisionPicture;
    private final List<RevisionDetails> revisions;
    private final DatabaseState state;

    private Pictures(
            DatabaseSchema schema, TableSelection selection, List<RevisionDetails> revisions, DatabaseState state) {
        this.schemaPicture = SchemaPicture.of(schema, selection);
        this.revisionPicture = RevisionPicture.of(revisions, state.current(), state.applied());
        this.revisions = List.copyOf(revisions);
        this.state = state;
    }

    /** Both pictures, laid out. */
    public static Pictures of(
            DatabaseSchema schema, TableSelection selection, List<RevisionDetails> revisions, DatabaseState state) {
        return new Pictures(schema, selection, revisions, state);
    }

    public SchemaPicture schemaPicture() {
        return schemaPicture;
    }

    public RevisionPicture revisionPicture() {
        return revisionPicture;
    }

    /** Writes {@link #FILES} into {@code directory}, made when missing; returns their paths. */
    public List<Path> write(Path directory) {
        List<String> contents = List.of(
                schemaPicture.mermaid(), schemaPicture.svg(), revisionPicture.mermaid(), revisionPicture.svg(), html());
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (int i = 0; i < FILES.size(); i++) {
                written.add(
                        Files.writeString(directory.resolve(FILES.get(i)), contents.get(i), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the pictures into " + directory + ": " + e.getMessage()
                            + ". Check that the directory can be written.",
                    e);
        }
        return written;
    }

    /** The page: the schema, the list of tables and views with their columns, then the revisions. */
    String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Schema and revisions</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em; color: #1f2933; }
                img { max-width: 100%; border: 1px solid #d9e2ec; }
                table { border-collapse: collapse; margin-bottom: 1em; }
                td, th { border: 1px solid #d9e2ec; padding: 2px 8px; text-align: left; font-family: monospace; }
                .faded { opacity: 0.55; }
                </style>
                </head>
                <body>
                """);
        int tables = schemaPicture.tables().size();
        int views = schemaPicture.views().size();
        html.append("<h1>Schema</h1>\n<p>")
                .append(tables)
                .append(" table")
                .append(tables == 1 ? "" : "s")
                .append(views == 0 ? "" : " and " + views + " view" + (views == 1 ? "" : "s"))
                .append(". <a href=\"schema.mmd\">schema.mmd</a> holds the same picture as Mermaid.</p>\n")
                .append("<p><img src=\"schema.svg\" alt=\"The tables and their foreign keys")
                .append(views == 0 ? "" : ", the views beside the tables they read")
                .append("\"></p>\n")
                .append("<h2>Tables</h2>\n");
        schemaPicture.tables().forEach((name, faded) -> appendTable(html, schemaPicture.table(name), faded));
        if (views > 0) {
            html.append("<h2>Views</h2>\n");
            schemaPicture.views().forEach((name, faded) -> appendView(html, schemaPicture.view(name), faded));
        }
        html.append("<h1>Revisions</h1>\n<p>")
                .append(revisions.size())
                .append(" revision")
                .append(revisions.size() == 1 ? "" : "s")
                .append(state.current().isEmpty() ? "" : ", current: " + Svg.escape(String.join(", ", state.current())))
                .append(". <a href=\"revisions.mmd\">revisions.mmd</a> holds the same graph as Mermaid.</p>\n")
                .append("<p><img src=\"revisions.svg\" alt=\"The revision graph, newest at the top\"></p>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    private static void appendTable(StringBuilder html, Table table, boolean faded) {
        ObjectName name = table.qualifiedName();
        html.append("<table")
                .append(faded ? " class=\"faded\"" : "")
                .append(" id=\"")
                .append(Svg.escape(name.toString()))
                .append("\">\n<caption>")
                .append(Svg.escape(name.toString()))
                .append(faded ? " (neighbour)" : "")
                .append("</caption>\n")
                .append("<tr><th>column</th><th>type</th><th>null</th><th>keys</th></tr>\n");
        for (TableColumn column : table.columns()) {
            html.append("<tr><td>")
                    .append(Svg.escape(column.name()))
                    .append("</td><td>")
                    .append(Svg.escape(TypeSpelling.written(column.type())))
                    .append("</td><td>")
                    .append(column.nullable() ? "yes" : "no")
                    .append("</td><td>")
                    .append(String.join(", ", SchemaPicture.keys(table, column.name())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendView(StringBuilder html, View view, boolean faded) {
        html.append("<table")
                .append(faded ? " class=\"faded\"" : "")
                .append(" id=\"")
                .append(Svg.escape(view.name().toString()))
                .append("\">\n<caption>")
                .append(Svg.escape(view.name().toString()))
                .append(" (")
                .append(view.kind())
                .append(faded ? ", neighbour" : "")
                .append(")")
                .append(view.reads().isEmpty() ? "" : " reads ")
                .append(Svg.escape(String.join(
                        ", ", view.reads().stream().map(ObjectName::toString).toList())))
                .append("</caption>\n")
                .append("<tr><th>column</th><th>type</th></tr>\n");
        for (View.Column column : view.columns()) {
            html.append("<tr><td>")
                    .append(Svg.escape(column.name()))
                    .append("</td><td>")
                    .append(Svg.escape(TypeSpelling.written(column.type())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
