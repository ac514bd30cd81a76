package dev.migrate.autogen.data;

import java.util.List;

/**
 * Where one declared row stands in its file's text (offsets from 0, ends exclusive), so that a change to it
 * rewrites that row alone and the rest of the file stays as its author wrote it.
 *
 * @param removeStart where the text to take out with the row starts: a CSV line, a {@code .sql} row's tuple
 *     with a comma beside it, or its whole {@code INSERT} when it is the statement's only row
 * @param removeEnd where that text ends (a CSV line's line break included)
 * @param valueStarts where each value's text starts (a CSV field's quotes, a literal's)
 * @param valueEnds where each value's text ends
 */
public record RowText(int removeStart, int removeEnd, List<Integer> valueStarts, List<Integer> valueEnds) {
    public RowText {
        valueStarts = List.copyOf(valueStarts);
        valueEnds = List.copyOf(valueEnds);
    }
}
