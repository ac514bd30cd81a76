package dev.migrate.sql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as people write it, for what they read: {@code varchar(20)} for the catalog's
 * {@code character varying(20)}, {@code timestamptz} for {@code timestamp(6) with time zone}. The same
 * spelling the written migrations use; the catalog keeps its own, which is what is compared.
 */
public final class TypeSpelling {
    /** {@code timestamp(6)}, {@code timestamp(6) with time zone}, {@code timetz(6)}, ... at the start of a type. */
    private static final Pattern DEFAULT_PRECISION =
            Pattern.compile("^(timestamptz|timestamp|timetz|time|interval)\\(6\\)");

    private static final Pattern ARRAY_SUFFIX = Pattern.compile("((?:\\[\\])*)$");

    private static final List<ShortName> SHORT_NAMES = List.of(
            new ShortName("character varying(\\(\\d+\\))?", "varchar"),
            new ShortName("character(\\(\\d+\\))", "char"),
            new ShortName("bit varying(\\(\\d+\\))?", "varbit"),
            new ShortName("timestamp(\\(\\d+\\))? without time zone", "timestamp"),
            new ShortName("timestamp(\\(\\d+\\))? with time zone", "timestamptz"),
            new ShortName("time(\\(\\d+\\))? without time zone", "time"),
            new ShortName("time(\\(\\d+\\))? with time zone", "timetz"));

    /** A long catalog spelling whose optional modifier (group 1) follows the short name. */
    private record ShortName(Pattern longForm, String shortForm) {
        ShortName(String longForm, String shortForm) {
            this(Pattern.compile(longForm), shortForm);
        }
    }

    private TypeSpelling() {}

    /**
     * The short name PostgreSQL reads as the same type: {@code varchar(20)} for {@code character
     * varying(20)}, {@code timestamptz} for {@code timestamp(6) with time zone} (a precision that is
     * the default goes, {@link #withoutDefaultPrecision}); arrays keep their {@code []}. A
     * type with no shorter name ({@code integer}, {@code numeric(12,2)}, {@code double precision}) is
     * spelled as it is.
     */
    public static String written(String catalogType) {
        String type = withoutDefaultPrecision(catalogType);
        Matcher array = ARRAY_SUFFIX.matcher(type);
        String suffix = array.find() ? array.group(1) : "";
        String element = type.substring(0, type.length() - suffix.length());
        for (ShortName name : SHORT_NAMES) {
            Matcher m = name.longForm().matcher(element);
            if (m.matches()) {
                return name.shortForm() + (m.group(1) == null ? "" : m.group(1)) + suffix;
            }
        }
        return type;
    }

    /**
     * The type without a precision that is the default: {@code timestamp(6) with time zone} is
     * {@code timestamp with time zone} (the same for {@code timestamp}, {@code time}, {@code timetz} and
     * {@code interval}, arrays of them too). 6 is both the default and the largest precision, so the two
     * store, round and compare alike; JPA providers write the {@code (6)}, people leave it out, and
     * neither is a difference to migrate. ({@code numeric} has no default precision: a bare
     * {@code numeric} is unconstrained, so {@code numeric(p,s)} stays as it is.)
     */
    public static String withoutDefaultPrecision(String type) {
        return type.contains("(6)") ? DEFAULT_PRECISION.matcher(type).replaceFirst("$1") : type;
    }
}
