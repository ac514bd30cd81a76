package dev.migrate.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows of one table as PostgreSQL reads them: each value the text a {@code COPY} or a string literal would
 * give, {@code null} for SQL {@code NULL} (never the empty string), so one form serves every column type
 * (numbers, dates, arrays, JSON, enums). The rows are found again by their key, the columns of a primary
 * key or unique constraint, which are among {@link #columns()}.
 *
 * <pre>{@code
 * Rows.keyedBy("code").columns("code", "name").row("FR", "France").row("DE", "Germany")
 * }</pre>
 *
 * @param key the columns that find a row, in the order of {@code columns}' first appearance or as given
 * @param columns the columns each row gives, the key's among them
 * @param values one list per row, one value per column, in the order of {@code columns}
 */
public record Rows(List<String> key, List<String> columns, List<List<@Nullable String>> values) {
    public Rows {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Rows need a key: the columns of a primary key or unique constraint"
                    + " that find each row, as in Rows.keyedBy(\"code\").");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("The columns " + columns + " name a column twice.");
        }
        if (!columns.isEmpty() && !columns.containsAll(key)) {
            throw new IllegalArgumentException("The key " + key + " must be among the columns " + columns
                    + ": add the key's columns to columns(...).");
        }
        List<List<@Nullable String>> copied = new ArrayList<>(values.size());
        for (List<@Nullable String> row : values) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("The row " + row + " has " + row.size() + " values for the "
                        + columns.size() + " columns " + columns + ": give one value per column, null for NULL.");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        values = Collections.unmodifiableList(copied);
    }

    /** Rows found by {@code key}, with no columns nor rows yet: {@code Rows.keyedBy("code").columns(...)}. */
    public static Rows keyedBy(String... key) {
        return new Rows(List.of(key), List.of(), List.of());
    }

    /** These rows' key with {@code names} as the columns, and no rows. */
    public Rows columns(String... names) {
        if (!values.isEmpty()) {
            throw new IllegalStateException(
                    "Name the columns before the rows: Rows.keyedBy(...).columns(...).row(...).");
        }
        return new Rows(key, List.of(names), List.of());
    }

    /** These rows and one more, its values in the order of {@link #columns()}, {@code null} for {@code NULL}. */
    public Rows row(@Nullable String... rowValues) {
        List<List<@Nullable String>> more = new ArrayList<>(values);
        more.add(Arrays.asList(rowValues));
        return new Rows(key, columns, more);
    }

    /** How many rows there are. */
    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The positions of the key's columns in {@link #columns()}. */
    public int[] keyPositions() {
        return key.stream().mapToInt(columns::indexOf).toArray();
    }

    /** The key's values of row {@code index}, in the order of {@link #key()}. */
    public List<@Nullable String> keyOf(int index) {
        List<@Nullable String> row = values.get(index);
        List<@Nullable String> found = new ArrayList<>(key.size());
        for (int position : keyPositions()) {
            found.add(row.get(position));
        }
        return found;
    }

    /** Every row's key values, in the order of the rows. */
    public List<List<@Nullable String>> keys() {
        List<List<@Nullable String>> keys = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            keys.add(keyOf(i));
        }
        return keys;
    }

    /** The value of {@code column} in row {@code index}. */
    public @Nullable String value(int index, String column) {
        int position = columns.indexOf(column);
        if (position < 0) {
            throw new IllegalArgumentException("No column " + column + " among " + columns + ".");
        }
        return values.get(index).get(position);
    }
}
