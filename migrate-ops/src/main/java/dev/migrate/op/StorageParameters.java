package dev.migrate.op;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The storage parameters of an index ({@code WITH (m = 16, ef_construction = 64)}), checked where they are
 * given: a name is an identifier, folded to lower case as PostgreSQL folds it and as {@code pg_class.reloptions}
 * holds it, and a value is text that is written as a number or word when it is one and as a string literal
 * otherwise, so neither can carry SQL of its own.
 */
final class StorageParameters {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private StorageParameters() {}

    /** The parameters by lower-case name, in the order given (PostgreSQL keeps that order), unmodifiable. */
    static Map<String, String> of(String index, Map<String, String> given) {
        Map<String, String> checked = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String folded = name.toLowerCase(Locale.ROOT);
            if (!NAME.matcher(folded).matches()) {
                throw new IllegalArgumentException("Storage parameter \"" + name + "\" of index " + index
                        + " is not a parameter name: use the name PostgreSQL documents for the index method,"
                        + " such as fillfactor, m, ef_construction, lists, fastupdate, pages_per_range or buffering.");
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Storage parameter " + folded + " of index " + index
                        + " has no value: give one, such as with(\"" + folded + "\", 16).");
            }
            checked.put(folded, value);
        });
        return Collections.unmodifiableMap(checked);
    }
}
