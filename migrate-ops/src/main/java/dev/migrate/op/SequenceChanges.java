package dev.migrate.op;

import org.jspecify.annotations.Nullable;

/**
 * Options of a sequence or an identity column that an {@code ALTER} changes; {@code null} leaves an
 * option as it is. There is no RESTART: a change never touches the sequence's current value.
 */
public record SequenceChanges(
        @Nullable String dataType,
        @Nullable Long start,
        @Nullable Long increment,
        @Nullable Long minValue,
        @Nullable Long maxValue,
        @Nullable Long cache,
        @Nullable Boolean cycle) {
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
}
