package dev.migrate.imports.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version as Flyway reads it from a file name: underscores are dots, parts compare as numbers ({@code 1.10}
 * after {@code 1.9}, {@code 2} before {@code 10}) and trailing zero parts do not count ({@code 1.0} equals
 * {@code 1}).
 *
 * @param text the version as Flyway stores it in its history table: as written, underscores as dots
 * @param parts the numeric parts without trailing zeros
 */
public record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {
    /** Digits separated by single dots (after underscores became dots), which is what Flyway accepts. */
    private static final Pattern DOT = Pattern.compile("\\.");

    private static final Pattern VALID = Pattern.compile("\\d+(\\.\\d+)*");

    public FlywayVersion {
        parts = List.copyOf(parts);
    }

    /** The version written as {@code raw} in a file or setting ({@code 1_1}, {@code 2.0.1}), or empty when Flyway would not take it. */
    public static Optional<FlywayVersion> parse(String raw) {
        String text = raw.replace('_', '.');
        if (!VALID.matcher(text).matches()) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : DOT.split(text, -1)) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return Optional.of(new FlywayVersion(text, parts));
    }

    @Override
    public int compareTo(FlywayVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int compared = part(i).compareTo(other.part(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** Whether Flyway takes both for one version ({@code 1.0} and {@code 1}). */
    public boolean sameAs(FlywayVersion other) {
        return compareTo(other) == 0;
    }

    private BigInteger part(int i) {
        return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }

    @Override
    public String toString() {
        return text;
    }
}
