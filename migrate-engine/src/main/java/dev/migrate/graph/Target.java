package dev.migrate.graph;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed target of {@code upgrade}, {@code downgrade}, {@code stamp} and {@code show}, before the
 * graph gives it meaning. {@link RevisionGraph} resolves it.
 *
 * <p>Forms: {@code head}, {@code heads}, {@code base}, a full id or unique id prefix, {@code +N},
 * {@code -N}, {@code <id>+N}, {@code <id>-N}, {@code <label>@head}, {@code <label>@base},
 * {@code <label>@+N}, {@code <label>@-N}.
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

    /** {@code steps} revisions above (positive) or below (negative) the database's current single head. */
    record Relative(int steps) implements Target {}

    /** {@code steps} revisions above (positive) or below (negative) a named revision. */
    record RelativeTo(String idOrPrefix, int steps) implements Target {}

    /** The head of the branch that carries {@code label}. */
    record LabelHead(String label) implements Target {}

    /** Just below the revision that carries {@code label}: the branch not applied. */
    record LabelBase(String label) implements Target {}

    /**
     * {@code steps} revisions above (positive) or below (negative) the current revision on the
     * branch that carries {@code label}; counting up on a branch not yet applied starts with the
     * labelled revision.
     */
    record LabelRelative(String label, int steps) implements Target {}

    /** The help text every target error ends with. */
    String FORMS = "head, heads, base, a revision id or unique prefix, +N, -N, <id>+N, <id>-N, "
            + "<label>@head, <label>@base or <label>@+N / <label>@-N";

    /** Parses target text; throws a {@link MigrateException} naming the accepted forms when it cannot. */
    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadTargetException("No target revision was given; use one of " + FORMS + ".");
        }
        String t = text.trim();
        switch (t) {
            case "head":
                return new Head();
            case "heads":
                return new Heads();
            case "base":
                return new Base();
            default:
                break;
        }
        Matcher m = Patterns.RELATIVE.matcher(t);
        if (m.matches()) {
            return new Relative(steps(m.group(1), m.group(2), text));
        }
        m = Patterns.LABELLED.matcher(t);
        if (m.matches()) {
            String label = m.group(1);
            return switch (m.group(2)) {
                case "head" -> new LabelHead(label);
                case "base" -> new LabelBase(label);
                default -> {
                    Matcher rel = Patterns.RELATIVE.matcher(m.group(2));
                    if (rel.matches()) {
                        yield new LabelRelative(label, steps(rel.group(1), rel.group(2), text));
                    }
                    throw new BadTargetException("The target '" + text + "' is not understood: after '"
                            + label + "@' write head, base, +N or -N ("
                            + label + "@head, " + label + "@base, " + label + "@+1, " + label + "@-1).");
                }
            };
        }
        m = Patterns.RELATIVE_TO.matcher(t);
        if (m.matches()) {
            return new RelativeTo(m.group(1), steps(m.group(2), m.group(3), text));
        }
        if (Patterns.isId(t)) {
            return new RevisionRef(t);
        }
        throw new BadTargetException("The target '" + text + "' is not understood; use one of " + FORMS + ".");
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

/** Regular expressions of the target syntax, compiled once. */
final class Patterns {
    static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
    static final Pattern RELATIVE_TO = Pattern.compile("([A-Za-z0-9_]+)([+-])(\\d+)");
    static final Pattern LABELLED = Pattern.compile("([^@\\s:]+)@(\\S+)");

    private Patterns() {}

    /**
     * Whether {@code text} is a revision id: ASCII letters, digits and underscores. A loop, not a
     * pattern: it runs for every revision of the chain in a JVM that has just started.
     */
    static boolean isId(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
