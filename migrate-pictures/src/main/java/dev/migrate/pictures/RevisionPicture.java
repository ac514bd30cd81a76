package dev.migrate.pictures;

import dev.migrate.RevisionDetails;
import dev.migrate.pictures.ElkLayout.Point;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The picture of the revision graph, newest at the top: each revision a box with its id, message
 * and marks (branch labels, head, branch point, merge, non-transactional; with a database, current
 * and when its upgrade ran and how long it took), a line from each parent, a dashed one from each
 * revision it depends on.
 */
public final class RevisionPicture {
    private static final double LINE = 16;
    private static final double PAD = 8;
    private static final int MESSAGE_LENGTH = 48;
    private static final DateTimeFormatter APPLIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    /** A revision's box in the picture. */
    public record Box(String revision, double x, double y, double width, double height, List<String> lines) {}

    /** A line from {@code from} (a parent, or a revision depended on) to {@code to}. */
    public record Edge(String from, String to, boolean dependsOn, List<Point> points) {}

    private final List<RevisionDetails> revisions;
    private final Set<String> current;
    private final Map<String, AppliedRevision> applied;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private double width;
    private double height;

    private RevisionPicture(
            List<RevisionDetails> revisions, Set<String> current, Map<String, AppliedRevision> applied) {
        this.revisions = List.copyOf(revisions);
        this.current = Set.copyOf(current);
        this.applied = Map.copyOf(applied);
    }

    /**
     * The picture of {@code revisions}, laid out; {@code current} and {@code applied} are the
     * database's, empty without one.
     */
    public static RevisionPicture of(
            List<RevisionDetails> revisions, Set<String> current, Map<String, AppliedRevision> applied) {
        RevisionPicture picture = new RevisionPicture(revisions, current, applied);
        picture.layOut();
        return picture;
    }

