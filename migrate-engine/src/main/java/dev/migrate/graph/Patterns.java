package dev.migrate.graph;

import java.util.regex.Pattern;

/** Regular expressions of the target syntax, compiled once. */
final class Patterns {
    static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
    static final Pattern RELATIVE_TO = Pattern.compile("([A-Za-z0-9_]+)([+-])(\\d+)");

    private Patterns() {}

    /**
     * Whether {@code text} is a revision id: ASCII letters, digits and underscores. A loop, not a
     * pattern: it runs for every revision of the chain in a JVM that has just started.
     */
    static boolean isId(String text) {
        if (text == null || text.isEmpty()) {
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
