package dev.migrate.maven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curves of a benchmark run drawn as SVG, one picture for each unit of work (entities, revisions, tenants): wall
 * time on the left, peak resident set on the right, both against the size on logarithmic axes, so that a cost that
 * grows in proportion to the work runs parallel to the grey guide and one that grows faster climbs more steeply. The
 * peers' figures (Alembic, Flyway, {@code psql}) are dashed.
 *
 * <p>Run on its own, it draws the {@code curves.md} a run wrote, so that a published picture can be drawn again from
 * the figures it shows:
 *
 * <pre>
 * java -cp migrate-maven-plugin/target/test-classes dev.migrate.maven.bench.CurvesPlot \
 *     migrate-maven-plugin/target/whole-process-bench/curves.md docs/pictures
 * </pre>
 */
final class CurvesPlot {
    /** One figure: a command's medians by size. */
    record Line(String figure, String unit, List<Point> points) {
        Line {
            points = List.copyOf(points);
        }

        boolean peer() {
            String f = figure.toLowerCase(Locale.ROOT);
            return f.startsWith("alembic") || f.startsWith("psql") || f.startsWith("flyway");
        }
    }

    /** One size of a figure: its median wall time and peak resident set (-1 when none was measured). */
    record Point(int size, double millis, double rssMb) {}

    private static final String[] COLORS = {
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
        "#393b79", "#637939", "#843c39", "#7b4173"
    };

    private static final int PANEL_W = 420;
    private static final int PANEL_H = 300;
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int GAP = 90;
    private static final int LEGEND_ROW = 18;

    private CurvesPlot() {}

