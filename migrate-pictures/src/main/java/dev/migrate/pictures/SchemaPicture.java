package dev.migrate.pictures;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.pictures.ElkLayout.Point;
import dev.migrate.sql.TypeSpelling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The picture of a schema: each table a box with its columns, types and key marks, each foreign key
 * a line from the referenced column to the referencing one, tables grouped by schema. Views and
 * materialized views are dashed boxes beside the tables they read, a dotted line from each table or
 * view they read. Laid out by ELK's layered algorithm, so boxes never overlap and lines end at the
 * columns they join.
 */
public final class SchemaPicture {
    static final double HEADER = 26;
    static final double ROW = 20;
    private static final double PAD = 8;

    /** What a box stands for. */
    public enum Kind {
        TABLE,
        VIEW,
        MATERIALIZED_VIEW;

        /** The stereotype a view's header shows: {@code «view»}; none for a table. */
        String stereotype() {
            return switch (this) {
                case TABLE -> "";
                case VIEW -> "«view» ";
                case MATERIALIZED_VIEW -> "«materialized view» ";
            };
        }
    }

    /** A table's or a view's box in the picture; its rows are the columns, in order. */
    public record Box(
            ObjectName name,
            Kind kind,
            double x,
            double y,
            double width,
            double height,
            boolean faded,
            List<String> columns) {
        /** The vertical middle of the column's row, or of the header when the table has no such column. */
        public double rowMiddle(String column) {
            int row = columns.indexOf(column);
            return row < 0 ? y + HEADER / 2 : y + HEADER + row * ROW + ROW / 2;
        }
    }

    /**
     * A foreign key's line, from the referenced table (its first point on that box's right edge, at
     * the referenced column) to the referencing table (its last point on the left edge, at the
     * referencing column).
     */
    public record Link(
            ObjectName parent,
            String parentColumn,
            ObjectName child,
            String childColumn,
            String name,
            Cardinality cardinality,
            List<Point> points) {}

    /**
     * A view's line from a table or view it reads (its first point on that box's right edge, at the
     * header) to the view (its last point on the view's left edge, at the header).
     */
    public record Read(ObjectName source, ObjectName view, List<Point> points) {}

    /** A schema's frame around its tables, drawn when the picture holds tables of several schemas. */
    public record Group(String schema, double x, double y, double width, double height) {}

    private final DatabaseSchema schema;
    private final Map<ObjectName, Boolean> drawn;
    private final Map<ObjectName, View> views;
    private final Map<ObjectName, Boolean> drawnViews;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final boolean qualified;
    private double width;
    private double height;

    private SchemaPicture(DatabaseSchema schema, Map<ObjectName, Boolean> drawn, Map<ObjectName, Boolean> drawnViews) {
        this.schema = schema;
        this.drawn = drawn;
        this.views = View.all(schema);
        this.drawnViews = drawnViews;
        this.qualified = Stream.concat(drawn.keySet().stream(), drawnViews.keySet().stream())
                        .map(ObjectName::schema)
                        .distinct()
                        .count()
                > 1;
    }

    /** The picture of the tables and views {@code selection} picks from {@code schema}, laid out. */
    public static SchemaPicture of(DatabaseSchema schema, TableSelection selection) {
        SchemaPicture picture = new SchemaPicture(schema, selection.apply(schema), selection.views(schema));
        picture.layOut();
        return picture;
    }

    public List<Box> boxes() {
        return List.copyOf(boxes);
    }

