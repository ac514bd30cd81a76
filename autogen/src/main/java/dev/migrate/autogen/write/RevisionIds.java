package dev.migrate.autogen.write;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * New revision ids: the current UTC time as {@code yyyyMMdd_HHmmss}, so a directory listing shows the
 * migrations in the order they were written.
 */
public final class RevisionIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss");
    private static final int LENGTH = "yyyyMMdd_HHmmss".length();

    private RevisionIds() {}

    /** A new id with no parents: now, one second later while that id is taken. */
    public static String next(Clock clock, Predicate<String> taken) {
        return next(clock, List.of(), taken);
    }

    /**
     * A new id that sorts after every parent and is not taken. The clock can be behind a parent (the
     * parent was written on a machine whose clock runs ahead, or its id was picked by hand), and an id
     * sorting before the head it revises reads as the older migration; then the id is the latest
     * parent's time plus one second. Parents whose ids do not start with a {@code yyyyMMdd_HHmmss} time
     * cannot be ordered against a time and are left out of that rule.
     */
    public static String next(Clock clock, Collection<String> parents, Predicate<String> taken) {
        LocalDateTime time =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        List<String> timedParents =
                parents.stream().filter(parent -> timeOf(parent) != null).toList();
        for (String parent : timedParents) {
            LocalDateTime parentTime = timeOf(parent);
            if (!time.isAfter(parentTime)) {
                time = parentTime.plusSeconds(1);
            }
        }
        String id = FORMAT.format(time);
        // the parent's time plus one second can still sort before it when the parent id has a suffix
        while (taken.test(id) || sortsNotAfter(id, timedParents)) {
            time = time.plusSeconds(1);
            id = FORMAT.format(time);
        }
        return id;
    }

    private static boolean sortsNotAfter(String id, List<String> parents) {
        return parents.stream().anyMatch(parent -> parent.compareTo(id) >= 0);
    }

    /** The time an id starts with, or null when it does not start with one. */
    private static LocalDateTime timeOf(String id) {
        if (id.length() < LENGTH) {
            return null;
        }
        try {
            return LocalDateTime.parse(id.substring(0, LENGTH), FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
