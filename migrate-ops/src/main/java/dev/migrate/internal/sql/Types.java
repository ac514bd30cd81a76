package dev.migrate.internal.sql;

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

    private Types() {}

    public static String check(@Nullable String type) {
        if (type == null || !TYPE.matcher(type.trim()).matches()) {
            throw new IllegalArgumentException("'" + type + "' is not a PostgreSQL type name. Write a type as in DDL, "
                    + "for example varchar(50), numeric(10,2), timestamptz, jsonb or text[].");
        }
        return type.trim();
    }
}
