package dev.migrate.mcp;

import dev.migrate.MigrateException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The arguments of one tool call, as the client sent them, read by name. */
record ToolArguments(String tool, Map<String, Object> values) {
    ToolArguments {
        values = Map.copyOf(values);
    }

    /** The text argument {@code name}, or null when it was not given or is blank. */
    @Nullable
    String text(String name) {
        Object value = values.get(name);
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).strip();
    }

    /** The text argument {@code name}, or {@code otherwise}. */
    String text(String name, String otherwise) {
        String value = text(name);
        return value == null ? otherwise : value;
    }

    /** The text argument {@code name}, refused with the fix when it is missing. */
    String required(String name, String example) {
        String value = text(name);
        if (value == null) {
            throw new MigrateException("The tool " + tool + " needs the argument \"" + name + "\": call it with {\""
                    + name + "\": \"" + example + "\"}.");
        }
        return value;
    }

    /** The true-or-false argument {@code name}; false when it was not given. */
    boolean flag(String name) {
        return flag(name, false);
    }

    /** The true-or-false argument {@code name}; {@code absent} when it was not given. */
    boolean flag(String name, boolean absent) {
        Object value = values.get(name);
        if (value == null) {
            return absent;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }
}
