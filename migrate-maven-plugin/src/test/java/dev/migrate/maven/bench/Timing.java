package dev.migrate.maven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs of one command: the wall-clock time of each and, where the command was one process measured by
 * {@code /usr/bin/time} (and, for a JVM, its collector's log), what that process took.
 *
 * @param millis each run's wall-clock time
 * @param processes each measured run's process, in the same order; empty where none was measured
 */
record Timing(List<Long> millis, List<Figures> processes) {
    Timing {
        millis = List.copyOf(millis);
        processes = List.copyOf(processes);
    }

    Timing(List<Long> millis) {
        this(millis, List.of());
    }

    /**
     * What one whole process took.
     *
     * @param peakRssKb its largest resident set, as the kernel counted it ({@code /usr/bin/time %M})
     * @param cpuSeconds its processor time, user and system
     * @param heapAfterGcKb the Java heap in use after its fullest collection; -1 for none (no JVM, or no collection)
     * @param liveHeapKb the Java heap in use after the last full collection asked of the JVM ({@code System.gc()},
     *     {@code jcmd <pid> GC.run}): what it held live then; -1 for none asked
     */
    record Figures(long peakRssKb, double cpuSeconds, long heapAfterGcKb, long liveHeapKb) {
        /** {@code /usr/bin/time -f} format that {@link #read} reads. */
        static final String TIME_FORMAT = "%M %U %S";

        private static final Pattern FIGURES = Pattern.compile("^(\\d+) ([\\d.]+) ([\\d.]+)");

        private static final Pattern AFTER_GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");

        /** How {@code -Xlog:gc} names a full collection the JVM was asked for: by its code, or by {@code jcmd}. */
        private static final List<String> ASKED_FULL_GC =
                List.of("Pause Full (System.gc())", "Pause Full (Diagnostic Command)");

        /**
         * The figures {@code /usr/bin/time -f TIME_FORMAT -o time} wrote, with the largest heap after a
         * collection and the heap after the last full collection asked for, from the JVM's {@code -Xlog:gc} file
         * {@code gcLog}, when there is one.
         */
        static Optional<Figures> read(Path time, Path gcLog) throws IOException {
            if (!Files.exists(time)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(time);
            // a command that exited non-zero has "Command exited with non-zero status" first
            Matcher f = FIGURES.matcher(lines.get(lines.size() - 1));
            if (!f.find()) {
                return Optional.empty();
            }
            long heap = -1;
            long live = -1;
            if (Files.exists(gcLog)) {
                for (String line : Files.readAllLines(gcLog)) {
                    Matcher m = AFTER_GC.matcher(line);
                    if (m.find()) {
                        long after = kilobytes(m.group(3), m.group(4));
                        heap = Math.max(heap, after);
                        if (ASKED_FULL_GC.stream().anyMatch(line::contains)) {
                            live = after;
                        }
                    }
                }
            }
            return Optional.of(new Figures(
                    Long.parseLong(f.group(1)),
                    Double.parseDouble(f.group(2)) + Double.parseDouble(f.group(3)),
                    heap,
                    live));
        }

        private static long kilobytes(String amount, String unit) {
            long n = Long.parseLong(amount);
            return switch (unit) {
                case "K" -> n;
                case "M" -> n * 1024;
                default -> n * 1024 * 1024;
            };
        }
    }

    long median() {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The median, over the rounds both ran in, of this run's time over {@code other}'s in the same round: two commands
     * that took turns compared run by run, so that a slower spell of the machine weighs on both sides of each ratio.
     */
    double medianRatioByRound(Timing other) {
        int rounds = Math.min(millis.size(), other.millis.size());
        List<Double> ratios = new ArrayList<>(rounds);
        for (int i = 0; i < rounds; i++) {
            ratios.add((double) millis.get(i) / Math.max(1, other.millis.get(i)));
        }
        return ratios.isEmpty() ? Double.NaN : middle(ratios);
    }

    /** The median of the runs' peak resident sets, MB; -1 when none was measured. */
    double peakRssMb() {
        return medianOf(p -> p.peakRssKb() / 1024.0);
    }

    /** The median of the runs' heap after their fullest collection, MB; -1 when none was measured. */
    double heapAfterGcMb() {
        return medianOf(p -> p.heapAfterGcKb() < 0 ? -1 : p.heapAfterGcKb() / 1024.0);
    }

    /** The median of the runs' heap live after a full collection asked of them, MB; -1 when none was asked. */
    double liveHeapMb() {
        return medianOf(p -> p.liveHeapKb() < 0 ? -1 : p.liveHeapKb() / 1024.0);
    }

    /** The median of the runs' processor time, s; -1 when none was measured. */
    double cpuSeconds() {
        return medianOf(Figures::cpuSeconds);
    }

    private double medianOf(ToDoubleFunction<Figures> figure) {
        if (processes.isEmpty()) {
            return -1;
        }
        List<Double> values = new ArrayList<>();
        processes.forEach(p -> values.add(figure.applyAsDouble(p)));
        return middle(values);
    }

    /** The median of {@code values} as {@link #median()} takes it: the middle one, the upper of two. */
    private static double middle(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    @Override
    public String toString() {
        String time = String.format(
                Locale.ROOT,
                "%,7d (%,d)",
                median(),
                millis.stream().min(Long::compare).orElseThrow());
        if (processes.isEmpty()) {
            return time;
        }
        return time
                + String.format(
                        Locale.ROOT,
                        " [RSS %,.0f MB, heap after GC %s, CPU %.1f s]",
                        peakRssMb(),
                        megabytes(heapAfterGcMb()),
                        cpuSeconds());
    }

    /** A heap figure of this class as a line prints it: {@code 123 MB}, or {@code -} when it was not measured. */
    static String megabytes(double mb) {
        return mb < 0 ? "-" : String.format(Locale.ROOT, "%,.0f MB", mb);
    }
}