    /** Draws {@code curves.md} (args[0]) into {@code curves-<unit>.svg} files in the folder args[1]. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CurvesPlot <curves.md of a run> <folder for the pictures>");
            System.exit(2);
        }
        for (Path written : write(read(Files.readAllLines(Path.of(args[0]))), Path.of(args[1]))) {
            System.out.println("wrote " + written);
        }
    }

    /** Writes one picture per unit into {@code folder}, named {@code curves-<unit>.svg}; returns their paths. */
    static List<Path> write(List<Line> lines, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Line>> unit : byUnit(lines).entrySet()) {
            Path file = folder.resolve("curves-" + unit.getKey().replace(' ', '-') + ".svg");
            Files.writeString(file, svg(unit.getKey(), unit.getValue()));
            written.add(file);
        }
        return written;
    }

    /** The figures of a run's curves table ({@link Curves#tables()}), as written to {@code curves.md}. */
    static List<Line> read(List<String> markdown) {
        Pattern row =
                Pattern.compile("^\\| (.+?) \\| ([\\d,]+) (\\w[\\w ]*?) \\| ([\\d,]+) \\| [\\d,]* \\| ([\\d,]*) \\|");
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, List<Point>> points = new LinkedHashMap<>();
        for (String text : markdown) {
            Matcher m = row.matcher(text);
            if (m.find()) {
                units.putIfAbsent(m.group(1), m.group(3));
                points.computeIfAbsent(m.group(1), f -> new ArrayList<>())
                        .add(new Point(
                                number(m.group(2)),
                                number(m.group(4)),
                                m.group(5).isEmpty() ? -1 : number(m.group(5))));
            }
        }
        return points.entrySet().stream()
                .map(p -> new Line(p.getKey(), java.util.Objects.requireNonNull(units.get(p.getKey())), p.getValue()))
                .toList();
    }

    private static int number(String shown) {
        return Integer.parseInt(shown.replace(",", ""));
    }

    private static Map<String, List<Line>> byUnit(List<Line> lines) {
        Map<String, List<Line>> units = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.points().size() > 1) { // a figure at one size is no curve
                units.computeIfAbsent(line.unit(), u -> new ArrayList<>()).add(line);
            }
        }
        return units;
    }

    /** The picture of one unit's figures. */
    static String svg(String unit, List<Line> lines) {
        int width = LEFT + PANEL_W + GAP + PANEL_W + 30;
        int legendTop = TOP + PANEL_H + 50;
        int height = legendTop + LEGEND_ROW * lines.size() + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        panel(svg, LEFT, "Wall time (s)", unit, lines, p -> p.millis() / 1000.0);
        panel(svg, LEFT + PANEL_W + GAP, "Peak resident set (MB)", unit, lines, Point::rssMb);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int y = legendTop + LEGEND_ROW * i;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    LEFT,
                    y - 4,
                    LEFT + 30,
                    y - 4,
                    color(i),
                    dashed(line)));
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 38, y, escaped(line.figure())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** One panel: {@code value} of every line against its size, both axes logarithmic. */
    private static void panel(
            StringBuilder svg, int left, String what, String unit, List<Line> lines, ToDoubleFunction<Point> value) {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (Line line : lines) {
            for (Point p : line.points()) {
                minX = Math.min(minX, p.size());
                maxX = Math.max(maxX, p.size());
                double v = value.applyAsDouble(p);
                if (v > 0) {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (maxY == 0) {
            return; // nothing measured on this axis
        }
        Scale x = new Scale(minX / 1.25, maxX * 1.25, left, left + PANEL_W);
        Scale y = new Scale(below(minY), above(maxY), TOP + PANEL_H, TOP);
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                left,
                TOP,
                PANEL_W,
                PANEL_H));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                left,
                TOP - 12,
                escaped(what + ", by " + unit)));
        for (double tick : ticks(y.from(), y.to())) {
            double py = y.at(tick);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    left,
                    py,
                    left + PANEL_W,
                    py));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 6,
                    py + 4,
                    shown(tick)));
        }
        List<Integer> sizes = lines.stream()
                .flatMap(l -> l.points().stream())
                .map(Point::size)
                .distinct()
                .sorted()
                .toList();
        for (int size : sizes) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x.at(size),
                    TOP + PANEL_H + 16,
                    String.format(Locale.ROOT, "%,d", size)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (logarithmic axes)</text>%n",
                left + PANEL_W / 2,
                TOP + PANEL_H + 34,
                escaped(unit)));
        // the guide: what grows in proportion to the work, through the middle of the panel
        double midX = Math.sqrt(x.from() * x.to());
        double midY = Math.sqrt(y.from() * y.to());
        double fromX = x.from();
        double toX = x.to();
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" stroke-width=\"6\""
                        + " stroke-opacity=\"0.5\"><title>in proportion to the work</title></line>%n",
                x.at(fromX),
                y.at(midY * fromX / midX),
                x.at(toX),
                y.at(midY * toX / midX)));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"#888\" text-anchor=\"end\">grey: in proportion to the work</text>%n",
                left + PANEL_W,
                TOP - 12));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder path = new StringBuilder();
            List<Point> points = line.points().stream()
                    .filter(p -> value.applyAsDouble(p) > 0)
                    .sorted(java.util.Comparator.comparingInt(Point::size))
                    .toList();
            for (Point p : points) {
                double px = x.at(p.size());
                double py = y.at(value.applyAsDouble(p));
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s at %,d: %s</title></circle>%n",
                        px,
                        py,
                        color(i),
                        escaped(line.figure()),
                        p.size(),
                        shown(value.applyAsDouble(p))));
            }
            if (points.size() > 1) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path,
                        color(i),
                        dashed(line)));
            }
        }
    }

    /** A logarithmic axis from {@code from} to {@code to}, drawn from pixel {@code start} to pixel {@code end}. */
    private record Scale(double from, double to, double start, double end) {
        double at(double v) {
            return start + (end - start) * (Math.log(v) - Math.log(from)) / (Math.log(to) - Math.log(from));
        }
    }

    /** The largest of 1, 2 and 5 times a power of ten at or below {@code v}. */
    private static double below(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        return v >= 5 * decade ? 5 * decade : v >= 2 * decade ? 2 * decade : decade;
    }

    /** The smallest of 1, 2 and 5 times a power of ten at or above {@code v}. */
    private static double above(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        return v <= decade ? decade : v <= 2 * decade ? 2 * decade : v <= 5 * decade ? 5 * decade : 10 * decade;
    }

    /** 1, 2 and 5 of each decade between {@code from} and {@code to}. */
    private static List<Double> ticks(double from, double to) {
        List<Double> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(from))); decade <= to * 1.0001; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double t = decade * m;
                if (t >= from * 0.9999 && t <= to * 1.0001) {
                    ticks.add(t);
                }
            }
        }
        return ticks;
    }

    private static String shown(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The stroke attribute of a peer's line, dashed in the panels and the legend alike; none for migrate's. */
    private static String dashed(Line line) {
        return line.peer() ? " stroke-dasharray=\"6 4\"" : "";
    }

    private static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
