package dev.migrate.autogen.data;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ObjectName;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The rows a project declares, reference data kept like the schema: one file per table under its data directory
 * ({@code src/main/resources/db/data/}), named after the table ({@code countries.csv}, {@code billing.plans.csv}
 * for another schema), either a {@code .csv} file (a header row of column names, then one row per line; an
 * unquoted empty field is {@code NULL}, a quoted one {@code ""} the empty string, as in PostgreSQL's {@code COPY
 * ... CSV}) or a {@code .sql} file of {@code INSERT INTO table (columns) VALUES (...), ...;} statements with
 * literal values. The rows are the table's whole content, found by a primary key or unique constraint among the
 * columns; the columns a file does not name are left as they are. A folder under the directory limits its files to
 * the context of its name ({@code db/data/test/accounts.csv}): compared, and written as a revision limited to that
 * context, only in a run given it.
 *
 * @param directory where they were read from, or {@code null} when the project has no data directory
 * @param tables every file's table
 */
public record DeclaredRows(@Nullable Path directory, List<DeclaredTable> tables) {
    public DeclaredRows {
        tables = List.copyOf(tables);
    }

    /** A project without a data directory: no table's rows are its own. */
    public static DeclaredRows none() {
        return new DeclaredRows(null, List.of());
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /**
     * The tables a run given {@code contexts} compares: those every environment has, and those of the folders of
     * its contexts.
     *
     * @throws MigrateException when two of these files declare the same table
     */
    public List<DeclaredTable> inContexts(Collection<String> contexts) {
        List<DeclaredTable> compared = tables.stream()
                .filter(t -> t.context() == null || contexts.contains(t.context()))
                .toList();
        Map<ObjectName, DeclaredTable> seen = new HashMap<>();
        for (DeclaredTable t : compared) {
            DeclaredTable other = seen.putIfAbsent(t.table(), t);
            if (other != null) {
                throw new MigrateException("Both " + other.source() + " and " + t.source() + " declare the rows of "
                        + t.table() + ": a table's rows are declared by one file (a context's folder holds tables"
                        + " of its own, such as the accounts of a test environment). Keep one of them.");
            }
        }
        return compared;
    }

    /**
     * The files under {@code directory}, their unqualified tables in {@code schema}; {@link #none()} when it does
     * not exist.
     *
     * @param shownAs how the directory is named in messages ({@code src/main/resources/db/data})
     */
    public static DeclaredRows in(Path directory, String shownAs, String schema) {
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new MigrateException("The data directory " + shownAs
                        + " is a file: make it a directory of .csv and .sql files, or point dataDirectory elsewhere.");
            }
            return none();
        }
        List<DeclaredTable> tables = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = directory.relativize(file);
                String name = shownAs + "/" + relative.toString().replace('\\', '/');
                String fileName = file.getFileName().toString();
                String context =
                        relative.getNameCount() == 2 ? relative.getName(0).toString() : null;
                if (fileName.endsWith(".csv")) {
                    tables.add(csv(name, context, table(fileName, ".csv", schema), file, read(file)));
                } else if (fileName.endsWith(".sql")) {
                    tables.add(sql(name, context, table(fileName, ".sql", schema), file, read(file), schema));
                } else if (!fileName.startsWith(".")
                        && !Set.of("README.md", "README").contains(fileName)) {
                    throw new MigrateException(name + " is neither a .csv nor a .sql file: the data directory holds"
                            + " one file of rows per table (countries.csv, billing.plans.sql). Move it elsewhere.");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MigrateException("Could not read the data directory " + shownAs + ": " + e.getMessage(), e);
        }
        return new DeclaredRows(directory, tables);
    }

    /**
     * Writes {@code rows} as a declared table's CSV file at {@code file}, unless a file is there already; the file
     * written, or empty. Read back, the file gives the same values: {@code NULL} an unquoted empty field, the empty
     * string {@code ""}.
     */
    public static java.util.Optional<Path> writeCsv(Path file, dev.migrate.op.Rows rows) {
        if (Files.exists(file)) {
            return java.util.Optional.empty();
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(
                        ",", rows.columns().stream().map(DeclaredRows::csvField).toList()))
                .append('\n');
        for (List<@Nullable String> row : rows.values()) {
            csv.append(String.join(
                            ",",
                            row.stream().map(v -> v == null ? "" : csvField(v)).toList()))
                    .append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException("Could not write " + file + ": " + e.getMessage(), e);
        }
        return java.util.Optional.of(file);
    }

    /** A value as a CSV field: quoted when it is empty or holds a comma, a quote or a line break. */
    private static String csvField(String value) {
        return csvQuoted(value, csvNeedsQuotes(value));
    }

    /** Whether a CSV field of {@code value} must be quoted: it is empty or holds a comma, a quote or a line break. */
    static boolean csvNeedsQuotes(String value) {
        return value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    }

    /** {@code value} as a CSV field, in quotes (its own quotes doubled) when {@code quoted}. */
    static String csvQuoted(String value, boolean quoted) {
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** {@code countries.csv}: the managed schema's; {@code billing.plans.csv}: schema billing's. */
    private static ObjectName table(String fileName, String suffix, String schema) {
        String base = fileName.substring(0, fileName.length() - suffix.length());
        int dot = base.indexOf('.');
        return dot < 0 ? ObjectName.of(schema, base) : ObjectName.of(base.substring(0, dot), base.substring(dot + 1));
    }

    /** A CSV file as PostgreSQL's {@code COPY ... CSV HEADER} reads it. */
    static DeclaredTable csv(String source, @Nullable String context, ObjectName table, Path file, String text) {
        List<Csv.Fields> records = Csv.parse(source, text);
        if (records.isEmpty()) {
            throw new MigrateException(source + " has no header row: its first line names the columns"
                    + " (code,name), each following line is one row of " + table + ".");
        }
        Csv.Fields head = records.get(0);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < head.fields().size(); c++) {
            String column = head.fields().get(c);
            if (column == null || column.isBlank()) {
                throw new MigrateException(head.places().get(c).in(source) + ": the header row has an empty column"
                        + " name. Name every column of the rows, as in code,name.");
            }
            int first = header.indexOf(column);
            if (first >= 0) {
                throw new MigrateException(head.places().get(c).in(source) + ": the header names column " + column
                        + " twice (first at " + head.places().get(first).in(source) + "). Name each column once.");
            }
            header.add(column);
        }
        List<List<@Nullable String>> rows = new ArrayList<>();
        List<List<Place>> places = new ArrayList<>();
        List<RowText> texts = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            Csv.Fields row = records.get(i);
            if (row.fields().size() != header.size()) {
                Place at = row.fields().size() > header.size() ? row.places().get(header.size()) : row.start();
                throw new MigrateException(at.in(source) + ": this row has "
                        + row.fields().size() + " values for the "
                        + header.size() + " columns " + header + ". Give one value per column (an empty field for"
                        + " NULL, \"\" for the empty string).");
            }
            rows.add(row.fields());
            places.add(row.places());
            texts.add(row.text());
        }
        return new DeclaredTable(
                table,
                context,
                source,
                header,
                rows,
                false,
                new DeclaredFile(file, text, head.places(), places, texts));
    }

    /** A file of {@code INSERT INTO table (columns) VALUES (...), ...;} statements, all into the file's table. */
    static DeclaredTable sql(
            String source, @Nullable String context, ObjectName table, Path file, String text, String schema) {
        List<SqlToken> tokens = SqlLexer.tokens(text);
        Lines lines = new Lines(text);
        List<String> columns = null;
        List<Place> columnPlaces = List.of();
        List<List<@Nullable String>> rows = new ArrayList<>();
        List<List<Place>> places = new ArrayList<>();
        List<RowText> texts = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).is(";")) {
                i++;
                continue;
            }
            int statementStart = tokens.get(i).start();
            Place statement = lines.at(statementStart);
            List<int[]> tuples = new ArrayList<>();
            List<List<Integer>> starts = new ArrayList<>();
            List<List<Integer>> ends = new ArrayList<>();
            if (!(tokens.get(i).isWord("insert")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord("into"))) {
                throw notInsert(statement.in(source), table);
            }
            i += 2;
            List<String> name = new ArrayList<>();
            while (i < tokens.size() && tokens.get(i).isIdentifier()) {
                name.add(String.valueOf(tokens.get(i).name()));
                i++;
                if (i < tokens.size() && tokens.get(i).is(".")) {
                    i++;
                }
            }
            ObjectName into = name.size() == 2
                    ? ObjectName.of(name.get(0), name.get(1))
                    : ObjectName.of(schema, name.isEmpty() ? "" : name.get(0));
            if (!into.equals(table)) {
                throw new MigrateException(statement.in(source) + ": this INSERT goes into " + into + ", but the file"
                        + " is named after " + table + ": a file declares the rows of the table it is named after.");
            }
            if (i >= tokens.size() || !tokens.get(i).is("(")) {
                throw new MigrateException(statement.in(source) + ": name the columns of each INSERT, as in INSERT"
                        + " INTO " + table.name() + " (code, name) VALUES ('FR', 'France');");
            }
            List<String> these = new ArrayList<>();
            List<Place> thesePlaces = new ArrayList<>();
            for (i++; i < tokens.size() && !tokens.get(i).is(")"); i++) {
                if (tokens.get(i).isIdentifier()) {
                    these.add(String.valueOf(tokens.get(i).name()));
                    thesePlaces.add(lines.at(tokens.get(i).start()));
                }
            }
            i++;
            if (columns == null) {
                columns = these;
                columnPlaces = thesePlaces;
            } else if (!columns.equals(these)) {
                throw new MigrateException(statement.in(source) + ": every INSERT names the same columns " + columns
                        + "; this one names " + these + ".");
            }
            if (i >= tokens.size() || !tokens.get(i).isWord("values")) {
                throw notInsert((i < tokens.size() ? lines.at(tokens.get(i).start()) : statement).in(source), table);
            }
            i++;
            while (i < tokens.size() && tokens.get(i).is("(")) {
                List<@Nullable String> row = new ArrayList<>();
                List<Place> rowPlaces = new ArrayList<>();
                List<Integer> valueStarts = new ArrayList<>();
                List<Integer> valueEnds = new ArrayList<>();
                int tupleStart = tokens.get(i).start();
                Place rowStart = lines.at(tupleStart);
                int depth = 0;
                int start = tokens.get(i).end();
                boolean closed = false;
                for (i++; i < tokens.size(); i++) {
                    SqlToken t = tokens.get(i);
                    if (t.is("(") || t.is("[")) {
                        depth++;
                    } else if ((t.is(")") || t.is("]")) && depth > 0) {
                        depth--;
                    } else if (depth == 0 && (t.is(",") || t.is(")"))) {
                        String value = text.substring(start, t.start());
                        int valueStart =
                                start + (value.length() - value.stripLeading().length());
                        row.add(value.strip());
                        rowPlaces.add(lines.at(valueStart));
                        valueStarts.add(valueStart);
                        valueEnds.add(valueStart + value.strip().length());
                        start = t.end();
                        if (t.is(")")) {
                            tuples.add(new int[] {tupleStart, t.end()});
                            closed = true;
                            break;
                        }
                    }
                }
                if (!closed) {
                    throw new MigrateException(rowStart.in(source) + ": this row's parenthesis is not closed before"
                            + " the end of the file. Close it with ) and end the INSERT with ;.");
                }
                i++;
                if (row.size() != these.size()) {
                    Place at = row.size() > these.size() ? rowPlaces.get(these.size()) : rowStart;
                    throw new MigrateException(at.in(source) + ": this row has " + row.size() + " values for the "
                            + these.size() + " columns " + these + ". Give one value per column (NULL for none).");
                }
                rows.add(row);
                places.add(rowPlaces);
                starts.add(valueStarts);
                ends.add(valueEnds);
                if (i < tokens.size() && tokens.get(i).is(",")) {
                    i++;
                }
            }
            if (i < tokens.size() && !tokens.get(i).is(";")) {
                throw new MigrateException(lines.at(tokens.get(i).start()).in(source) + ": the INSERT goes on after"
                        + " its rows. End it with ; after the last row's parenthesis, and separate rows with commas.");
            }
            int statementEnd = i < tokens.size() ? tokens.get(i).end() : text.length();
            texts.addAll(rowTexts(text, statementStart, statementEnd, tuples, starts, ends));
        }
        if (columns == null) {
            throw new MigrateException(source + " holds no INSERT: declare the rows of " + table + " as INSERT INTO "
                    + table.name() + " (columns) VALUES (...), ...; or as a .csv file.");
        }
        return new DeclaredTable(
                table, context, source, columns, rows, true, new DeclaredFile(file, text, columnPlaces, places, texts));
    }

    /**
     * Where each row of one {@code INSERT} stands, and what goes with it when it goes: the whole statement (and
     * the rest of its line) for its only row, else the row's tuple with the comma before it (after it, for the
     * first).
     */
    private static List<RowText> rowTexts(
            String text,
            int statementStart,
            int statementEnd,
            List<int[]> tuples,
            List<List<Integer>> starts,
            List<List<Integer>> ends) {
        List<RowText> out = new ArrayList<>();
        for (int r = 0; r < tuples.size(); r++) {
            int from;
            int to;
            if (tuples.size() == 1) {
                from = statementStart;
                to = statementEnd;
                while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
                    to++;
                }
                if (to < text.length() && text.charAt(to) == '\r') {
                    to++;
                }
                if (to < text.length() && text.charAt(to) == '\n') {
                    to++;
                }
            } else if (r == 0) {
                from = tuples.get(0)[0];
                to = tuples.get(1)[0];
            } else {
                from = tuples.get(r - 1)[1];
                to = tuples.get(r)[1];
            }
            out.add(new RowText(from, to, starts.get(r), ends.get(r)));
        }
        return out;
    }

    private static MigrateException notInsert(String where, ObjectName table) {
        return new MigrateException(where + ": a statement other than INSERT INTO " + table.name()
                + " (columns) VALUES (...): a .sql data file declares rows only. Put other SQL in a migration.");
    }
}
