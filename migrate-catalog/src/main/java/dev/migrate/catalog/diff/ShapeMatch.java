package dev.migrate.catalog.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pairs constraints or indexes of the two sides by shape (what they do), not by name: an object
 * left over on both sides under the same name changed (one change naming what differs), what else
 * has no partner is added or removed.
 *
 * @param name an object's name
 * @param shape the aspects that define an object, by label, for matching and for describing a change
 */
record ShapeMatch<T>(Function<T, String> name, Function<T, Map<String, Object>> shape) {

    /** What replaces an object that kept its name but not its shape; {@code what} names each aspect that differs. */
    interface OnChange<T> {
        void apply(T have, T want, String what);
    }

    void match(List<T> have, List<T> want, Consumer<T> onAdd, Consumer<T> onRemove, OnChange<T> onChange) {
        Map<Object, List<T>> unmatched = new HashMap<>();
        for (T h : have) {
            unmatched.computeIfAbsent(shape.apply(h), k -> new ArrayList<>()).add(h);
        }
        List<T> unmatchedWanted = new ArrayList<>();
        for (T w : want) {
            List<T> candidates = unmatched.get(shape.apply(w));
            if (candidates != null && !candidates.isEmpty()) {
                // same shape, possibly another name: prefer the same name when there are several
                T match = candidates.stream()
                        .filter(h -> name.apply(h).equals(name.apply(w)))
                        .findFirst()
                        .orElse(candidates.get(0));
                candidates.remove(match);
            } else {
                unmatchedWanted.add(w);
            }
        }
        List<T> unmatchedHave = new ArrayList<>();
        unmatched.values().forEach(unmatchedHave::addAll);
        for (T w : unmatchedWanted) {
            Optional<T> sameName = unmatchedHave.stream()
                    .filter(h -> name.apply(h).equals(name.apply(w)))
                    .findFirst();
            if (sameName.isPresent()) {
                unmatchedHave.remove(sameName.get());
                onChange.apply(sameName.get(), w, differences(shape.apply(sameName.get()), shape.apply(w)));
            } else {
                onAdd.accept(w);
            }
        }
        unmatchedHave.forEach(onRemove);
    }

    /** {@code ON DELETE NO ACTION -> CASCADE, DEFERRABLE ...}: each aspect that differs, old value then new. */
    private static String differences(Map<String, Object> have, Map<String, Object> want) {
        List<String> parts = new ArrayList<>();
        have.forEach((label, old) -> {
            Object now = want.get(label);
            if (!Objects.equals(old, now)) {
                parts.add((label.isEmpty() ? "" : label + " ") + (old == null ? "none" : old) + " -> "
                        + (now == null ? "none" : now));
            }
        });
        return String.join(", ", parts);
    }

    /** Labels and values in pairs, in the order a description names them; values may be null. */
    static Map<String, @Nullable Object> aspects(@Nullable Object... labelsAndValues) {
        Map<String, Object> aspects = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            aspects.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return aspects;
    }
}
