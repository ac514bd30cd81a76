package dev.migrate.op;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of a sequence or an identity column that an {@code ALTER} changes; {@code null} leaves an
 * option as it is. There is no RESTART: a change never touches the sequence's current value.
 */
public record SequenceChanges(String dataType, Long start, Long increment, Long minValue, Long maxValue, Long cache,
                              Boolean cycle) {
    public static final SequenceChanges NONE = new SequenceChanges(null, null, null, null, null, null, null);

    public SequenceChanges as(String type) {
        return new SequenceChanges(type, start, increment, minValue, maxValue, cache, cycle);
    }

    public SequenceChanges startWith(long value) {
        return new SequenceChanges(dataType, value, increment, minValue, maxValue, cache, cycle);
    }

    public SequenceChanges incrementBy(long value) {
        return new SequenceChanges(dataType, start, value, minValue, maxValue, cache, cycle);
    }

    public SequenceChanges minValue(long value) {
        return new SequenceChanges(dataType, start, increment, value, maxValue, cache, cycle);
    }

    public SequenceChanges maxValue(long value) {
        return new SequenceChanges(dataType, start, increment, minValue, value, cache, cycle);
    }

    public SequenceChanges cache(long value) {
        return new SequenceChanges(dataType, start, increment, minValue, maxValue, value, cycle);
    }

    public SequenceChanges cycle(boolean value) {
        return new SequenceChanges(dataType, start, increment, minValue, maxValue, cache, value);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The options as PostgreSQL writes them ({@code INCREMENT BY 20}, {@code NO CYCLE}), in its order. */
    public List<String> clauses() {
        List<String> parts = new ArrayList<>();
        if (dataType != null) {
            parts.add("AS " + dataType);
        }
        if (increment != null) {
            parts.add("INCREMENT BY " + increment);
        }
        if (minValue != null) {
            parts.add("MINVALUE " + minValue);
        }
        if (maxValue != null) {
            parts.add("MAXVALUE " + maxValue);
        }
        if (start != null) {
            parts.add("START WITH " + start);
        }
        if (cache != null) {
            parts.add("CACHE " + cache);
        }
        if (cycle != null) {
            parts.add(cycle ? "CYCLE" : "NO CYCLE");
        }
        return parts;
    }
}
