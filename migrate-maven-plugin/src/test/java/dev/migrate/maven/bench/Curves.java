package dev.migrate.maven.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-process figures of one benchmark run by size of the work: each figure (a command at a size of
 * entities, revisions or tenants) as a table of time, peak resident memory, heap after collection and processor
 * time, the step from each size to the next against the ratio of the sizes, and a chart of the cost per unit
 * of work, which stays flat where the cost grows in proportion to the work.
 */
final class Curves {
    /** A step between two sizes is said to grow faster than the work above this multiple of their ratio. */
    static final double PROPORTION = 1.1;

    private static final int BAR = 40;

    /** The figures by name, each with its points in the order they were taken. */
    private final Map<String, Curve<Point>> curves = new LinkedHashMap<>();

    /**
     * Heap figures by size, in MB, each named for what it is: the smallest heap a command completes in, or what a
     * resident process holds live after a full collection.
     */
    private final Map<String, Curve<HeapPoint>> heaps = new LinkedHashMap<>();

    /** A figure's points, in the order they were taken, and the unit its sizes count. */
    private record Curve<P>(String unit, List<P> points) {}

    private record Point(int size, Timing timing) {}

    private record HeapPoint(int size, int mb) {}

    /** Adds the figure {@code figure} at {@code size} units of work ({@code unit}: entities, revisions, tenants). */
    void add(String figure, String unit, int size, Timing timing) {
        curves.computeIfAbsent(figure, f -> new Curve<>(unit, new ArrayList<>()))
                .points()
                .add(new Point(size, timing));
    }

    /**
     * Adds the heap figure {@code figure} at {@code size} units of work, {@code mb}: the smallest {@code -Xmx} a
     * command completes in, or the heap a resident process holds live.
     */
    void addHeap(String figure, String unit, int size, int mb) {
        heaps.computeIfAbsent(figure, f -> new Curve<>(unit, new ArrayList<>()))
                .points()
                .add(new HeapPoint(size, mb));
    }

    /**
     * The heap figures as a Markdown table, with the growth from each size to the next beside the growth of the
     * work; empty when none was taken.
     */
    List<String> heapTable() {
        if (heaps.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| figure | size | heap, MB | size x | heap x |");
        lines.add("|---|---:|---:|---:|---:|");
        heaps.forEach((figure, curve) -> {
            HeapPoint before = null;
            for (HeapPoint p : curve.points().stream()
                    .sorted(java.util.Comparator.comparingInt(HeapPoint::size))
                    .toList()) {
                String steps = "| |";
                if (before != null) {
                    double work = (double) p.size() / before.size();
                    steps = String.format(Locale.ROOT, "%.2f | %s |", work, growth(p.mb(), before.mb(), work));
                }
                lines.add(String.format(
                        Locale.ROOT, "| %s | %,d %s | %,d | %s", figure, p.size(), curve.unit(), p.mb(), steps));
                before = p;
            }
        });
        return lines;
    }

    boolean isEmpty() {
        return curves.isEmpty();
    }

    /** The figures as {@link CurvesPlot} draws them: each size's median time and peak resident set. */
    List<CurvesPlot.Line> plotLines() {
        List<CurvesPlot.Line> lines = new ArrayList<>();
        curves.forEach((figure, curve) -> lines.add(new CurvesPlot.Line(
                figure,
                curve.unit(),
                curve.points().stream()
                        .map(p -> new CurvesPlot.Point(
                                p.size(), p.timing().median(), p.timing().peakRssMb()))
                        .toList())));
        return lines;
    }

    /**
     * The curves as Markdown tables: per size the medians, then from the size before the growth of time and of
     * peak memory beside the growth of the work, flagged where it is above {@link #PROPORTION} times it.
     */
    List<String> tables() {
        List<String> lines = new ArrayList<>();
        lines.add("| figure | size | time, ms | ms per 1,000 | peak RSS, MB | heap after GC, MB | CPU, s |"
                + " size x | time x | CPU x | RSS x | heap x |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        curves.forEach((figure, curve) -> {
            List<Point> points = curve.points().stream()
                    .sorted(java.util.Comparator.comparingInt(Point::size))
                    .toList();
            Point before = null;
            for (Point p : points) {
                Timing t = p.timing();
                String steps = "| | | | |";
                if (before != null) {
                    double work = (double) p.size() / before.size();
                    steps = String.format(
                            Locale.ROOT,
                            "%.2f | %s | %s | %s | %s |",
                            work,
                            growth((double) t.median(), (double) before.timing().median(), work),
                            growth(t.cpuSeconds(), before.timing().cpuSeconds(), work),
                            growth(t.peakRssMb(), before.timing().peakRssMb(), work),
                            growth(t.heapAfterGcMb(), before.timing().heapAfterGcMb(), work));
                }
                lines.add(String.format(
                        Locale.ROOT,
                        "| %s | %,d %s | %,d | %,.0f | %s | %s | %s | %s",
                        figure,
                        p.size(),
                        curve.unit(),
                        t.median(),
                        t.median() * 1000.0 / p.size(),
                        shown(t.peakRssMb()),
                        shown(t.heapAfterGcMb()),
                        t.cpuSeconds() < 0 ? "" : String.format(Locale.ROOT, "%.1f", t.cpuSeconds()),
                        steps));
                before = p;
            }
        });
        return lines;
    }

    /**
     * A chart of each figure: per size a bar of its time per 1,000 units of work and one of its peak memory per
     * 1,000 units, each scaled to the largest of the figure; bars that shrink or stay level as the size grows
     * are a cost that grows no faster than the work.
     */
    List<String> chart() {
        List<String> lines = new ArrayList<>();
        curves.forEach((figure, curve) -> {
            lines.add(figure + " (per 1,000 " + curve.unit() + ": # time, = peak RSS)");
            double mostTime = curve.points().stream()
                    .mapToDouble(p -> perThousand((double) p.timing().median(), p.size()))
                    .max()
                    .orElse(1);
            double mostRss = curve.points().stream()
                    .mapToDouble(p -> perThousand(p.timing().peakRssMb(), p.size()))
                    .max()
                    .orElse(1);
            curve.points().stream()
                    .sorted(java.util.Comparator.comparingInt(Point::size))
                    .forEach(p -> {
                        double time = perThousand((double) p.timing().median(), p.size());
                        double rss = perThousand(p.timing().peakRssMb(), p.size());
                        lines.add(String.format(
                                Locale.ROOT,
                                "  %,7d |%-" + BAR + "s %,9.0f ms",
                                p.size(),
                                "#".repeat(bar(time, mostTime)),
                                time));
                        if (p.timing().peakRssMb() >= 0) {
                            lines.add(String.format(
                                    Locale.ROOT,
                                    "          |%-" + BAR + "s %,9.1f MB",
                                    "=".repeat(bar(rss, mostRss)),
                                    rss));
                        }
                    });
        });
        return lines;
    }

    private static double perThousand(double value, int size) {
        return value * 1000.0 / size;
    }

    private static int bar(double value, double most) {
        return most <= 0 || value <= 0 ? 0 : Math.max(1, (int) Math.round(BAR * value / most));
    }

    /** {@code now / before}, with a mark when it is above {@link #PROPORTION} times {@code work}. */
    private static String growth(double now, double before, double work) {
        if (now < 0 || before <= 0) {
            return "";
        }
        double ratio = now / before;
        return String.format(Locale.ROOT, ratio > PROPORTION * work ? "**%.2f (over)**" : "%.2f", ratio);
    }

    private static String shown(double value) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
