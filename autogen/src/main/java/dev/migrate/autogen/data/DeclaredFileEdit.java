package dev.migrate.autogen.data;

import dev.migrate.op.Rows;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A declared file changed to hold other rows, as its author would change it: a changed row's changed values
 * rewritten in place (a CSV field keeps its quotes, a {@code .sql} number stays unquoted), a removed row's line
 * (or {@code .sql} tuple, or whole {@code INSERT} when it was its only row) taken out, an added row appended; the
 * other lines, their order, blank lines and comments stay as they were. Rows are found by the file's text of
 * their key; a key the file spells otherwise than the database ({@code 007} for {@code 7}, an expression in a
 * {@code .sql} file) is not guessed at, and the edit is refused with the reason.
 */
public final class DeclaredFileEdit {
    /**
     * A number written as a literal reads back as the same text: no leading zero ({@code 007} is {@code 7}), so
     * that a value of a text column is never written unquoted into a different one.
     */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private DeclaredFileEdit() {}

    /**
     * What {@link #of} gives.
     *
     * @param text the file's new text, or empty when it cannot be edited
     * @param refusal why not, or empty
     */
    public record Result(Optional<String> text, Optional<String> refusal) {}

    /** One replacement of {@code [start, end)} by {@code text}. */
    private record Replacement(int start, int end, String text) {}

    /**
     * {@code table}'s file with the rows {@code inserted} added, the values of {@code updated} (each with its key
     * and the columns that change) set, and the rows {@code deleted} removed; values as PostgreSQL writes them.
     */
    public static Result of(DeclaredTable table, @Nullable Rows inserted, List<Rows> updated, @Nullable Rows deleted) {
        DeclaredFile file = table.file();
        if (file == null) {
            return refused(table.source() + " was not read from a file.");
        }
        Map<List<@Nullable String>, Integer> byKey = new HashMap<>();
        List<String> key = keyOf(inserted, updated, deleted);
        for (int row = 0; row < table.values().size(); row++) {
            List<@Nullable String> k = new ArrayList<>();
            for (String column : key) {
                int at = table.columns().indexOf(column);
                if (at < 0) {
                    return refused(table.source() + " does not name the key column " + column + ".");
                }
                Optional<Text> text = text(table, table.values().get(row).get(at));
                if (text.isEmpty()) {
                    return refused(table.where(row, at) + " spells the key " + column + " as an expression ("
                            + table.values().get(row).get(at) + "), which migrate does not evaluate to find the row.");
                }
                k.add(text.get().value());
            }
            byKey.put(k, row);
        }
        List<Replacement> edits = new ArrayList<>();
        for (Rows rows : updated) {
            for (int i = 0; i < rows.size(); i++) {
                Integer row = byKey.get(rows.keyOf(i));
                if (row == null) {
                    return notFound(table, rows.keyOf(i));
                }
                RowText at = file.rows().get(row);
                for (String column : rows.columns()) {
                    int c = table.columns().indexOf(column);
                    if (rows.key().contains(column)) {
                        continue;
                    }
                    if (c < 0) {
                        return refused(table.source() + " does not name column " + column + ".");
                    }
                    String old = file.text()
                            .substring(at.valueStarts().get(c), at.valueEnds().get(c));
                    edits.add(new Replacement(
                            at.valueStarts().get(c), at.valueEnds().get(c), value(table, old, rows.value(i, column))));
                }
            }
        }
        if (deleted != null) {
            for (int i = 0; i < deleted.size(); i++) {
                Integer row = byKey.get(deleted.keyOf(i));
                if (row == null) {
                    return notFound(table, deleted.keyOf(i));
                }
                RowText at = file.rows().get(row);
                edits.add(new Replacement(at.removeStart(), at.removeEnd(), ""));
            }
        }
        String text = apply(file.text(), edits);
        if (inserted != null && !inserted.isEmpty()) {
            if (!inserted.columns().containsAll(table.columns())) {
                return refused("the database's rows lack columns of " + table.source() + ".");
            }
            text = appended(table, text, inserted);
        }
        return new Result(Optional.of(text), Optional.empty());
    }

    private static List<String> keyOf(@Nullable Rows inserted, List<Rows> updated, @Nullable Rows deleted) {
        if (inserted != null) {
            return inserted.key();
        }
        if (!updated.isEmpty()) {
            return updated.get(0).key();
        }
        return deleted == null ? List.of() : deleted.key();
    }

    private static Result refused(String reason) {
        return new Result(Optional.empty(), Optional.of(reason));
    }

    private static Result notFound(DeclaredTable table, List<@Nullable String> key) {
        return refused(table.source() + " has no row whose key is written " + key
                + " (the file may spell it otherwise than the database does).");
    }

    /** A value as text, {@code null} for {@code NULL}. */
    private record Text(@Nullable String value) {}

    /** A value of the file as text: a CSV field as it is, a {@code .sql} literal unquoted; empty for an expression. */
    private static Optional<Text> text(DeclaredTable table, @Nullable String value) {
        if (!table.sqlValues() || value == null) {
            return Optional.of(new Text(value));
        }
        if (value.equalsIgnoreCase("null")) {
            return Optional.of(new Text(null));
        }
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(new Text(value));
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            String inner = value.substring(1, value.length() - 1);
            if (inner.replace("''", "").indexOf('\'') < 0) {
                return Optional.of(new Text(inner.replace("''", "'")));
            }
        }
        return Optional.empty();
    }

    /** {@code value} written where {@code old} was, in the same style. */
    private static String value(DeclaredTable table, String old, @Nullable String value) {
        if (table.sqlValues()) {
            if (value == null) {
                return "NULL";
            }
            return NUMBER.matcher(value).matches() && !old.startsWith("'") ? value : Literals.string(value);
        }
        if (value == null) {
            return "";
        }
        return DeclaredRows.csvQuoted(value, old.startsWith("\"") || DeclaredRows.csvNeedsQuotes(value));
    }

    private static String apply(String text, List<Replacement> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Replacement::start).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.text()));
        return out.toString();
    }

    /** {@code text} with the rows {@code inserted} after its last line, in the file's line ending. */
    private static String appended(DeclaredTable table, String text, Rows inserted) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.append(newline);
        }
        for (int i = 0; i < inserted.size(); i++) {
            List<String> fields = new ArrayList<>();
            for (String column : table.columns()) {
                fields.add(value(table, "", inserted.value(i, column)));
            }
            if (table.sqlValues()) {
                String fileName = table.source().substring(table.source().lastIndexOf('/') + 1);
                boolean qualified = fileName.indexOf('.') < fileName.lastIndexOf('.');
                out.append("INSERT INTO ")
                        .append(
                                qualified
                                        ? Identifiers.quote(table.table().schema()) + "."
                                                + Identifiers.quote(
                                                        table.table().name())
                                        : Identifiers.quote(table.table().name()))
                        .append(" (")
                        .append(Identifiers.quoteAll(table.columns()))
                        .append(") VALUES (")
                        .append(String.join(", ", fields))
                        .append(");");
            } else {
                out.append(String.join(",", fields));
            }
            out.append(newline);
        }
        return out.toString();
    }
}
