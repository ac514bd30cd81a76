package dev.migrate.op;

import static dev.migrate.op.OnlineNames.quote;

import java.util.Locale;

/** References to a column in an SQL expression, made to another column: the new one of an online change. */
final class ColumnReferences {
    private ColumnReferences() {}

    /**
     * {@code expression} with every reference to the column {@code from} made to {@code to}: a name
     * outside string literals, unqualified and not called as a function, matched as PostgreSQL matches it
     * (folded to lower case unless quoted).
     */
    static String renamed(String expression, String from, String to) {
        StringBuilder out = new StringBuilder(expression.length() + 16);
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < n && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(expression, i, end);
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder name = new StringBuilder();
                while (end < n) {
                    if (expression.charAt(end) == '"') {
                        if (end + 1 < n && expression.charAt(end + 1) == '"') {
                            name.append('"');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(expression.charAt(end));
                    end++;
                }
                end = Math.min(end + 1, n);
                if (name.toString().equals(from) && standsAlone(expression, i, end)) {
                    out.append(quote(to));
                } else {
                    out.append(expression, i, end);
                }
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n
                        && (Character.isLetterOrDigit(expression.charAt(end))
                                || expression.charAt(end) == '_'
                                || expression.charAt(end) == '$')) {
                    end++;
                }
                String word = expression.substring(i, end);
                if (word.toLowerCase(Locale.ROOT).equals(from) && standsAlone(expression, i, end)) {
                    out.append(quote(to));
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Neither qualified ({@code t.amount}) nor called ({@code amount(...)}), nor a cast's type ({@code ::amount}). */
    private static boolean standsAlone(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before >= 0 && (text.charAt(before) == '.' || text.charAt(before) == ':')) {
            return false;
        }
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return after >= text.length() || (text.charAt(after) != '(' && text.charAt(after) != '.');
    }
}
