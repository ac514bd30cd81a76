package dev.migrate.graph;

import dev.migrate.BadTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The target of {@code upgrade}, {@code downgrade}, {@code stamp} or {@code complete}, parsed once where the user
 * wrote it (a goal's parameter, the command line's argument, the starter's property, the Java API's string) before
 * any class is loaded or anything connects, and handed down as it is: which revisions it names is the graph's
 * question, answered later from these parsed forms.
 *
 * <pre>{@code
 * migrator.upgrade(RevisionTarget.of("billing@head,auth@head"));
 * }</pre>
 *
 * <p>A target is one or more comma-separated {@link Point}s; offline SQL also takes a range {@code <from>:<to>}
 * ({@link #orRange}), whose ends are targets.
 */
public final class RevisionTarget {
    /** The one head. */
    public static final RevisionTarget HEAD = of("head");

    /** Every head. */
    public static final RevisionTarget HEADS = of("heads");

    private final String text;
    private final List<Point> points;
    private final boolean range;
    private final @Nullable RevisionTarget from;
    private final @Nullable RevisionTarget to;

    /**
     * One target form of a comma-separated target, parsed.
     *
     * @param text the form as the user wrote it, which messages about it quote
     * @param target what it says
     */
    public record Point(String text, Target target) {}

    private RevisionTarget(
            String text,
            List<Point> points,
            boolean range,
            @Nullable RevisionTarget from,
            @Nullable RevisionTarget to) {
        this.text = text;
        this.points = points;
        this.range = range;
        this.from = from;
        this.to = to;
    }

    /**
     * A target of one or more comma-separated target forms.
     *
     * @throws BadTargetException when {@code text} is none, naming it and the forms a target takes
     */
    public static RevisionTarget of(@Nullable String text) {
        if (text == null || text.indexOf(',') < 0) {
            Target target = Target.parse(text); // none at all: the message says what to give
            String given = Objects.requireNonNull(text);
            return new RevisionTarget(given, List.of(new Point(given, target)), false, null, null);
        }
        List<Point> points = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                points.add(new Point(part.trim(), Target.parse(part.trim())));
            }
        }
        if (points.isEmpty()) {
            throw new BadTargetException("The target '" + text + "' names no revision; use one of " + Target.FORMS
                    + ", or several separated by commas.");
        }
        return new RevisionTarget(text, List.copyOf(points), false, null, null);
    }

    /** The one revision {@code id} names: a target made by code from an id it holds, which needs no parsing. */
    public static RevisionTarget revision(String id) {
        return new RevisionTarget(id, List.of(new Point(id, new Target.RevisionRef(id))), false, null, null);
    }

    /**
     * A target as offline SQL takes it: a target, or a range {@code <from>:<to>} whose ends are targets.
     *
     * @throws BadTargetException when {@code text} is neither, naming it and the forms a target takes
     */
    public static RevisionTarget orRange(@Nullable String text) {
        if (text == null || text.indexOf(':') < 0) {
            return of(text);
        }
        RevisionRange r = RevisionRange.parse(text);
        if (r.from() == null && r.to() == null) {
            Target.parse(text); // no target at either end: the message says what to give
        }
        return new RevisionTarget(
                text, List.of(), true, r.from() == null ? null : of(r.from()), r.to() == null ? null : of(r.to()));
    }

    /**
     * A range {@code <from>:<to>} as {@code history} and the lint take it, its form checked where the user wrote it:
     * each end empty, one of {@code words} (such as history's {@code current}) or a target form. Which revisions it
     * names is the graph's question, answered later.
     *
     * @throws BadTargetException naming the end that is no target form, or the range with more than one ':'
     */
    public static RevisionRange range(String text, Set<String> words) {
        RevisionRange r = RevisionRange.parse(text);
        for (String side : new String[] {r.from(), r.to()}) {
            if (side != null && !words.contains(side)) {
                Target.parse(side);
            }
        }
        return r;
    }

    /** The target as the user wrote it, which every message quotes. */
    public String text() {
        return text;
    }

    /** Whether this is a range {@code <from>:<to>}, which only offline SQL takes. */
    public boolean isRange() {
        return range;
    }

    /**
     * The target's comma-separated forms, in the order written.
     *
     * @throws BadTargetException for a range, naming it: a range is offline SQL's, whose ends are targets
     */
    public List<Point> points() {
        if (range) {
            throw new BadTargetException(
                    "The range '" + text + "' is offline SQL's; here give one target, such as head, -1 or an id.");
        }
        return points;
    }

    /** The lower end of a range; empty for a target, or a range that left it out ({@code :head}). */
    public Optional<RevisionTarget> lower() {
        return Optional.ofNullable(from);
    }

    /** The upper end of a range, or the target itself; {@code fallback} for a range that left it out. */
    public RevisionTarget upper(RevisionTarget fallback) {
        if (!range) {
            return this;
        }
        return to == null ? fallback : to;
    }

    /** The target as the user wrote it. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RevisionTarget that && that.text.equals(text) && that.range == range;
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + (range ? 1 : 0);
    }
}
