package dev.migrate.catalog.diff;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a change does, as parts rather than prose: the log, {@code check}, the written migration and
 * {@code verify} each phrase it from these parts, so they cannot drift apart.
 *
 * @param action what happens to the object
 * @param subject the object, as a reader names it: {@code table public.agents}, {@code index ix_a on agents}
 * @param detail what differs for a change ({@code type integer -> bigint}), the new name for a rename,
 *     what the object holds for an addition ({@code [sad, happy]}); {@code null} when the subject says it all
 */
public record Description(
        Action action, String subject, @Nullable String detail) {
    /** What happens to the object. */
    public enum Action {
        ADDED,
        REMOVED,
        RENAMED,
        CHANGED,
        /** A difference no op can migrate; the change's notes say what to write by hand. */
        NOT_MIGRATED
    }

    public Description {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
    }

    public static Description added(String subject) {
        return new Description(Action.ADDED, subject, null);
    }

    public static Description added(String subject, String holding) {
        return new Description(Action.ADDED, subject, holding);
    }

    public static Description removed(String subject) {
        return new Description(Action.REMOVED, subject, null);
    }

    public static Description renamed(String subject, String newName) {
        return new Description(Action.RENAMED, subject, newName);
    }

    public static Description changed(String subject, @Nullable String differences) {
        return new Description(Action.CHANGED, subject, differences);
    }

    public static Description notMigrated(String subject, String why) {
        return new Description(Action.NOT_MIGRATED, subject, why);
    }

    /** As the log and {@code check} say it: {@code added column public.agents.status}. */
    public String text() {
        return switch (action) {
            case ADDED -> "added " + subject + (detail == null ? "" : " " + detail);
            case REMOVED -> "removed " + subject;
            case RENAMED -> "renamed " + subject + " to " + detail;
            case CHANGED -> detail == null ? "changed " + subject : subject + ": " + detail;
            case NOT_MIGRATED -> "not handled: " + subject + " " + detail;
        };
    }

    /**
     * As {@code verify} says it when this change would turn the expected schema into the database's:
     * what the change adds the database has in excess, what it removes the database lacks.
     */
    public String asDatabaseState() {
        return switch (action) {
            case ADDED -> "extra " + subject + (detail == null ? "" : " " + detail);
            case REMOVED -> "missing " + subject;
            case RENAMED, CHANGED, NOT_MIGRATED -> text();
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
