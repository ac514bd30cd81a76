package dev.migrate.catalog.diff;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cast PostgreSQL adds to a literal default when it stores it: {@code DEFAULT 'ACTIVE'} on a
 * {@code varchar(20)} column reads back as {@code 'ACTIVE'::character varying}. Written without that
 * cast, the default reads as typed and PostgreSQL stores exactly the same expression again.
 */
public final class DefaultCasts {
    private static final Pattern TYPMOD = Pattern.compile("\\(\\d+(?:,\\d+)?\\)");
    private static final Pattern CAST_LITERAL = Pattern.compile("'((?:[^']|'')*)'::(.+)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

    private DefaultCasts() {}

    /**
     * The default without a cast PostgreSQL would add back: {@code 'ACTIVE'} for
     * {@code 'ACTIVE'::character varying} on a {@code character varying(20)} column. A literal is
     * coerced to the column's type and stored as that literal cast to the type without its modifier;
     * a negative integer ({@code '-1'::integer}) becomes a plain number. Any other cast stays, as does
     * every other expression.
     *
     * @param expression the default as {@code pg_get_expr} gives it
     * @param columnType the type of the column when the default is set, in the catalog's spelling
     */
    public static String withoutAddedCast(String expression, String columnType) {
        Matcher m = CAST_LITERAL.matcher(expression);
        if (!m.matches() || !m.group(2).equals(TYPMOD.matcher(columnType).replaceAll(""))) {
            return expression;
        }
        String literal = m.group(1);
        if (INTEGER_TYPES.contains(m.group(2)) && INTEGER.matcher(literal).matches()) {
            return literal;
        }
        return "'" + literal + "'";
    }
}
