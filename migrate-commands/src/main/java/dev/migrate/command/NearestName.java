package dev.migrate.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The valid name nearest to a mistyped one, for the "did you mean" of an unknown property, option,
 * command or server id, on every face of migrate alike.
 */
public final class NearestName {
    private NearestName() {}

    /** The name in {@code known} nearest to {@code name} by edit distance (case ignored), if within {@code limit}. */
    public static Optional<String> closest(String name, Collection<String> known, int limit) {
        String lower = name.toLowerCase(Locale.ROOT);
        return known.stream()
                .map(k -> Map.entry(k, distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
