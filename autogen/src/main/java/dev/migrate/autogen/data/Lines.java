package dev.migrate.autogen.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The lines of a file's text, to turn an offset into the {@link Place} a message points at. */
final class Lines {
    private final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
    }

    /** The place of the character at {@code offset}. */
    Place at(int offset) {
        int found = Collections.binarySearch(starts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new Place(line + 1, offset - starts.get(line) + 1);
    }
}
