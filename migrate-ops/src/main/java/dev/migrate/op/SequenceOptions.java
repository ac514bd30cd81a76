package dev.migrate.op;

import org.jspecify.annotations.Nullable;

/**
 * Options of a sequence or an identity column; {@code null} leaves PostgreSQL's default.
 */
public record SequenceOptions(
        @Nullable String dataType,
        @Nullable Long start,
        @Nullable Long increment,
        @Nullable Long minValue,
        @Nullable Long maxValue,
        @Nullable Long cache,
        boolean cycles) {
    public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, null, false);

    public SequenceOptions as(@Nullable String type) {
        return new SequenceOptions(type, start, increment, minValue, maxValue, cache, cycles);
    }

    public SequenceOptions startWith(long value) {
        return new SequenceOptions(dataType, value, increment, minValue, maxValue, cache, cycles);
    }

    public SequenceOptions incrementBy(long value) {
        return new SequenceOptions(dataType, start, value, minValue, maxValue, cache, cycles);
    }

    public SequenceOptions minValue(long value) {
        return new SequenceOptions(dataType, start, increment, value, maxValue, cache, cycles);
    }

    public SequenceOptions maxValue(long value) {
        return new SequenceOptions(dataType, start, increment, minValue, value, cache, cycles);
    }

    public SequenceOptions cache(long value) {
        return new SequenceOptions(dataType, start, increment, minValue, maxValue, value, cycles);
    }

    public SequenceOptions cycle() {
        return new SequenceOptions(dataType, start, increment, minValue, maxValue, cache, true);
    }

    /** These options as the changes that set them: what a CREATE says, an ALTER can say too. */
    public SequenceChanges asChanges() {
        return new SequenceChanges(dataType, start, increment, minValue, maxValue, cache, cycles ? Boolean.TRUE : null);
    }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }
}
