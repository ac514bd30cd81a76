package dev.migrate.op;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The names an online change gives what it adds for the expand phase, all starting {@code _migrate_},
 * each at most the 63 bytes PostgreSQL keeps (a longer one ends in a hash of the whole, so two never
 * meet), and the quoting of the SQL the halves spell out themselves.
 */
final class OnlineNames {
    private static final int MAX_BYTES = 63;

    private OnlineNames() {}

    /** {@code _migrate_new_amount}: the column beside {@code amount}. */
    static String newColumn(String column) {
        return fitted("_migrate_new_" + column);
    }

    /** {@code _migrate_nn_amount}: the check that stands for {@code NOT NULL} until complete. */
    static String notNullCheck(String column) {
        return fitted("_migrate_nn_" + column);
    }

    /** {@code _migrate_sync_amount}: the trigger on the table that keeps the two columns in step. */
    static String trigger(String column) {
        return fitted("_migrate_sync_" + column);
    }

    /** {@code _migrate_sync_orders_amount}: the trigger's function, in the table's schema. */
    static QualifiedName function(QualifiedName table, String column) {
        return table.sibling(fitted("_migrate_sync_" + table.name() + "_" + column));
    }

    /** {@code "name"}: always quoted, which every identifier allows. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String quote(QualifiedName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    /** {@code 'text'}: a string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String fitted(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        String hash = String.format(Locale.ROOT, "_%08x", name.hashCode());
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > MAX_BYTES - hash.length()) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return kept + hash;
    }
}
