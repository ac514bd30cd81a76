package dev.migrate.catalog.read;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which entries of {@code pg_attribute.attoptions} a person sets ({@code ALTER TABLE orders ALTER COLUMN customer SET
 * (n_distinct = 100)}) and which the server stamps by itself (a packaged server's {@code pg_attver=...}): only the
 * first are read, compared and rebuilt.
 */
public final class AttributeOptions {
    /** The attribute options {@code ALTER TABLE ... ALTER COLUMN ... SET (...)} accepts (PostgreSQL 13 to 18). */
    private static final List<String> SET_BY_USER = List.of("n_distinct", "n_distinct_inherited");

    /**
     * Whether an entry of {@code pg_attribute.attoptions} ({@code n_distinct=100}, {@code pg_attver=3}) is one a
     * person sets, and so compared; any other is the server's own.
     */
    public static boolean setByUser(String option) {
        int equals = option.indexOf('=');
        String name =
                (equals < 0 ? option : option.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        return SET_BY_USER.contains(name);
    }

    /** The SQL condition that an option {@code o} of {@code attoptions} is one a person sets. */
    public static String setByUserCondition(String option) {
        return "split_part(" + option + ", '=', 1) IN ("
                + SET_BY_USER.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", ")) + ")";
    }

    private AttributeOptions() {}
}
