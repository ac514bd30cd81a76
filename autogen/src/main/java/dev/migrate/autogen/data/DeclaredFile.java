package dev.migrate.autogen.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The file a table's rows were read from, as its author wrote it: for messages that point at a place in it, and
 * for edits that change the rows a change concerns and leave the rest as it was.
 *
 * @param path the file
 * @param text its text when it was read
 * @param columnPlaces where each column is named
 * @param valuePlaces where each value of each row starts
 * @param rows where each row stands in {@code text}
 */
public record DeclaredFile(
        Path path, String text, List<Place> columnPlaces, List<List<Place>> valuePlaces, List<RowText> rows) {
    public DeclaredFile {
        columnPlaces = List.copyOf(columnPlaces);
        valuePlaces = valuePlaces.stream().map(List::copyOf).toList();
        rows = List.copyOf(rows);
    }
}
