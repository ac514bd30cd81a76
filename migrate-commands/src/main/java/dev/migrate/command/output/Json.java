package dev.migrate.command.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value, as the output document is built of them: text, a whole number, true or false, null, an array, or
 * an object whose members keep the order they were added in:
 *
 * <pre>{@code
 * Json.Obj step = Json.object().with("revision", Json.text("r1")).with("durationMs", Json.number(12));
 * }</pre>
 */
public sealed interface Json {
    /** A string. */
    record Text(String value) implements Json {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A whole number: the document has no fractions (durations are in milliseconds). */
    record Whole(long value) implements Json {}

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {}

    /** {@code null}. */
    enum Null implements Json {
        NULL
    }

    /** An array. */
    record Array(List<Json> items) implements Json {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** An object; its members in the order they were added, each name once. */
    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** This object with {@code name} added (or replaced, in its place). */
        public Obj with(String name, Json value) {
            Map<String, Json> more = new LinkedHashMap<>(members);
            more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return new Obj(more);
        }

        /** The member {@code name}, or {@link Null#NULL} when there is none. */
        public Json get(String name) {
            return members.getOrDefault(name, Null.NULL);
        }
    }

    /** An object without members, to add them to with {@link Obj#with}. */
    static Obj object() {
        return new Obj(Map.of());
    }

    /** {@code value} as text; null as {@code null}. */
    static Json text(@Nullable String value) {
        return value == null ? Null.NULL : new Text(value);
    }

    static Json number(long value) {
        return new Whole(value);
    }

    static Json bool(boolean value) {
        return new Bool(value);
    }

    /** Each of {@code values} as text. */
    static Json texts(List<String> values) {
        return array(values, Json::text);
    }

    /** Each of {@code values} as {@code each} makes it. */
    static <T> Json array(List<T> values, Function<? super T, ? extends Json> each) {
        List<Json> items = new ArrayList<>(values.size());
        values.forEach(value -> items.add(each.apply(value)));
        return new Array(items);
    }
}
