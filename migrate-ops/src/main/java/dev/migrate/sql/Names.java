package dev.migrate.sql;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's limit on the length of a name: {@code NAMEDATALEN} (64) less the terminating byte,
 * counted in bytes of the name's UTF-8 encoding, not in characters. The server cuts a longer
 * identifier to that length (with a NOTICE) wherever it reads one, and cuts the names it makes up
 * ({@code <table>_<column>_key}) to fit.
 */
public final class Names {
    /** The most bytes a name keeps. */
    public static final int MAX_BYTES = 63;

    private Names() {}

    /** Whether PostgreSQL keeps {@code name} whole. */
    public static boolean fits(String name) {
        return bytes(name) <= MAX_BYTES;
    }

    /** The name PostgreSQL keeps of {@code name}: at most {@link #MAX_BYTES}, never half a character. */
    public static String truncated(String name) {
        // a character takes at most three bytes (a pair of surrogates four): a short name fits without counting
        return name.length() <= MAX_BYTES / 3 ? name : clipped(name, MAX_BYTES);
    }

    /**
     * {@code stem} shortened so that it and {@code suffix} fit together, then the suffix:
     * {@code Names.fitted("orders_customer_email", "_not_null_check")}.
     *
     * @throws IllegalArgumentException when the suffix alone is too long
     */
    public static String fitted(String stem, String suffix) {
        int room = MAX_BYTES - bytes(suffix);
        if (room < 0) {
            throw new IllegalArgumentException(
                    "The suffix " + suffix + " is longer than the " + MAX_BYTES + " bytes a PostgreSQL name may have.");
        }
        return clipped(stem, room) + suffix;
    }

    /** The UTF-8 length of {@code text}. */
    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest start of {@code text} whose UTF-8 takes at most {@code max} bytes, cut between code points. */
    private static String clipped(String text, int max) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > max) {
                break;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }
}
