package dev.migrate.text;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * JSON text for the reports the modules write ({@code fleet.json}, the lint's report,
 * {@code changes.json}): a string quoted and escaped as RFC 8259 asks, a list of strings inline.
 */
public final class JsonText {
    private JsonText() {}

    /** {@code value} as a JSON string; {@code null} as JSON's {@code null}. */
    public static String string(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** {@code values} as a JSON array of strings, on one line. */
    public static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return json.append(']').toString();
    }
}
