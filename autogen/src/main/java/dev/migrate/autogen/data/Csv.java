package dev.migrate.autogen.data;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as PostgreSQL's {@code COPY ... (FORMAT csv)} reads it: fields separated by commas, a field in double
 * quotes may hold commas, line breaks and doubled quotes; an unquoted empty field is {@code NULL} and a quoted
 * one ({@code ""}) the empty string. Lines end with {@code \n} or {@code \r\n}; blank lines are skipped, and a
 * byte order mark at the start is not part of the first column's name. Each field keeps where it starts, so a
 * message can point at it as a compiler does ({@code db/data/countries.csv:7:3}).
 */
final class Csv {
    private Csv() {}

    /**
     * One record of the file.
     *
     * @param fields its values
     * @param places where each value starts
     * @param text where the record and each field stand in the file's text, to rewrite them
     */
    record Fields(List<@Nullable String> fields, List<Place> places, RowText text) {
        Fields {
            fields = java.util.Collections.unmodifiableList(new ArrayList<>(fields));
            places = List.copyOf(places);
        }

        /** Where the record starts. */
        Place start() {
            return places.get(0);
        }
    }

    static List<Fields> parse(String source, String text) {
        List<Fields> records = new ArrayList<>();
        List<@Nullable String> record = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int lineStart = i;
        int recordStart = i;
        int fieldOffset = i;
        Place fieldStart = new Place(1, 1);
        Place quoteStart = fieldStart;
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
                        lineStart = i + 1;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new MigrateException(new Place(line, i - lineStart + 1).in(source)
                            + ": a quote inside an unquoted field. Quote the whole field and double the quote inside"
                            + " it: \"say \"\"hi\"\"\".");
                }
                quoted = true;
                inQuotes = true;
                quoteStart = new Place(line, i - lineStart + 1);
            } else if (c == ',') {
                record.add(value(field, quoted));
                places.add(fieldStart);
                starts.add(fieldOffset);
                ends.add(i);
                fieldStart = new Place(line, i + 1 - lineStart + 1);
                fieldOffset = i + 1;
                field.setLength(0);
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                int fieldEnd = i;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!record.isEmpty() || field.length() > 0 || quoted) {
                    record.add(value(field, quoted));
                    places.add(fieldStart);
                    starts.add(fieldOffset);
                    ends.add(fieldEnd);
                    records.add(new Fields(record, places, new RowText(recordStart, i + 1, starts, ends)));
                }
                record = new ArrayList<>();
                places = new ArrayList<>();
                starts = new ArrayList<>();
                ends = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                line++;
                lineStart = i + 1;
                recordStart = i + 1;
                fieldOffset = i + 1;
                fieldStart = new Place(line, 1);
            } else {
                if (quoted) {
                    throw new MigrateException(new Place(line, i - lineStart + 1).in(source)
                            + ": text after a quoted field's closing quote. Put the whole value inside the quotes.");
                }
                field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new MigrateException(quoteStart.in(source) + ": this quote opens a field that no quote closes"
                    + " before the end of the file. Close the field with a double quote, and"
                    + " double a quote that is part of the value (\"\").");
        }
        if (!record.isEmpty() || field.length() > 0 || quoted) {
            record.add(value(field, quoted));
            places.add(fieldStart);
            starts.add(fieldOffset);
            ends.add(text.length());
            records.add(new Fields(record, places, new RowText(recordStart, text.length(), starts, ends)));
        }
        return records;
    }

    private static @Nullable String value(StringBuilder field, boolean quoted) {
        return field.length() == 0 && !quoted ? null : field.toString();
    }
}
