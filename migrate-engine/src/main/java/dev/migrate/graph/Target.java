package dev.migrate.graph;

import dev.migrate.BadTargetException;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * A parsed target of {@code upgrade}, {@code downgrade}, {@code stamp} and {@code show}, before the
 * graph gives it meaning; {@link RevisionTarget} holds the forms a user wrote.
 *
 * <p>Forms, as Alembic spells them: {@code head}, {@code heads}, {@code base}, a full id or unique
 * id prefix, {@code +N}, {@code -N}, {@code <id>+N}, {@code <id>-N}, {@code head-N},
 * {@code base+N}, and any of {@code head}, {@code base}, an id, {@code +N}, {@code -N},
 * {@code head-N}, {@code base+N}, {@code <id>±N} after {@code <branch>@}, where the branch is named
 * by a label or by any revision on it.
 */
public sealed interface Target {

    /** The single head of the graph; an error when there are several. */
    record Head() implements Target {}

    /** Every head of the graph. */
    record Heads() implements Target {}

    /** Nothing applied. */
    record Base() implements Target {}

    /** A revision by full id or unique prefix. */
    record RevisionRef(String idOrPrefix) implements Target {}

    /** {@code steps} revisions above (positive) or below (negative) the database's current revision. */
    record Relative(int steps) implements Target {}

    /**
     * {@code steps} revisions above (positive) or below (negative) a fixed point: {@code from} is a
     * revision id or prefix, {@code head} or {@code base}.
     */
    record RelativeTo(String from, int steps) implements Target {
        /** Whether the walk starts below the first revision ({@code base+N}). */
        public boolean fromBase() {
            return "base".equals(from);
        }

        /** Whether the walk starts at the head ({@code head-N}). */
        public boolean fromHead() {
            return "head".equals(from);
        }
    }

    /**
     * A point on one branch: {@code branch} is a branch label or a revision id (the branch that
     * revision is on), and {@code point} one of {@link Head}, {@link Heads}, {@link Base}, {@link RevisionRef},
     * {@link Relative} (from the branch's current revision) or {@link RelativeTo}. A downgrade to it
     * reverts that branch only.
     */
    record OnBranch(String branch, Target point) implements Target {}

    /** The help text every target error ends with. */
    String FORMS = "head, heads, base, a revision id or unique prefix, +N, -N, <id>+N, <id>-N, head-N, base+N, "
            + "<label>@head, <label>@heads, <label>@base, <label>@<id>, <label>@+N, <label>@-N, <label>@head-N or <label>@base+N "
            + "(in place of a label, any revision id names the branch it is on)";

    /**
     * Parses one target form, as {@link RevisionTarget#of} does for each of a target's comma-separated forms.
     *
     * @throws BadTargetException naming the accepted forms when {@code text} is none of them
     */
    static Target parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new BadTargetException("No target revision was given; use one of " + FORMS + ".");
        }
        String t = text.trim();
        int at = t.indexOf('@');
        if (at >= 0) {
            String branch = t.substring(0, at);
            String rest = t.substring(at + 1);
            if (branch.isEmpty() || rest.isEmpty()) {
                throw notUnderstood(text);
            }
            Target point = point(rest, text);
            if (point == null) {
                throw new BadTargetException("The target '" + text + "' is not understood: after '" + branch
                        + "@' write head, base, a revision id, +N, -N, head-N or base+N (" + branch + "@head, "
                        + branch + "@base, " + branch + "@+1, " + branch + "@-1, " + branch + "@head-1).");
            }
            return new OnBranch(branch, point);
        }
        Target point = point(t, text);
        if (point == null) {
            throw notUnderstood(text);
        }
        return point;
    }

    /** One target without a branch, or null when the text is no such target. */
    private static @Nullable Target point(String t, String text) {
        switch (t) {
            case "head" -> {
                return new Head();
            }
            case "heads" -> {
                return new Heads();
            }
            case "base" -> {
                return new Base();
            }
            default -> {
                // a relative target or a revision id
            }
        }
        Matcher m = Patterns.RELATIVE.matcher(t);
        if (m.matches()) {
            return new Relative(steps(m.group(1), m.group(2), text));
        }
        m = Patterns.RELATIVE_TO.matcher(t);
        if (m.matches()) {
            return new RelativeTo(m.group(1), steps(m.group(2), m.group(3), text));
        }
        return Patterns.isId(t) ? new RevisionRef(t) : null;
    }

    /**
     * Whether {@code text} is a revision id: ASCII letters, digits and underscores, as a revision's id must be.
     */
    static boolean isRevisionId(String text) {
        return Patterns.isId(text);
    }

    private static BadTargetException notUnderstood(String text) {
        return new BadTargetException("The target '" + text + "' is not understood; use one of " + FORMS + ".");
    }

    private static int steps(String sign, String digits, String text) {
        try {
            int n = Integer.parseInt(digits);
            return "-".equals(sign) ? -n : n;
        } catch (NumberFormatException e) {
            throw new BadTargetException(
                    "The relative target '" + text + "' counts too many steps; use a revision id instead.");
        }
    }
}
