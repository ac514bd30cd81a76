package dev.migrate.catalog.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check that a {@code varchar} column holds one of a list of values, as a person writes it:
 * {@code kind IN ('car', 'truck')}. PostgreSQL shows it as
 * {@code ((kind)::text = ANY ((ARRAY['car'::character varying, ...])::text[]))}, and that text, parsed
 * again, as {@code ((kind)::text = ANY (ARRAY[('car'::character varying)::text, ...]))} (and as
 * {@code ((ARRAY[...])::character varying[])::text[]} once respelled to keep the first form, {@link
 * dev.migrate.catalog.read.StableDeparse}): written in the
 * short form, a check is stored exactly as the provider's own DDL stores it, so a downgrade restores
 * the catalog letter for letter, and the written line holds no cast to wrap in the middle of.
 */
public final class CheckInList {
    private static final String IDENTIFIER = "([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    private static final String VARCHAR_LITERAL = "'(?:[^']|'')*'::character varying";
    private static final Pattern IN_LIST = Pattern.compile("\\(\\(" + IDENTIFIER + "\\)::text = ANY \\((?:ARRAY\\[("
            + "\\(" + VARCHAR_LITERAL + "\\)::text(?:, \\(" + VARCHAR_LITERAL + "\\)::text)*)\\]"
            + "|\\(ARRAY\\[(" + VARCHAR_LITERAL + "(?:, " + VARCHAR_LITERAL + ")*)\\]\\)::text\\[\\]"
            + "|\\(\\(ARRAY\\[(" + VARCHAR_LITERAL + "(?:, " + VARCHAR_LITERAL
            + ")*)\\]\\)::character varying\\[\\]\\)::text\\[\\])\\)\\)");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private CheckInList() {}

    /**
     * {@code expression} as {@code col IN (...)} when it is either of PostgreSQL's spellings of that
     * on a column in {@code varcharColumns}; otherwise unchanged, since on another type the same text
     * means something else.
     */
    public static String of(String expression, Set<String> varcharColumns) {
        Matcher m = IN_LIST.matcher(expression);
        if (!m.matches()) {
            return expression;
        }
        String column = m.group(1);
        String name = column.startsWith("\"")
                ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                : column;
        if (!varcharColumns.contains(name)) {
            return expression;
        }
        List<String> values = new ArrayList<>();
        String listed = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        Matcher literal = LITERAL.matcher(listed);
        while (literal.find()) {
            values.add(literal.group());
        }
        return column + " IN (" + String.join(", ", values) + ")";
    }
}