    public List<Link> links() {
        return List.copyOf(links);
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    /** The lines from the tables and views that each drawn view reads. */
    public List<Read> reads() {
        return List.copyOf(reads);
    }

    /** The tables drawn, each with whether it is faded (a neighbour of a chosen table). */
    public Map<ObjectName, Boolean> tables() {
        return drawn;
    }

    /** The views and materialized views drawn, each with whether it is faded (a neighbour). */
    public Map<ObjectName, Boolean> views() {
        return drawnViews;
    }

    /** A view or materialized view drawn: the schema has every one. */
    View view(ObjectName name) {
        return Objects.requireNonNull(views.get(name), name::toString);
    }

    /** A table drawn: the schema has every one. */
    Table table(ObjectName name) {
        return Objects.requireNonNull(schema.tables().get(name), name::toString);
    }

    /** The node laid out for a table or view shown: there is one for each. */
    private static ElkNode node(Map<ObjectName, ElkNode> nodes, ObjectName name) {
        return Objects.requireNonNull(nodes.get(name), name::toString);
    }

    private String title(ObjectName name) {
        return qualified ? name.toString() : name.name();
    }

    /** The header of a box: a view's stereotype, then the name. */
    private String header(Box box) {
        return box.kind().stereotype() + title(box.name());
    }

    private static Kind kind(View view) {
        return view.materialized() ? Kind.MATERIALIZED_VIEW : Kind.VIEW;
    }

    /** The text of a view's column rows: name and type, aligned as a table's. */
    private static List<String> rows(View view) {
        int nameWidth =
                view.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        return view.columns().stream()
                .map(c -> String.format(
                        "%-5s %-" + Math.max(nameWidth, 1) + "s  %s", "", c.name(), TypeSpelling.written(c.type())))
                .toList();
    }

    /** The rows of the box drawn for {@code name}, a table or a view. */
    private List<String> rows(ObjectName name) {
        Table table = schema.tables().get(name);
        return table != null ? rows(table) : rows(view(name));
    }

    /** The text of a column's row: key marks, name and type, in columns. */
    private static List<String> rows(Table table) {
        int nameWidth =
                table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        List<String> rows = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            String marks = String.join(",", keys(table, column.name()));
            rows.add(String.format(
                    "%-5s %-" + Math.max(nameWidth, 1) + "s  %s",
                    marks,
                    column.name(),
                    TypeSpelling.written(column.type())));
        }
        return rows;
    }

