package dev.migrate.catalog.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL does when a column's type changes from one type to another: whether it can cast
 * by assignment (else the change needs {@code USING}), and whether it rewrites the table. The
 * comparison asks the server it runs on ({@code CatalogTypeChanges}); without one, the answers are
 * the cautious ones.
 */
public interface TypeChanges {
    /** Whether {@code ALTER COLUMN ... TYPE to} needs a USING expression, having no assignment cast from {@code from}. */
    boolean needsUsing(String from, String to);

    /** Whether the change rewrites the table and its indexes. */
    boolean rewrites(String from, String to);

    /** Assume a USING is needed and the table is rewritten whenever the types are not the same. */
    static TypeChanges cautious() {
        return new TypeChanges() {
            @Override
            public boolean needsUsing(String from, String to) {
                return !baseName(from).equals(baseName(to));
            }

            @Override
            public boolean rewrites(String from, String to) {
                return !from.equals(to);
            }
        };
    }

    /** The type without its modifier: {@code character varying(20)} is {@code character varying}. */
    static String baseName(String type) {
        return type.replaceAll("\\(\\d+(,\\s*-?\\d+)?\\)", "");
    }

    /**
     * Whether a change between two spellings of the same type only widens its modifier, which
     * PostgreSQL does without a rewrite: a longer or unlimited {@code varchar} or {@code varbit}, a
     * {@code numeric} of more precision and the same scale or unconstrained, more precision for
     * {@code timestamp}, {@code timestamptz}, {@code time} and {@code interval}.
     */
    static boolean widensModifier(String from, String to) {
        String base = baseName(from);
        if (!base.equals(baseName(to))) {
            return false;
        }
        int[] before = modifier(from);
        int[] after = modifier(to);
        if (base.startsWith("character varying")
                || base.startsWith("bit varying")
                || base.startsWith("timestamp")
                || base.startsWith("time")
                || base.startsWith("interval")) {
            return after == null || (before != null && after[0] >= before[0]);
        }
        if (base.equals("numeric")) {
            return after == null
                    || (before != null
                            && after[0] >= before[0]
                            && after.length > 1
                            && before.length > 1
                            && after[1] == before[1]);
        }
        return false;
    }

    /**
     * Whether {@code to} holds every value of {@code from} and some it cannot: a longer or unlimited
     * {@code varchar}, {@code text} for a {@code varchar} or {@code char}, a larger integer, {@code numeric}
     * for an integer, {@code double precision} for {@code real}, or a modifier widened as
     * {@link #widensModifier} says.
     */
    static boolean widens(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        if (widensModifier(from, to)) {
            return true;
        }
        List<String> integers = List.of("smallint", "integer", "bigint", "numeric");
        int a = integers.indexOf(from);
        int b = integers.indexOf(baseName(to));
        if (a >= 0 && b > a && (b < 3 || modifier(to) == null)) {
            return true;
        }
        if (from.equals("real") && to.equals("double precision")) {
            return true;
        }
        String base = baseName(from);
        return (base.equals("character varying") || base.equals("character"))
                && (to.equals("text") || to.equals("character varying"));
    }

    private static int @Nullable [] modifier(String type) {
        Matcher m = Pattern.compile("\\((\\d+)(?:,\\s*(-?\\d+))?\\)").matcher(type);
        if (!m.find()) {
            return null;
        }
        return m.group(2) == null
                ? new int[] {Integer.parseInt(m.group(1))}
                : new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
}
