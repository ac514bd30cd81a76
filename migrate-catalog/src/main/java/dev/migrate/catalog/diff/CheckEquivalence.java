package dev.migrate.catalog.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check expression as the diff compares it: spellings PostgreSQL deparses differently but that
 * enforce the same thing are brought to one form, so that two checks compare by what they enforce
 * (SPEC §7), not by how each was written.
 *
 * <p>The spellings are those of a list of strings against a {@code varchar} column. {@code s IN ('A')}
 * deparses as {@code (s)::text = ANY ((ARRAY['A'::character varying])::text[])} (and, parsed again, as
 * {@code ARRAY[('A'::character varying)::text]}), while {@code s = ANY (ARRAY['A'])} and
 * {@code s::text IN ('A')} deparse as {@code ARRAY['A'::text]}. A string constant cast to an unbounded
 * {@code character varying} and then to {@code text} is the same text as the constant cast to
 * {@code text} directly, so each becomes {@code 'A'::text}. A cast to {@code character varying(n)}
 * may cut the string short, so it is kept, as is every other expression.
 */
final class CheckEquivalence {
    private static final String LITERAL = "'(?:[^']|'')*'";
    private static final String VARCHAR_LITERAL = LITERAL + "::character varying";
    private static final String VARCHAR_LIST = VARCHAR_LITERAL + "(?:, " + VARCHAR_LITERAL + ")*";
    /** {@code ('A'::character varying)::text}: each element cast on its own. */
    private static final Pattern ELEMENT_CAST = Pattern.compile("\\((" + LITERAL + ")::character varying\\)::text");
    /** The array cast as a whole, directly or through {@code character varying[]} ({@link dev.migrate.catalog.read.StableDeparse}). */
    private static final Pattern ARRAY_CAST =
            Pattern.compile("\\(\\(ARRAY\\[(" + VARCHAR_LIST + ")\\]\\)::character varying\\[\\]\\)::text\\[\\]"
                    + "|\\(ARRAY\\[(" + VARCHAR_LIST + ")\\]\\)::text\\[\\]");

    private static final Pattern LITERAL_IN_LIST = Pattern.compile(LITERAL);

    private CheckEquivalence() {}

    /** {@code expression} with every list of strings against a varchar column spelled as {@code ARRAY['A'::text, ...]}. */
    static String comparable(String expression) {
        if (!expression.contains("::character varying")) {
            return expression;
        }
        String elements =
                ELEMENT_CAST.matcher(expression).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "::text"));
        return ARRAY_CAST.matcher(elements).replaceAll(m -> {
            String listed = m.group(1) != null ? m.group(1) : m.group(2);
            List<String> values = new ArrayList<>();
            Matcher literal = LITERAL_IN_LIST.matcher(listed);
            while (literal.find()) {
                values.add(literal.group() + "::text");
            }
            return Matcher.quoteReplacement("ARRAY[" + String.join(", ", values) + "]");
        });
    }
}
