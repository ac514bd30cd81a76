package dev.migrate.catalog.diff;

import dev.migrate.op.SequenceChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The options of a sequence (or of an identity column's sequence) that differ, as the two sides of
 * an {@code ALTER}, and their description ({@code increment 50 -> 20}).
 */
final class SequenceDelta {
    private final boolean inUse;
    private SequenceChanges to = SequenceChanges.NONE;
    private SequenceChanges from = SequenceChanges.NONE;
    private final List<String> described = new ArrayList<>();
    private @Nullable String ignoredStart;

    /** @param inUse whether the live sequence has handed out values: then START is not altered */
    SequenceDelta(boolean inUse) {
        this.inUse = inUse;
    }

    SequenceDelta compare(String option, Object have, Object want) {
        if (Objects.equals(have, want)) {
            return this;
        }
        if (option.equals("start") && inUse) {
            ignoredStart = "START " + have + " -> " + want + " is not altered: the sequence is in use, and START only "
                    + "says where a RESTART would go back to; its current value is kept.";
            return this;
        }
        described.add(option + " " + have + " -> " + want);
        to = with(to, option, want);
        from = with(from, option, have);
        return this;
    }

    private static SequenceChanges with(SequenceChanges changes, String option, Object value) {
        return switch (option) {
            case "type" -> changes.as((String) value);
            case "increment" -> changes.incrementBy((Long) value);
            case "minvalue" -> changes.minValue((Long) value);
            case "maxvalue" -> changes.maxValue((Long) value);
            case "start" -> changes.startWith((Long) value);
            case "cache" -> changes.cache((Long) value);
            case "cycle" -> changes.cycle((Boolean) value);
            default -> throw new IllegalArgumentException(option);
        };
    }

    boolean isEmpty() {
        return described.isEmpty();
    }

    SequenceChanges to() {
        return to;
    }

    SequenceChanges from() {
        return from;
    }

    String description() {
        return String.join(", ", described);
    }

    Optional<String> ignoredStart() {
        return Optional.ofNullable(ignoredStart);
    }
}
