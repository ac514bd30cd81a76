package dev.migrate.internal.runtime.script;

import dev.migrate.op.Op;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checksum of what a migration asks for, stored with each applied upgrade.
 *
 * <p>It is a function of the operations themselves, not of the SQL this version of migrate renders
 * for them, so a change to quoting, keywords or layout never makes an applied migration look
 * changed. The operations are encoded canonically: each record by its type name and its
 * components by name, maps in key order (so the iteration order of {@code Map.of} rows does not
 * matter), and components that hold nothing ({@code null}, {@code false}, an empty list or map)
 * left out, so a new optional field added to an operation in a later version keeps the checksums
 * of migrations that do not use it. Reading the components generically keeps one encoding for
 * every operation, present and future, without a method per record that could drift.
 *
 * <p>Values carry a format prefix ({@value #PREFIX}). Values without one are the first format,
 * the SHA-256 of the rendered SQL; {@link Engine} still recognises those and upgrades them in place.
 */
public final class Checksum {
    static final String PREFIX = "v2:";

    private final StringBuilder text = new StringBuilder();

    /** Adds one operation the migration asked for. */
    Checksum add(Op op) {
        encode(op);
        text.append('\n');
        return this;
    }

    /** Adds a piece of JDBC code: its code cannot be read, only its place among the operations. */
    Checksum addJdbc() {
        text.append("jdbc\n");
        return this;
    }

    /** {@code v2:} followed by the unpadded URL-safe Base64 of the SHA-256 of the encoding. */
    String value() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(text.toString()));
    }

    /** The canonical text that is hashed, for tests and for diagnosing a changed checksum. */
    String encoding() {
        return text.toString();
    }

    /** The first format: hex SHA-256 of the rendered statements, each followed by a NUL byte. */
    static String legacy(List<String> statements) {
        StringBuilder joined = new StringBuilder();
        for (String sql : statements) {
            joined.append(sql).append('\0');
        }
        return HexFormat.of().formatHex(sha256(joined.toString()));
    }

    /** Whether a stored value is of the first format (64 hex digits, no prefix). */
    public static boolean isLegacy(String stored) {
        return stored.matches("[0-9a-f]{64}");
    }

    /** Whether a stored value is of this format; a value of neither format was written by a later version. */
    public static boolean isCurrent(String stored) {
        return stored.startsWith(PREFIX);
    }

    private void encode(Object value) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof Record record) {
            encodeRecord(record);
        } else if (value instanceof String s) {
            text.append('"').append(s.length()).append(':').append(s).append('"');
        } else if (value instanceof Enum<?> e) {
            text.append(e.name());
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            text.append(value);
        } else if (value instanceof byte[] bytes) {
            text.append("bytes:").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            text.append('{');
            sorted.forEach((k, v) -> {
                encode(k);
                text.append('=');
                encode(v);
                text.append(',');
            });
            text.append('}');
        } else if (value instanceof Collection<?> items) {
            text.append('[');
            for (Object item : items) {
                encode(item);
                text.append(',');
            }
            text.append(']');
        } else {
            // dates, UUIDs and other values of bulk inserts: their type and text, as they are rendered
            text.append(value.getClass().getSimpleName()).append(':');
            encode(value.toString());
        }
    }

    private void encodeRecord(Record record) {
        text.append(record.getClass().getSimpleName()).append('(');
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            Object value = valueOf(component, record);
            if (holdsNothing(value)) {
                continue;
            }
            text.append(component.getName()).append('=');
            encode(value);
            text.append(';');
        }
        text.append(')');
    }

    /** Each record type's components, read once: the JVM builds them anew on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static boolean holdsNothing(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "Cannot read " + component.getName() + " of "
                            + record.getClass().getName(),
                    e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
