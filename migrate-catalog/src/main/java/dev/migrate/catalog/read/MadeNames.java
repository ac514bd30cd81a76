package dev.migrate.catalog.read;

import dev.migrate.sql.Names;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names PostgreSQL makes up for what a statement does not name, as its {@code makeObjectName} makes them:
 * an identity column's sequence ({@code orders_id_seq}), an index a partitioned table's index makes on a
 * partition ({@code orders_2024_customer_id_idx}). A name other than this was given, or kept from before a
 * rename, and a baseline writes it. Where a made name was taken already, PostgreSQL puts a number after the
 * label ({@code orders_id_seq1}): such a name differs from this one, and is written too, which does no harm.
 */
final class MadeNames {
    private MadeNames() {}

    /**
     * {@code <name1>_<name2>_<label>}, the two names shortened, the longer first, so that it fits PostgreSQL's
     * 63 bytes, never cut within a character.
     */
    static String made(String name1, String name2, String label) {
        int available = Names.MAX_BYTES - (Names.bytes(label) + 2);
        int length1 = Names.bytes(name1);
        int length2 = Names.bytes(name2);
        while (length1 + length2 > available) {
            if (length1 > length2) {
                length1--;
            } else {
                length2--;
            }
        }
        return clipped(name1, length1) + "_" + clipped(name2, length2) + "_" + label;
    }

    /**
     * What an index's columns add to its name ({@code ChooseIndexNameAddition}): their names joined by {@code _},
     * {@code expr} for an expression, cut at 63 bytes.
     */
    static String indexColumns(List<String> columns) {
        StringBuilder names = new StringBuilder();
        for (String column : columns) {
            if (!names.isEmpty()) {
                names.append('_');
            }
            names.append(column);
            if (Names.bytes(names.toString()) >= Names.MAX_BYTES) {
                break;
            }
        }
        return clipped(names.toString(), Names.MAX_BYTES);
    }

    /** The longest start of {@code text} whose UTF-8 takes at most {@code max} bytes, cut between characters. */
    private static String clipped(String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return text;
        }
        int end = max;
        // a continuation byte (10xxxxxx) is inside a character: back up to where one starts
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
