package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A statement that calls one of Citus's functions that copy a table's rows between the coordinator and the
 * workers ({@code SELECT create_distributed_table('orders', 'customer_id')}), with the table or schema it
 * names, as migrate writes them and as people do.
 *
 * @param function the function, in lower case
 * @param schema the schema named, or {@code null} when the table is named alone (it is then matched by name)
 * @param name the table, or the schema for the schema functions
 */
record CitusCall(String function, @Nullable String schema, String name) {
    private static final Pattern CALL = Pattern.compile(
            "(?is)^\\s*SELECT\\s+(?:pg_catalog\\.)?(create_distributed_table|create_reference_table|undistribute_table"
                    + "|alter_distributed_table|citus_schema_distribute|citus_schema_undistribute)\\s*\\(\\s*"
                    + "'((?:[^']|'')*)'");

    /** The call {@code sql} makes, or {@code null} when it makes none of them. */
    static @Nullable CitusCall of(String sql) {
        Matcher m = CALL.matcher(sql);
        if (!m.find()) {
            return null;
        }
        List<String> parts = identifiers(m.group(2).replace("''", "'"));
        if (parts.isEmpty() || parts.size() > 2) {
            return null;
        }
        String function = m.group(1).toLowerCase(Locale.ROOT);
        return parts.size() == 1
                ? new CitusCall(function, null, parts.get(0))
                : new CitusCall(function, parts.get(0), parts.get(1));
    }

    /** Whether the call copies the rows of the table {@code schema.table}. */
    boolean concerns(String tableSchema, String table) {
        if (function.startsWith("citus_schema_")) {
            return name.equals(tableSchema);
        }
        return name.equals(table) && (schema == null || schema.equals(tableSchema));
    }

    /** What the call copies, for the finding. */
    String cost() {
        return switch (function) {
            case "create_reference_table" -> "copies the table with its rows to every node of the cluster";
            case "undistribute_table" ->
                "copies the table's rows back from the workers into a new table on the coordinator";
            case "alter_distributed_table" -> "copies the table's rows into new shards";
            case "citus_schema_distribute" -> "moves the table, rows and all, with its schema to one worker";
            case "citus_schema_undistribute" -> "copies the table's rows back from its worker to the coordinator";
            default -> "copies the table's rows into its shards on the workers";
        };
    }

    /** The parts of a name as SQL reads them: unquoted ones in lower case, quoted ones as they stand. */
    private static List<String> identifiers(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(wasQuoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(part.toString().strip());
        return parts;
    }
}
