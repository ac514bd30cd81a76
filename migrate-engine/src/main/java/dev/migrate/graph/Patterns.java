package dev.migrate.graph;

import java.util.regex.Pattern;

/** Regular expressions of the target syntax, compiled once. */
final class Patterns {
    static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
    static final Pattern RELATIVE_TO = Pattern.compile("([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)?)([+-])(\\d+)");

    private Patterns() {}

    /**
     * Whether {@code text} is a revision id: ASCII letters, digits and underscores, after at most one
     * {@code <module>.} of the same letters. A loop, not a pattern: it runs for every revision of the chain
     * in a JVM that has just started.
     */
    static boolean isId(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int dot = text.indexOf('.');
        if (dot >= 0) {
            return dot > 0 && isPlainId(text.substring(0, dot)) && isPlainId(text.substring(dot + 1));
        }
        return isPlainId(text);
    }

    /** Whether {@code text} is a revision id without module: ASCII letters, digits and underscores. */
    static boolean isPlainId(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
