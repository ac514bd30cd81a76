package dev.migrate.autogen.data;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as PostgreSQL's {@code COPY ... (FORMAT csv)} reads it: fields separated by commas, a field in double
 * quotes may hold commas, line breaks and doubled quotes; an unquoted empty field is {@code NULL} and a quoted
 * one ({@code ""}) the empty string. Lines end with {@code \n} or {@code \r\n}; blank lines are skipped, and a
 * byte order mark at the start is not part of the first column's name.
 */
final class Csv {
    private Csv() {}

    static List<List<@Nullable String>> parse(String source, String text) {
        List<List<@Nullable String>> records = new ArrayList<>();
        List<@Nullable String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new MigrateException(source + ", line " + line + ": a quote inside an unquoted field."
                            + " Quote the whole field and double the quote inside it: \"say \"\"hi\"\"\".");
                }
                quoted = true;
                inQuotes = true;
            } else if (c == ',') {
                record.add(value(field, quoted));
                field.setLength(0);
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!record.isEmpty() || field.length() > 0 || quoted) {
                    record.add(value(field, quoted));
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                line++;
            } else {
                if (quoted) {
                    throw new MigrateException(source + ", line " + line + ": text after a quoted field's closing"
                            + " quote. Put the whole value inside the quotes.");
                }
                field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new MigrateException(
                    source + ": a quoted field is not closed by line " + line + ". Close it with a double quote.");
        }
        if (!record.isEmpty() || field.length() > 0 || quoted) {
            record.add(value(field, quoted));
            records.add(record);
        }
        return records;
    }

    private static @Nullable String value(StringBuilder field, boolean quoted) {
        return field.length() == 0 && !quoted ? null : field.toString();
    }
}
