package dev.migrate.tooling;

import dev.migrate.BadTargetException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One revision named by the user, as {@code rebase} takes it: a full id, a unique prefix of one, or a branch label;
 * its form checked once where the user wrote it, before any class is loaded. Which revision it names is the graph's
 * question, answered later. Unlike a {@link RevisionTarget} it is no position: not {@code head}, {@code base}, a
 * relative step, a point on a branch or a list.
 *
 * <pre>{@code
 * new Rebase(RevisionName.of("20260105"), RevisionName.optional(onto)).run(face);
 * }</pre>
 *
 * @param text the name as the user wrote it, without the blanks around it
 */
public record RevisionName(String text) {
    private static final Pattern POSITION = Pattern.compile("(head|heads|base)|(head|base)?[+-]\\d+");

    /**
     * Checks the form again, so that no unchecked name is ever made.
     *
     * @throws BadTargetException naming the text and what names a revision
     */
    public RevisionName {
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty()) {
            throw new BadTargetException(
                    "No revision was given; name one by its id, a unique prefix of the id, or a branch label.");
        }
        if (POSITION.matcher(text).matches()) {
            throw new BadTargetException("The revision '" + text + "' is a position, not a revision; name one by its "
                    + "id, a unique prefix of the id, or a branch label (the heads goal lists the heads).");
        }
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '@' || c == ':' || c == ',')) {
            throw new BadTargetException("The revision '" + text + "' is not understood; name one revision by its id,"
                    + " a unique prefix of the id, or a branch label.");
        }
    }

    /**
     * A revision name.
     *
     * @throws BadTargetException when {@code text} names no single revision by its form, naming it and what does
     */
    public static RevisionName of(String text) {
        return new RevisionName(text);
    }

    /**
     * A revision name, or null when {@code text} is null or blank: a setting left unset.
     *
     * @throws BadTargetException when {@code text} is given and names no single revision by its form
     */
    public static @Nullable RevisionName optional(@Nullable String text) {
        return text == null || text.isBlank() ? null : new RevisionName(text);
    }

    /** The name as the user wrote it. */
    @Override
    public String toString() {
        return text;
    }
}
