package dev.migrate.command.output;

import dev.migrate.text.JsonText;
import java.util.Map;

/**
 * A {@link Json} value as text, indented by two spaces a level, strings escaped as RFC 8259 asks:
 * {@code JsonWriter.write(document)}. An empty array or object stays on its line ({@code []}, <code>{}</code>).
 */
public final class JsonWriter {
    private JsonWriter() {}

    /** {@code value} as JSON text, without a line end after it. */
    public static String write(Json value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(Json value, int depth, StringBuilder out) {
        if (value instanceof Json.Text t) {
            out.append(JsonText.string(t.value()));
        } else if (value instanceof Json.Whole n) {
            out.append(n.value());
        } else if (value instanceof Json.Bool b) {
            out.append(b.value());
        } else if (value instanceof Json.Array a) {
            array(a, depth, out);
        } else if (value instanceof Json.Obj o) {
            object(o, depth, out);
        } else {
            out.append("null");
        }
    }

    private static void array(Json.Array a, int depth, StringBuilder out) {
        if (a.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < a.items().size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            indent(depth + 1, out);
            write(a.items().get(i), depth + 1, out);
        }
        out.append('\n');
        indent(depth, out);
        out.append(']');
    }

    private static void object(Json.Obj o, int depth, StringBuilder out) {
        if (o.members().isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Json> member : o.members().entrySet()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1, out);
            out.append(JsonText.string(member.getKey())).append(": ");
            write(member.getValue(), depth + 1, out);
        }
        out.append('\n');
        indent(depth, out);
        out.append('}');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}