    public List<Box> boxes() {
        return List.copyOf(boxes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The marks of a revision, as its box and the Mermaid node show them. */
    List<String> marks(RevisionDetails revision) {
        List<String> marks = new ArrayList<>();
        revision.branchLabels().forEach(label -> marks.add("@" + label));
        if (current.contains(revision.id())) {
            marks.add("current");
        }
        if (revision.isHead()) {
            marks.add("head");
        }
        if (revision.isMergePoint()) {
            marks.add("merge");
        }
        if (revision.isBranchPoint()) {
            marks.add("branch point");
        }
        if (!revision.transactional()) {
            marks.add("non-transactional");
        }
        return marks;
    }

    private List<String> lines(RevisionDetails revision) {
        List<String> lines = new ArrayList<>();
        lines.add(revision.id());
        if (!revision.message().isEmpty()) {
            lines.add(shortened(revision.message()));
        }
        List<String> marks = marks(revision);
        if (!marks.isEmpty()) {
            lines.add("(" + String.join(", ", marks) + ")");
        }
        AppliedRevision ran = applied.get(revision.id());
        if (ran != null) {
            lines.add("applied " + APPLIED.format(ran.appliedAt().atZoneSameInstant(ZoneOffset.UTC))
                    + (ran.duration() == null ? "" : " in " + duration(ran.duration())));
        }
        return lines;
    }

    private static String shortened(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= MESSAGE_LENGTH ? line : line.substring(0, MESSAGE_LENGTH - 3) + "...";
    }

    /** {@code 420 ms}, {@code 3.2 s}, {@code 4 min 5 s}. */
    static String duration(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min " + (ms % 60_000) / 1000 + " s";
    }

    private void layOut() {
        ElkNode root = ElkLayout.graph(Direction.UP);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, List<String>> text = new HashMap<>();
        for (RevisionDetails revision : revisions) {
            List<String> lines = lines(revision);
            double textWidth = lines.stream().mapToDouble(Svg::textWidth).max().orElse(0);
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setDimensions(Math.ceil(textWidth + 2 * PAD), lines.size() * LINE + 2 * PAD - 2);
            nodes.put(revision.id(), node);
            text.put(revision.id(), lines);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        List<Edge> pending = new ArrayList<>();
        for (RevisionDetails revision : revisions) {
            for (String parent : revision.revises()) {
                if (nodes.containsKey(parent)) {
                    elkEdges.add(ElkGraphUtil.createSimpleEdge(nodes.get(parent), nodes.get(revision.id())));
                    pending.add(new Edge(parent, revision.id(), false, List.of()));
                }
            }
            for (String dependency : revision.dependsOn()) {
                if (nodes.containsKey(dependency)) {
                    elkEdges.add(ElkGraphUtil.createSimpleEdge(nodes.get(dependency), nodes.get(revision.id())));
                    pending.add(new Edge(dependency, revision.id(), true, List.of()));
                }
            }
        }
        ElkLayout.layout(root, nodes.size());
        width = Math.max(root.getWidth(), 200);
        height = Math.max(root.getHeight(), 60);
        nodes.forEach((id, node) -> boxes.add(new Box(
                id,
                ElkLayout.x(node),
                ElkLayout.y(node),
                node.getWidth(),
                node.getHeight(),
                text.getOrDefault(id, List.of()))));
        for (int i = 0; i < elkEdges.size(); i++) {
            Edge edge = pending.get(i);
            edges.add(new Edge(edge.from(), edge.to(), edge.dependsOn(), ElkLayout.points(elkEdges.get(i))));
        }
    }

    /** The graph as a Mermaid flowchart drawn bottom to top, so the newest revision is at the top. */
    public String mermaid() {
        StringBuilder text = new StringBuilder("flowchart BT\n");
        Map<String, String> ids = new HashMap<>();
        for (RevisionDetails revision : revisions) {
            String id = "r" + ids.size();
            ids.put(revision.id(), id);
            String label = String.join("<br/>", lines(revision)).replace("\"", "#quot;");
            text.append("    ")
                    .append(id)
                    .append(revision.isMergePoint() ? "{{\"" : "[\"")
                    .append(label)
                    .append(revision.isMergePoint() ? "\"}}" : "\"]");
            text.append('\n');
            List<String> classes = new ArrayList<>();
            if (current.contains(revision.id())) {
                classes.add("current");
            } else if (revision.isHead()) {
                classes.add("head");
            }
            if (!revision.transactional()) {
                classes.add("nontransactional");
            }
            if (!classes.isEmpty()) {
                text.append("    class ")
                        .append(id)
                        .append(' ')
                        .append(String.join(",", classes))
                        .append('\n');
            }
        }
        for (RevisionDetails revision : revisions) {
            for (String parent : revision.revises()) {
                if (ids.containsKey(parent)) {
                    text.append("    ")
                            .append(ids.get(parent))
                            .append(" --> ")
                            .append(ids.get(revision.id()))
                            .append('\n');
                }
            }
            for (String dependency : revision.dependsOn()) {
                if (ids.containsKey(dependency)) {
                    text.append("    ")
                            .append(ids.get(dependency))
                            .append(" -.->|depends on| ")
                            .append(ids.get(revision.id()))
                            .append('\n');
                }
            }
        }
        text.append("    classDef head stroke:#2f6f3e,stroke-width:2px\n");
        text.append("    classDef current fill:#fff4d6,stroke:#b7791f,stroke-width:3px\n");
        text.append("    classDef nontransactional stroke-dasharray:5 3\n");
        return text.toString();
    }

    /** The graph as SVG. */
    public String svg() {
        StringBuilder svg = new StringBuilder(Svg.open(width, height, "Revisions"));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#52606d\"/>"
                + "</marker></defs>\n");
        svg.append("<g ").append(Svg.FONT).append(">\n");
        for (Edge edge : edges) {
            svg.append("<path class=\"")
                    .append(edge.dependsOn() ? "depends-on" : "revises")
                    .append("\" data-from=\"")
                    .append(Svg.escape(edge.from()))
                    .append("\" data-to=\"")
                    .append(Svg.escape(edge.to()))
                    .append("\" d=\"")
                    .append(ElkLayout.path(edge.points()))
                    .append("\" fill=\"none\" stroke=\"#52606d\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"")
                    .append(edge.dependsOn() ? " stroke-dasharray=\"6 4\"" : "")
                    .append("/>\n");
        }
        Map<String, RevisionDetails> byId = new HashMap<>();
        revisions.forEach(r -> byId.put(r.id(), r));
        for (Box box : boxes) {
            // every box is a revision's
            RevisionDetails revision = Objects.requireNonNull(byId.get(box.revision()), box::revision);
            boolean isCurrent = current.contains(box.revision());
            String fill = isCurrent ? "#fff4d6" : revision.isHead() ? "#e6f4ea" : "#ffffff";
            String stroke = isCurrent ? "#b7791f" : revision.isHead() ? "#2f6f3e" : "#3e4c59";
            svg.append("<g class=\"revision\" data-revision=\"")
                    .append(Svg.escape(box.revision()))
                    .append("\">\n");
            svg.append(Svg.rect("", box.x(), box.y(), box.width(), box.height()))
                    .append(" rx=\"")
                    .append(revision.isMergePoint() ? "14" : "4")
                    .append("\" fill=\"")
                    .append(fill)
                    .append("\" stroke=\"")
                    .append(stroke)
                    .append("\" stroke-width=\"")
                    .append(isCurrent ? "3" : "1.4")
                    .append('"')
                    .append(revision.transactional() ? "" : " stroke-dasharray=\"5 3\"")
                    .append("/>\n");
            for (int i = 0; i < box.lines().size(); i++) {
                svg.append("<text x=\"")
                        .append(Svg.number(box.x() + PAD))
                        .append("\" y=\"")
                        .append(Svg.number(box.y() + PAD + 11 + i * LINE))
                        .append('"')
                        .append(i == 0 ? " font-weight=\"bold\"" : "")
                        .append(" fill=\"#1f2933\">")
                        .append(Svg.escape(box.lines().get(i)))
                        .append("</text>\n");
            }
            svg.append("</g>\n");
        }
        return svg.append("</g>\n</svg>\n").toString();
    }
}
