package dev.migrate.pictures;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Eclipse ELK's layered algorithm, as both pictures use it: a graph made, laid out, and its shapes
 * and edges read back in the picture's own coordinates (ELK keeps each relative to its parent).
 */
final class ElkLayout {
    private static final int LARGE = 40;

    private ElkLayout() {}

    /** A point of the picture. */
    record Point(double x, double y) {}

    /** An empty graph laid out towards {@code direction}, its edges routed at right angles. */
    static ElkNode graph(Direction direction) {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            // found through ServiceLoader where the class loader allows; a plugin's may not
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, direction);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 36.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 64.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);
        return root;
    }

    /**
     * Lays out {@code root} holding {@code nodes} boxes. Past a few dozen, crossing minimisation
     * trades its last few crossings for time: its greedy pass grows with the square of a layer.
     */
    static void layout(ElkNode root, int nodes) {
        if (nodes > LARGE) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 2);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    }

    /** The node's left edge in the picture. */
    static double x(ElkNode node) {
        double x = 0;
        for (ElkNode n = node; n != null; n = n.getParent()) {
            x += n.getX();
        }
        return x;
    }

    /** The node's top edge in the picture. */
    static double y(ElkNode node) {
        double y = 0;
        for (ElkNode n = node; n != null; n = n.getParent()) {
            y += n.getY();
        }
        return y;
    }

    /** The points an edge passes through, first to last, in the picture. */
    static List<Point> points(ElkEdge edge) {
        ElkNode container = edge.getContainingNode();
        double dx = container == null ? 0 : x(container);
        double dy = container == null ? 0 : y(container);
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(section.getStartX() + dx, section.getStartY() + dy));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX() + dx, bend.getY() + dy));
            }
            points.add(new Point(section.getEndX() + dx, section.getEndY() + dy));
        }
        return points;
    }

    /** An SVG path through {@code points}. */
    static String path(List<Point> points) {
        StringBuilder d = new StringBuilder();
        for (Point p : points) {
            d.append(d.length() == 0 ? "M" : " L")
                    .append(Svg.number(p.x()))
                    .append(' ')
                    .append(Svg.number(p.y()));
        }
        return d.toString();
    }
}
