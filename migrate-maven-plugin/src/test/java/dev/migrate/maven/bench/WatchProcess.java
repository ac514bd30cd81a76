package dev.migrate.maven.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code mvn migrate:watch} running as a user runs it: a process of its own, measured by {@code /usr/bin/time},
 * each line of its output timed as it comes (and appended to the project's {@code bench.log}), stopped with Ctrl+C
 * (SIGINT to its JVM).
 */
final class WatchProcess implements AutoCloseable {
    /** A line of the watch's output, and when it was read ({@link System#nanoTime}). */
    record Line(long nanos, String text) {}

    private final Process time;
    private final WholeProcessBenchmark.Measured measured;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final long started;

    private WatchProcess(WholeProcessBenchmark.Measured measured, Path log) throws IOException {
        this.measured = measured;
        this.started = System.nanoTime();
        this.time = measured.builder().start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(time.getInputStream(), StandardCharsets.UTF_8));
                            Writer out = Files.newBufferedWriter(
                                    log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(new Line(System.nanoTime(), line));
                            out.write(line);
                            out.write('\n');
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "watch-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code measured} (a {@code mvn migrate:watch}), its output appended to {@code log}. */
    static WatchProcess start(WholeProcessBenchmark.Measured measured, Path log) throws IOException {
        return new WatchProcess(measured, log);
    }

    /** When the process was started ({@link System#nanoTime}). */
    long started() {
        return started;
    }

    /**
     * The next line that {@code matching} accepts, the lines before it dropped.
     *
     * @throws IllegalStateException when none comes within {@code timeout}, or the watch ends first
     */
    Line await(String what, Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("The watch printed no line with " + what + " within " + timeout
                        + (time.isAlive() ? "" : " (it ended with exit " + time.exitValue() + ")")
                        + ": see bench.log in the project.");
            }
            if (matching.test(line.text())) {
                return line;
            }
        }
    }

    /** Waits until the watch has printed nothing for {@code quiet}, dropping what it printed: no cycle runs. */
    void drain(Duration quiet) throws InterruptedException {
        while (lines.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) != null) {
            // the end of a cycle, or a cycle of a compile's later writes
        }
    }

    /**
     * Asks the watch's JVM for a full collection ({@code jcmd <pid> GC.run}), between cycles: its log then says
     * what the watch holds live ({@link Timing.Figures#liveHeapKb}), where the heap after its own collections may
     * still hold garbage a young collection left.
     */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (ProcessHandle jvm : time.children().toList()) {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new IllegalStateException("jcmd " + jvm.pid() + " GC.run did not complete: the watch's JVM"
                        + " does not take the JDK's attach (another user's, or -XX:+DisableAttachMechanism).");
            }
        }
    }

    /** Stops the watch as a user does (Ctrl+C) and returns what the whole process took. */
    Optional<Timing.Figures> stop() throws IOException, InterruptedException {
        // /usr/bin/time ignores SIGINT while it waits; the JVM it runs (mvn execs java) takes it, unless it was
        // started with SIGINT ignored (a benchmark run in the background of a shell): then SIGTERM, which runs the
        // same shutdown hooks (the kept throwaway server stopped), before the JVM is killed
        time.children().forEach(jvm -> signal(jvm.pid()));
        if (!time.waitFor(20, TimeUnit.SECONDS)) {
            time.children().forEach(ProcessHandle::destroy);
            if (!time.waitFor(40, TimeUnit.SECONDS)) {
                time.descendants().forEach(ProcessHandle::destroyForcibly);
                time.waitFor();
            }
        }
        return measured.figures();
    }

    private static void signal(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the watch if it still runs (a run that failed before {@link #stop}). */
    @Override
    public void close() {
        if (time.isAlive()) {
            time.descendants().forEach(ProcessHandle::destroyForcibly);
            time.destroyForcibly();
        }
    }
}
