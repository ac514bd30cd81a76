package dev.migrate.internal.graph;

import dev.migrate.graph.RevisionInfo;
import dev.migrate.graph.RevisionRange;
import dev.migrate.graph.RevisionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The text of {@code history}, {@code heads}, {@code branches}, {@code show} and {@code current},
 * in Alembic's style. Pure: each method returns the lines and prints nothing.
 *
 * <p>A revision's one-line form is {@code <parents> -> <id> [(labels)] [(head)] [(branchpoint)]
 * [(mergepoint)] [(current)] [(expand)], <message>}, with {@code <base>} for no parent and {@code (a, b)} for a
 * merge point's parents. With the database's history, {@code history} follows each line with
 * {@code [applied <when, UTC> by <user> in <duration>]} or {@code [pending]}, as {@code flyway info} shows them.
 */
public final class GraphReport {
    private final RevisionGraph graph;
    /** The online revisions in their expand phase, marked {@code (expand)}. */
    private final Set<String> inProgress;

    public GraphReport(RevisionGraph graph) {
        this(graph, Set.of());
    }

    /** @param inProgress the online revisions in their expand phase, marked {@code (expand)} */
    public GraphReport(RevisionGraph graph, Set<String> inProgress) {
        this.graph = graph;
        this.inProgress = Set.copyOf(inProgress);
    }

    /**
     * The revisions in {@code range}, newest first.
     *
     * @param range {@code <from>:<to>}; either side may be empty (no limit), {@code base},
     *     {@code current} or any target; null or blank shows everything
     * @param verbose a block per revision instead of one line
     * @param currentVersions the version rows, marked {@code (current)}; empty when unknown
     */
    public List<String> history(@Nullable String range, boolean verbose, Set<String> currentVersions) {
        return history(range, verbose, currentVersions, null);
    }

    /**
     * The revisions in {@code range}, newest first, each with when, by whom and how long it was applied.
     *
     * @param applied the latest applied row of each revision in the history table, or null when no
     *     database was read (the graph alone, as offline)
     */
    public List<String> history(
            @Nullable String range,
            boolean verbose,
            Set<String> currentVersions,
            @Nullable Map<String, AppliedRow> applied) {
        return history(range, verbose, currentVersions, applied, List.of());
    }

    /**
     * As {@link #history(String, boolean, Set, Map)}, with the revisions this run leaves out for their contexts that
     * the database has reached ({@code skipped}), each listed just above the revision it follows.
     */
    public List<String> history(
            @Nullable String range,
            boolean verbose,
            Set<String> currentVersions,
            @Nullable Map<String, AppliedRow> applied,
            List<RevisionInfo> skipped) {
        List<RevisionInfo> revisions = inRange(range, currentVersions);
        Annotations notes = new Annotations(applied, currentVersions);
        List<String> lines = new ArrayList<>();
        for (RevisionInfo rev : revisions) {
            for (RevisionInfo left : skipped) {
                if (left.revises().contains(rev.id()) || left.dependsOn().contains(rev.id())) {
                    lines.addAll(skippedLines(left, verbose));
                }
            }
            if (verbose) {
                lines.addAll(block(rev, currentVersions, notes));
            } else {
                lines.add(line(rev, currentVersions) + notes.inLine(rev.id()));
            }
        }
        return lines;
    }

    /**
     * The ids of the revisions in {@code range}, newest first, as {@code history} lists them.
     *
     * @param range as for {@link #history(String, boolean, Set)}
     * @param currentVersions the version rows, which {@code current} in the range names
     */
    public List<String> historyIds(@Nullable String range, Set<String> currentVersions) {
        return inRange(range, currentVersions).stream().map(RevisionInfo::id).toList();
    }

