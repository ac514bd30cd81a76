package dev.migrate.tooling;

import dev.migrate.BadTargetException;
import dev.migrate.graph.RevisionRange;
import dev.migrate.internal.graph.RevisionGraph;
import java.util.Objects;
import java.util.Set;

/**
 * The target of {@code upgrade}, {@code downgrade}, {@code stamp} or {@code complete}, its form checked once
 * where the user wrote it (a goal's parameter, the command line's argument), before any class is loaded or
 * anything connects; which revisions it names is the graph's question, answered later.
 *
 * <pre>{@code
 * Move.upgrade(RevisionTarget.of("head")).run(null, false, face);
 * }</pre>
 *
 * @param text the target as the user wrote it, which every message quotes: one or more comma-separated
 *     target forms ({@code head}, {@code base}, an id, {@code +N}, {@code billing@head}...), or, when
 *     {@code range}, also {@code <from>:<to>}
 * @param range whether a {@code <from>:<to>} range was accepted, as offline SQL takes one
 */
public record RevisionTarget(String text, boolean range) {

    /**
     * Checks the form again, so that no unchecked target is ever made.
     *
     * @throws BadTargetException naming the target and the forms a target takes
     */
    public RevisionTarget {
        Objects.requireNonNull(text, "text");
        RevisionGraph.checkForm(text, range);
    }

    /**
     * A target of one or more comma-separated target forms.
     *
     * @throws BadTargetException when {@code text} is none, naming it and the forms a target takes
     */
    public static RevisionTarget of(String text) {
        return new RevisionTarget(text, false);
    }

    /**
     * A target as offline SQL takes it: a target, or a range {@code <from>:<to>} whose ends are targets.
     *
     * @throws BadTargetException when {@code text} is neither, naming it and the forms a target takes
     */
    public static RevisionTarget orRange(String text) {
        return new RevisionTarget(text, true);
    }

    /**
     * A range {@code <from>:<to>} as {@code history} and the lint take it, its form checked where the user wrote it:
     * each end empty, one of {@code words} (such as history's {@code current}) or a target form. Which revisions it
     * names is the graph's question, answered later:
     * {@code new ShowGraph(Kind.HISTORY, null, RevisionTarget.range("base:current", Set.of("current")), false)}.
     *
     * @throws BadTargetException naming the end that is no target form, or the range with more than one ':'
     */
    public static RevisionRange range(String text, Set<String> words) {
        return RevisionGraph.checkedRange(text, words);
    }

    /** The target as the user wrote it. */
    @Override
    public String toString() {
        return text;
    }
}
