package dev.migrate.internal.sql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a column type before it goes into DDL. Types are written by the migration's author, but a
 * type string must still be a type: {@code varchar(50)}, {@code timestamp(3) with time zone},
 * {@code numeric(10,2)}, {@code int[]}, {@code "MyEnum"}, {@code app.status}. Anything that could end
 * the statement is refused.
 */
public final class Types {
    private static final Pattern TYPE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_ $.]*(\\(\\s*-?[A-Za-z0-9_]+(\\s*,\\s*-?[A-Za-z0-9_]+)*\\s*\\))?"
                    + "( with(out)? time zone)?( \\[\\d*\\]|\\[\\d*\\])*"
                    + "|\"([^\"]|\"\")+\"(\\.\"([^\"]|\"\")+\")?(\\[\\d*\\])*"
                    + "|[A-Za-z_][A-Za-z0-9_]*\\.\"([^\"]|\"\")+\"(\\[\\d*\\])*");

    /**
     * How many checked types are kept: a schema spells its columns with a few dozen types, each checked once a column
     * (16,000 times for 2,000 tables), by a pattern that took two fifths of rendering a {@code CREATE TABLE}.
     */
    private static final int CHECKED_AT_MOST = 4096;
    /** Types found to be types, exactly as given. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private Types() {}

    public static String check(@Nullable String type) {
        if (type != null && CHECKED.contains(type)) {
            return type; // checked before, and without spaces around it
        }
        if (type == null || !TYPE.matcher(type.trim()).matches()) {
            throw new IllegalArgumentException("'" + type + "' is not a PostgreSQL type name. Write a type as in DDL, "
                    + "for example varchar(50), numeric(10,2), timestamptz, jsonb or text[].");
        }
        String checked = type.trim();
        if (checked.equals(type) && CHECKED.size() < CHECKED_AT_MOST) {
            CHECKED.add(checked);
        }
        return checked;
    }
}
