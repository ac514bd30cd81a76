package dev.migrate.autogen.write;

import dev.migrate.MigrateException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * New revision ids: the current UTC time as {@code yyyyMMdd_HHmmss}, so a directory listing shows the
 * migrations in the order they were written, and a new id always sorts after every parent.
 */
public final class RevisionIds {
    /** The version table's {@code version_num} holds no more. */
    private static final int MAX_LENGTH = 64;

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss");
    private static final int TIME_LENGTH = "yyyyMMdd_HHmmss".length();

    private RevisionIds() {}

    /** A new id with no parents: now, one second later while that id is taken. */
    public static String next(Clock clock, Predicate<String> taken) {
        return next(clock, List.of(), taken);
    }

    /**
     * A new id that sorts after every parent and is not taken: {@code 20261122_101500}.
     *
     * <p>The time is now, or the latest time a parent's id starts or ends with plus one second when
     * the clock is behind it (the parent was written on a machine whose clock runs ahead, or its id
     * was picked by hand): an id sorting before the head it revises would read as the older migration.
     * When even that time sorts before the greatest parent, whose id then starts with no time
     * ({@code initial}), the new id is that parent's id without its trailing time, then the time:
     * {@code initial_20261122_101500}, whose child is {@code initial_20261123_080000}.
     *
     * @throws MigrateException when that id would be longer than the 64 characters an id may have
     */
    public static String next(Clock clock, Collection<String> parents, Predicate<String> taken) {
        LocalDateTime time =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        for (String parent : parents) {
            LocalDateTime parentTime = latestTimeIn(parent);
            if (parentTime != null && !time.isAfter(parentTime)) {
                time = parentTime.plusSeconds(1);
            }
        }
        String last = parents.stream().max(Comparator.naturalOrder()).orElse("");
        // after the time rule, a time sorts after a parent that starts with one; and a parent's stem
        // followed by a later time than the parent's trailing one sorts after the parent
        String prefix = FORMAT.format(time).compareTo(last) > 0 ? "" : withoutTrailingTime(last) + "_";
        String id = prefix + FORMAT.format(time);
        while (taken.test(id) || id.compareTo(last) <= 0) {
            time = time.plusSeconds(1);
            id = prefix + FORMAT.format(time);
        }
        if (id.length() > MAX_LENGTH) {
            throw new MigrateException("The new revision id " + id + " would be longer than " + MAX_LENGTH
                    + " characters: it must sort after the parent " + last + ", which does not start with a"
                    + " yyyyMMdd_HHmmss time. Give that parent a shorter id, or one that starts with its time.");
        }
        return id;
    }

    /** The later of the times the id starts and ends with, or null when it has neither. */
    private static @Nullable LocalDateTime latestTimeIn(String id) {
        return Stream.of(leadingTime(id), trailingTime(id))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** {@code initial} for {@code initial_20261122_101500}; the id itself when it ends with no time. */
    private static String withoutTrailingTime(String id) {
        return trailingTime(id) == null ? id : id.substring(0, id.length() - TIME_LENGTH - 1);
    }

    private static @Nullable LocalDateTime leadingTime(String id) {
        return id.length() < TIME_LENGTH ? null : parse(id.substring(0, TIME_LENGTH));
    }

    /** The time after the id's last-but-one underscore ({@code initial_20261122_101500}), or null. */
    private static @Nullable LocalDateTime trailingTime(String id) {
        int start = id.length() - TIME_LENGTH;
        return start < 1 || id.charAt(start - 1) != '_' ? null : parse(id.substring(start));
    }

    private static @Nullable LocalDateTime parse(String text) {
        if (!text.chars().allMatch(c -> c == '_' || (c >= '0' && c <= '9'))) {
            return null; // the formatter would also read a sign
        }
        try {
            return LocalDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
