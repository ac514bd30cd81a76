package dev.migrate.catalog.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Expressions as PostgreSQL deparsed them, respelled where parsing that text again would give
 * another form, so that a database built from what was read deparses exactly as the one it was read
 * from.
 *
 * <p>The one form known to change is an array of constants coerced as a whole: {@code v in ('x', 'y')}
 * on a {@code varchar} column deparses as {@code (v)::text = ANY ((ARRAY['x'::character varying,
 * 'y'::character varying])::text[])}, and that text, parsed again, coerces each element instead
 * ({@code ARRAY[('x'::character varying)::text, ...]}), since a cast written directly on an {@code ARRAY[...]}
 * reaches its elements. Casting the array to its own element type first keeps the coercion on the
 * whole array: {@code ((ARRAY['x'::character varying, ...])::character varying[])::text[]} deparses as
 * the original did. Every other expression is returned as it is.
 */
public final class StableDeparse {
    private static final String OPEN = "(ARRAY[";
    /** A constant with its cast, as the deparser writes one: {@code 'text'::type}. */
    private static final Pattern CONSTANT = Pattern.compile("'(?:[^']|'')*'::([^()']+)");

    private StableDeparse() {}

    /** {@code expression} with every array of constants coerced as a whole cast to its element type first. */
    public static String of(String expression) {
        if (!expression.contains(OPEN)) {
            return expression;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = expression.indexOf(OPEN, from)) >= 0) {
            int close = closingBracket(expression, at + OPEN.length());
            String elementType = close < 0 ? null : elementType(expression.substring(at + OPEN.length(), close));
            // cast to its element type already (respelled before): nothing to add
            if (elementType == null
                    || !expression.startsWith("])::", close)
                    || expression.startsWith("])::" + elementType + "[]", close)) {
                out.append(expression, from, at + OPEN.length());
                from = at + OPEN.length();
                continue;
            }
            out.append(expression, from, at)
                    .append('(')
                    .append(expression, at, close + 2)
                    .append("::")
                    .append(elementType)
                    .append("[])");
            from = close + 2;
        }
        return out.append(expression.substring(from)).toString();
    }

    /** The index of the {@code ]} that closes the array whose elements start at {@code from}, or -1. */
    private static int closingBracket(String s, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote toggles twice
            } else if (!quoted) {
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ']') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
        }
        return -1;
    }

    /** The one type every element is a constant of, or {@code null} when they are not all constants of one type. */
    private static @Nullable String elementType(String elements) {
        String type = null;
        for (String element : topLevelParts(elements)) {
            Matcher m = CONSTANT.matcher(element.strip());
            if (!m.matches() || (type != null && !type.equals(m.group(1)))) {
                return null;
            }
            type = m.group(1);
        }
        return type;
    }

    private static List<String> topLevelParts(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(s.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
