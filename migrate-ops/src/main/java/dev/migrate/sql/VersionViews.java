package dev.migrate.sql;

import static dev.migrate.sql.Literals.string;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of the schema of views of an online revision for the tables of one schema: {@code
 * <schema>_<revision>}, or, where that is longer than PostgreSQL's 63 bytes (which would cut it, so that
 * the triggers and the application's search path would name a schema that is not there), as much of the
 * schema's name as fits, the first 8 hex digits of its SHA-256, and the revision. The revision stays whole
 * at the end, and two long schemas that share their start get two schemas of views. The same name is
 * written once here in Java (for messages and the starter) and once in SQL (for the server's own loops).
 */
public final class VersionViews {
    /** PostgreSQL's longest identifier, in bytes ({@code NAMEDATALEN - 1}). */
    private static final int LONGEST = 63;

    private static final int HASH = 8;

    private VersionViews() {}

    /** The schema of views of {@code revision} for {@code schema}. */
    public static String name(String schema, String revision) {
        String suffix = "_" + revision;
        int suffixBytes = bytes(suffix);
        if (bytes(schema) + suffixBytes <= LONGEST) {
            return schema + suffix;
        }
        int room = Math.max(0, LONGEST - suffixBytes - HASH - 1);
        String start = left(schema, room);
        if (bytes(start) > room) {
            start = left(schema, room / 4);
        }
        return left(start + "_" + sha256(schema).substring(0, HASH) + suffix, LONGEST);
    }

    /**
     * The same name as an SQL expression over {@code schemaSql} (an expression of type {@code text}, such
     * as {@code s} or {@code TG_TABLE_SCHEMA}).
     */
    public static String sql(String schemaSql, String revision) {
        String suffix = "_" + revision;
        int suffixBytes = bytes(suffix);
        int room = Math.max(0, LONGEST - suffixBytes - HASH - 1);
        String s = "(" + schemaSql + ")::text";
        return "(CASE WHEN octet_length(" + s + ") + " + suffixBytes + " <= " + LONGEST + " THEN " + s + " || "
                + string(suffix) + " ELSE left(CASE WHEN octet_length(left(" + s + ", " + room + ")) <= " + room
                + " THEN left(" + s + ", " + room + ") ELSE left(" + s + ", " + room / 4 + ") END || '_' ||"
                + " left(encode(sha256(convert_to(" + s + ", 'UTF8')), 'hex'), " + HASH + ") || " + string(suffix)
                + ", " + LONGEST + ") END)";
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The first {@code n} characters, as PostgreSQL's {@code left} counts them (code points). */
    private static String left(String text, int n) {
        int count = text.codePointCount(0, text.length());
        return count <= n ? text : text.substring(0, text.offsetByCodePoints(0, n));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