    /** {@code PK}, {@code FK}, {@code UK}, as Mermaid marks them, for the column. */
    static List<String> keys(Table table, String column) {
        List<String> keys = new ArrayList<>();
        if (table.primaryKey() != null && table.primaryKey().columns().contains(column)) {
            keys.add("PK");
        }
        if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column))) {
            keys.add("FK");
        }
        boolean unique = table.uniqueConstraints().stream()
                .map(UniqueConstraint::columns)
                .anyMatch(columns -> columns.contains(column));
        unique |= table.indexes().stream()
                .anyMatch(i -> i.unique() && i.where() == null && i.keys().contains(column));
        if (unique) {
            keys.add("UK");
        }
        return keys;
    }

    private void layOut() {
        ElkNode root = ElkLayout.graph(Direction.RIGHT);
        Map<String, ElkNode> schemaNodes = new LinkedHashMap<>();
        Map<ObjectName, Kind> shown = new LinkedHashMap<>();
        drawn.keySet().forEach(name -> shown.put(name, Kind.TABLE));
        drawnViews.keySet().forEach(name -> shown.put(name, kind(view(name))));
        if (qualified) {
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
            for (ObjectName name : shown.keySet()) {
                schemaNodes.computeIfAbsent(name.schema(), s -> {
                    ElkNode group = ElkGraphUtil.createNode(root);
                    group.setProperty(CoreOptions.PADDING, new ElkPadding(34, 16, 16, 16));
                    group.setIdentifier("schema " + s);
                    return group;
                });
            }
        }
        Map<ObjectName, ElkNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<ObjectName, Kind> shape : shown.entrySet()) {
            ObjectName name = shape.getKey();
            ElkNode node = ElkGraphUtil.createNode(qualified ? schemaNodes.get(name.schema()) : root);
            List<String> text = rows(name);
            double textWidth = Svg.textWidth(shape.getValue().stereotype() + title(name));
            for (String row : text) {
                textWidth = Math.max(textWidth, Svg.textWidth(row));
            }
            node.setDimensions(Math.ceil(textWidth + 2 * PAD), HEADER + ROW * text.size() + 4);
            node.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            nodes.put(name, node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        List<Link> pending = new ArrayList<>();
        for (ObjectName name : drawn.keySet()) {
            Table child = table(name);
            for (ForeignKey key : child.foreignKeys()) {
                ObjectName parentName = key.referencedTableName();
                ElkNode parentNode = nodes.get(parentName);
                if (parentNode == null) {
                    continue; // a table left out of the picture
                }
                Table parent = table(parentName);
                String parentColumn = key.referencedColumns().isEmpty()
                        ? ""
                        : key.referencedColumns().get(0);
                String childColumn = key.columns().get(0);
                ElkPort from = port(parentNode, PortSide.EAST, rowOffset(parent, parentColumn));
                ElkPort to = port(node(nodes, name), PortSide.WEST, rowOffset(child, childColumn));
                edges.add(ElkGraphUtil.createSimpleEdge(from, to));
                pending.add(new Link(
                        parentName,
                        parentColumn,
                        name,
                        childColumn,
                        key.name(),
                        Cardinality.of(child, key),
                        List.of()));
            }
        }
        List<ElkEdge> readEdges = new ArrayList<>();
        List<Read> pendingReads = new ArrayList<>();
        for (ObjectName name : drawnViews.keySet()) {
            for (ObjectName source : view(name).reads()) {
                ElkNode sourceNode = nodes.get(source);
                if (sourceNode == null || source.equals(name)) {
                    continue; // a table or view left out of the picture
                }
                ElkPort from = port(sourceNode, PortSide.EAST, HEADER / 2);
                ElkPort to = port(node(nodes, name), PortSide.WEST, HEADER / 2);
                readEdges.add(ElkGraphUtil.createSimpleEdge(from, to));
                pendingReads.add(new Read(source, name, List.of()));
            }
        }
        ElkLayout.layout(root, nodes.size());
        width = root.getWidth();
        height = root.getHeight();
        schemaNodes.forEach((s, node) ->
                groups.add(new Group(s, ElkLayout.x(node), ElkLayout.y(node), node.getWidth(), node.getHeight())));
        shown.forEach((name, kind) -> {
            ElkNode node = node(nodes, name);
            boolean isTable = kind == Kind.TABLE;
            boxes.add(new Box(
                    name,
                    kind,
                    ElkLayout.x(node),
                    ElkLayout.y(node),
                    node.getWidth(),
                    node.getHeight(),
                    isTable ? drawn.getOrDefault(name, false) : drawnViews.getOrDefault(name, false),
                    isTable
                            ? table(name).columns().stream()
                                    .map(TableColumn::name)
                                    .toList()
                            : view(name).columnNames()));
        });
        for (int i = 0; i < edges.size(); i++) {
            Link link = pending.get(i);
            links.add(new Link(
                    link.parent(),
                    link.parentColumn(),
                    link.child(),
                    link.childColumn(),
                    link.name(),
                    link.cardinality(),
                    ElkLayout.points(edges.get(i))));
        }
        for (int i = 0; i < readEdges.size(); i++) {
            Read read = pendingReads.get(i);
            reads.add(new Read(read.source(), read.view(), ElkLayout.points(readEdges.get(i))));
        }
    }

    private static double rowOffset(Table table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return HEADER + i * ROW + ROW / 2;
            }
        }
        return HEADER / 2;
    }

    private static ElkPort port(ElkNode node, PortSide side, double y) {
        ElkPort port = ElkGraphUtil.createPort(node);
        port.setDimensions(0, 0);
        port.setLocation(side == PortSide.EAST ? node.getWidth() : 0, y);
        port.setProperty(CoreOptions.PORT_SIDE, side);
        return port;
    }

    /**
     * The picture as a Mermaid {@code erDiagram}: entities with their columns, a relationship per
     * foreign key; a view is an entity labelled {@code (view)}, with a dotted line from each table or
     * view it reads.
     */
    public String mermaid() {
        MermaidEr er = new MermaidEr(qualified);
        for (Map.Entry<ObjectName, Boolean> drawnTable : drawn.entrySet()) {
            ObjectName name = drawnTable.getKey();
            Table table = table(name);
            er.openEntity(name, drawnTable.getValue() ? " (neighbour)" : "");
            for (TableColumn column : table.columns()) {
                er.attribute(column.type(), column.name(), keys(table, column.name()), "");
            }
            er.closeEntity();
        }
        for (Map.Entry<ObjectName, Boolean> drawnView : drawnViews.entrySet()) {
            ObjectName name = drawnView.getKey();
            View view = view(name);
            er.openEntity(name, " (" + view.kind() + (drawnView.getValue() ? ", neighbour)" : ")"));
            for (View.Column column : view.columns()) {
                er.attribute(column.type(), column.name(), List.of(), "");
            }
            er.closeEntity();
        }
        for (Link link : links) {
            er.relationship(link.parent(), link.child(), link.cardinality(), link.name());
        }
        for (Read read : reads) {
            er.reads(read.source(), read.view(), view(read.view()).kind());
        }
        return er.toString();
    }

    /** The picture as SVG. */
    public String svg() {
        StringBuilder svg = new StringBuilder(Svg.open(width, height, "Schema"));
        svg.append("<g ").append(Svg.FONT).append(">\n");
        for (Group group : groups) {
            svg.append(Svg.rect("class=\"schema\"", group.x(), group.y(), group.width(), group.height()))
                    .append(" rx=\"8\" fill=\"#f4f6f8\" stroke=\"#b8c0c8\" stroke-dasharray=\"4 3\"/>\n");
            svg.append("<text x=\"")
                    .append(Svg.number(group.x() + 12))
                    .append("\" y=\"")
                    .append(Svg.number(group.y() + 20))
                    .append("\" font-weight=\"bold\" fill=\"#52606d\">schema ")
                    .append(Svg.escape(group.schema()))
                    .append("</text>\n");
        }
        for (Link link : links) {
            List<Point> points = link.points();
            Box child = box(link.child());
            Box parent = box(link.parent());
            boolean faded = parent.faded() || child.faded();
            svg.append("<g class=\"fk\" data-fk=\"")
                    .append(Svg.escape(link.name()))
                    .append("\" data-from=\"")
                    .append(Svg.escape(link.parent().toString()))
                    .append("\" data-to=\"")
                    .append(Svg.escape(link.child().toString()))
                    .append('"')
                    .append(faded ? " opacity=\"0.35\"" : "")
                    .append(">\n");
            svg.append("<title>")
                    .append(Svg.escape(link.name() + ": " + link.child() + "." + link.childColumn() + " references "
                            + link.parent() + "." + link.parentColumn()))
                    .append("</title>\n");
            svg.append("<path d=\"")
                    .append(ElkLayout.path(points))
                    .append("\" fill=\"none\" stroke=\"#3e6d9c\" stroke-width=\"1.4\"")
                    .append(link.cardinality().identifying() ? "" : " stroke-dasharray=\"6 3\"")
                    .append("/>\n");
            Point start = points.get(0);
            Point end = points.get(points.size() - 1);
            svg.append("<circle cx=\"")
                    .append(Svg.number(end.x()))
                    .append("\" cy=\"")
                    .append(Svg.number(end.y()))
                    .append("\" r=\"3\" fill=\"#3e6d9c\"/>\n");
            svg.append("<text x=\"")
                    .append(Svg.number(start.x() + 4))
                    .append("\" y=\"")
                    .append(Svg.number(start.y() - 4))
                    .append("\" font-size=\"10\" fill=\"#3e6d9c\">")
                    .append(link.cardinality().parentMark())
                    .append("</text>\n");
            svg.append("<text x=\"")
                    .append(Svg.number(end.x() - 5))
                    .append("\" y=\"")
                    .append(Svg.number(end.y() - 4))
                    .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"#3e6d9c\">")
                    .append(Svg.escape(link.cardinality().childMark()))
                    .append("</text>\n");
            svg.append("</g>\n");
        }
        for (Read read : reads) {
            List<Point> points = read.points();
            boolean faded = box(read.source()).faded() || box(read.view()).faded();
            svg.append("<g class=\"reads\" data-from=\"")
                    .append(Svg.escape(read.source().toString()))
                    .append("\" data-to=\"")
                    .append(Svg.escape(read.view().toString()))
                    .append('"')
                    .append(faded ? " opacity=\"0.35\"" : "")
                    .append(">\n");
            svg.append("<title>")
                    .append(Svg.escape(view(read.view()).kind() + " " + read.view() + " reads " + read.source()))
                    .append("</title>\n");
            svg.append("<path d=\"")
                    .append(ElkLayout.path(points))
                    .append("\" fill=\"none\" stroke=\"#7b8794\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>\n");
            Point end = points.get(points.size() - 1);
            svg.append("<circle cx=\"")
                    .append(Svg.number(end.x()))
                    .append("\" cy=\"")
                    .append(Svg.number(end.y()))
                    .append("\" r=\"3\" fill=\"#7b8794\"/>\n");
            svg.append("</g>\n");
        }
        for (Box box : boxes) {
            List<String> rows = rows(box.name());
            boolean table = box.kind() == Kind.TABLE;
            String colour = switch (box.kind()) {
                case TABLE -> "#3e4c59";
                case VIEW -> "#5f7d95";
                case MATERIALIZED_VIEW -> "#6b6f9e";
            };
            svg.append(table ? "<g class=\"table\" data-table=\"" : "<g class=\"view\" data-view=\"")
                    .append(Svg.escape(box.name().toString()))
                    .append('"')
                    .append(table ? "" : " data-kind=\"" + view(box.name()).kind() + "\"")
                    .append(box.faded() ? " opacity=\"0.35\"" : "")
                    .append(">\n");
            // a view's box is dashed: it holds no rows of its own (a materialized view holds a copy)
            svg.append(Svg.rect("", box.x(), box.y(), box.width(), box.height()))
                    .append(" rx=\"4\" fill=\"#ffffff\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"1.2\"")
                    .append(table ? "" : " stroke-dasharray=\"6 3\"")
                    .append("/>\n");
            svg.append(Svg.rect("", box.x(), box.y(), box.width(), HEADER))
                    .append(" rx=\"4\" fill=\"")
                    .append(colour)
                    .append("\"/>\n");
            svg.append("<text x=\"")
                    .append(Svg.number(box.x() + PAD))
                    .append("\" y=\"")
                    .append(Svg.number(box.y() + 17))
                    .append("\" fill=\"#ffffff\" font-weight=\"bold\">")
                    .append(Svg.escape(header(box)))
                    .append("</text>\n");
            for (int i = 0; i < rows.size(); i++) {
                double top = box.y() + HEADER + i * ROW;
                svg.append("<text x=\"")
                        .append(Svg.number(box.x() + PAD))
                        .append("\" y=\"")
                        .append(Svg.number(top + 14))
                        .append("\" xml:space=\"preserve\" fill=\"#1f2933\">")
                        .append(Svg.escape(rows.get(i)))
                        .append("</text>\n");
            }
            svg.append("</g>\n");
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    private Box box(ObjectName name) {
        return boxes.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /** The tables' names, for the index page: schema, then name. */
    Set<ObjectName> tableNames() {
        return new TreeSet<>(drawn.keySet());
    }
}