    private List<RevisionInfo> inRange(@Nullable String range, Set<String> currentVersions) {
        graph.checkKnown(currentVersions);
        RevisionRange r = RevisionRange.parse(range);
        Set<String> lower = lowerBound(r.from(), currentVersions);
        Set<String> upper = upperBound(r.to(), currentVersions);
        List<RevisionInfo> all = graph.all();
        List<RevisionInfo> newestFirst = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            RevisionInfo rev = all.get(i);
            if ((lower == null || lower.contains(rev.id())) && (upper == null || upper.contains(rev.id()))) {
                newestFirst.add(rev);
            }
        }
        return newestFirst;
    }

    /**
     * What the history table says of each revision: applied (when, by whom, how long), or pending.
     * Nothing at all without a database.
     */
    private final class Annotations {
        private final @Nullable Map<String, AppliedRow> rows;
        private final Set<String> applied;

        Annotations(@Nullable Map<String, AppliedRow> rows, Set<String> currentVersions) {
            this.rows = rows;
            this.applied = rows == null ? Set.of() : graph.appliedRevisions(currentVersions);
        }

        /** The status to show, or null without a database. */
        @Nullable
        String status(String id) {
            if (rows == null) {
                return null;
            }
            if (!applied.contains(id)) {
                return "pending";
            }
            AppliedRow row = rows.get(id);
            if (row == null) {
                // built by a squash in its place: the history table records the squash
                AppliedRow bySquash =
                        graph.squashReplacing(id).map(s -> rows.get(s.id())).orElse(null);
                if (bySquash != null) {
                    return bySquash.describe() + " (as part of squash "
                            + graph.squashReplacing(id).orElseThrow().id() + ")";
                }
            }
            // below a stamped revision, or recorded by a tool before the history table
            return row == null ? "applied, not recorded in the history table" : row.describe();
        }

        String inLine(String id) {
            String status = status(id);
            return status == null ? "" : " [" + status + "]";
        }

        @Nullable
        String inBlock(String id) {
            String status = status(id);
            return status == null ? null : "Status: " + status;
        }
    }

    /** Revisions at or above the range's lower end; null when unlimited. */
    private @Nullable Set<String> lowerBound(@Nullable String from, Set<String> current) {
        if (from == null || "base".equals(from)) {
            return null;
        }
        Set<String> start = "current".equals(from) ? current : graph.resolve(RevisionTarget.of(from), current);
        return start.isEmpty() ? null : graph.descendantsOrSelf(start);
    }

    /** Revisions at or below the range's upper end; null when unlimited. */
    private @Nullable Set<String> upperBound(@Nullable String to, Set<String> current) {
        if (to == null || "heads".equals(to)) {
            return null;
        }
        Set<String> end = "current".equals(to) ? current : graph.resolve(RevisionTarget.of(to), current);
        return graph.ancestorsOrSelf(end);
    }

    /** Every head, one line each ({@code id (labels) (head)}), or a block each when verbose. */
    public List<String> heads(boolean verbose) {
        List<String> lines = new ArrayList<>();
        for (String id : graph.heads()) {
            RevisionInfo rev = graph.get(id);
            if (verbose) {
                lines.addAll(block(rev, Set.of(), new Annotations(null, Set.of())));
            } else {
                lines.add(id + labels(rev) + " (head)");
            }
        }
        return lines;
    }

    /** Each branch point, newest first, followed by an indented {@code -> child} line per child. */
    public List<String> branches() {
        List<String> lines = new ArrayList<>();
        List<String> points = graph.branchPoints();
        for (int i = points.size() - 1; i >= 0; i--) {
            RevisionInfo point = graph.get(points.get(i));
            lines.add(line(point, Set.of()));
            String indent = " ".repeat(point.id().length());
            for (String child : graph.children(point.id())) {
                lines.add(indent + " -> " + headOnly(graph.get(child), Set.of()) + doc(graph.get(child)));
            }
        }
        return lines;
    }

    /** The block of the one revision {@code revision} names (an id, a prefix, {@code head}, ...). */
    public List<String> show(RevisionTarget revision) {
        return block(graph.resolveOne(revision, Set.of()), Set.of(), new Annotations(null, Set.of()));
    }

    /** Each version row as {@code <id> (head)} when it is a head of the graph, else {@code <id>}. */
    public List<String> current(Set<String> currentVersions) {
        graph.checkKnown(currentVersions);
        List<String> lines = new ArrayList<>();
        for (String id : graph.sortTopologically(currentVersions)) {
            lines.add(id + (graph.isHead(id) ? " (head)" : "") + (inProgress.contains(id) ? " (expand)" : ""));
        }
        return lines;
    }

    /**
     * A block per version row, as {@code history} shows it verbose, with when, by whom and how long
     * it was applied.
     *
     * @param applied the latest applied row of each revision in the history table
     */
    public List<String> currentVerbose(Set<String> currentVersions, Map<String, AppliedRow> applied) {
        graph.checkKnown(currentVersions);
        Annotations notes = new Annotations(applied, currentVersions);
        List<String> lines = new ArrayList<>();
        for (String id : graph.sortTopologically(currentVersions)) {
            lines.addAll(block(graph.get(id), currentVersions, notes));
        }
        return lines;
    }

    /** The one-line form: {@code parents -> id (markers), message}. */
    public String line(RevisionInfo rev, Set<String> currentVersions) {
        return parents(rev) + " -> " + headOnly(rev, currentVersions) + doc(rev);
    }

    private List<String> block(RevisionInfo rev, Set<String> currentVersions, Annotations notes) {
        List<String> lines = new ArrayList<>();
        lines.add("Revision ID: " + rev.id() + markers(rev, currentVersions));
        lines.add("Revises: " + (rev.isBase() ? "<base>" : String.join(", ", rev.revises())));
        if (graph.isBranchPoint(rev.id())) {
            lines.add("Branches into: " + String.join(", ", graph.children(rev.id())));
        }
        if (!rev.branchLabels().isEmpty()) {
            lines.add("Branch labels: " + String.join(", ", sorted(rev.branchLabels())));
        }
        if (!rev.dependsOn().isEmpty()) {
            lines.add("Depends on: " + String.join(", ", rev.dependsOn()));
        }
        if (!rev.transactional()) {
            lines.add("Transactional: no");
        }
        lines.add("Path: " + rev.source());
        String status = notes.inBlock(rev.id());
        if (status != null) {
            lines.add(status);
        }
        lines.add("");
        lines.add("    " + rev.message());
        lines.add("");
        return lines;
    }

    /** A revision left out of the run for its contexts, as {@code history} lists it, with why. */
    private static List<String> skippedLines(RevisionInfo rev, boolean verbose) {
        String contexts = String.join(", ", sorted(rev.contexts()));
        String status = "skipped here: runs only in the context"
                + (rev.contexts().size() == 1 ? " " : "s ") + contexts + ", which this run is not given";
        if (!verbose) {
            return List.of(parents(rev) + " -> " + rev.id() + labels(rev) + doc(rev) + " [" + status + "]");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Revision ID: " + rev.id());
        lines.add("Revises: " + (rev.isBase() ? "<base>" : String.join(", ", rev.revises())));
        lines.add("Contexts: " + contexts);
        lines.add("Path: " + rev.source());
        lines.add("Status: " + status);
        lines.add("");
        lines.add("    " + rev.message());
        lines.add("");
        return lines;
    }

    private String headOnly(RevisionInfo rev, Set<String> currentVersions) {
        return rev.id() + labels(rev) + markers(rev, currentVersions);
    }

    private String markers(RevisionInfo rev, Set<String> currentVersions) {
        StringBuilder text = new StringBuilder();
        if (graph.isHead(rev.id())) {
            text.append(" (head)");
        }
        if (graph.isBranchPoint(rev.id())) {
            text.append(" (branchpoint)");
        }
        if (rev.isMergePoint()) {
            text.append(" (mergepoint)");
        }
        if (currentVersions.contains(rev.id())) {
            text.append(" (current)");
        }
        if (inProgress.contains(rev.id())) {
            text.append(" (expand)");
        }
        return text.toString();
    }

    private static String parents(RevisionInfo rev) {
        if (rev.isBase()) {
            return "<base>";
        }
        return rev.isMergePoint()
                ? "(" + String.join(", ", rev.revises()) + ")"
                : rev.revises().get(0);
    }

    private static String labels(RevisionInfo rev) {
        return rev.branchLabels().isEmpty() ? "" : " (" + String.join(", ", sorted(rev.branchLabels())) + ")";
    }

    private static String doc(RevisionInfo rev) {
        return rev.message().isEmpty() ? "" : ", " + rev.message();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
