package dev.migrate.command.watch;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.cache.CacheWrites;
import dev.migrate.autogen.cache.FileReads;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Output;
import dev.migrate.command.tooling.AutogenerateCommand;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.servers.KeptThrowaways;
import dev.migrate.tooling.CarriedRecordings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A running {@code watch}: cycles on each change until stopped, or after the configured number of cycles.
 * {@link #stop()} and {@link #requestWrite()} may be called from any thread (a key press, a test).
 *
 * <p>A change is a file whose bytes changed ({@link FileDigests}): a burst that writes files again with the bytes
 * they had (a build's compiler writing every class file of the module) starts no cycle, and the cycle a burst starts
 * names only the files that changed. Class files a compiler deleted are waited for ({@link FileDigests}): the cycle
 * starts once they are written again, or a second after the last burst for those left deleted (while some class file
 * is left: with none, it waits for the compiler's writes).
 */
public final class WatchSession implements AutoCloseable {
    /** How often the loop looks up from waiting for files, to see a stop or a write asked for. */
    private static final Duration LOOK_UP = Duration.ofMillis(100);
    /**
     * How long after the last burst a compiler that deleted some class files is taken to be done: the held class files
     * not written again by then are deleted for good (an entity removed).
     */
    private static final Duration HOLD = Duration.ofSeconds(1);

    private final WatchCommand watch;
    private final List<Path> watched;
    private final Supplier<WatchCommand.Cycle> cycleOpener;
    private final CommandContext context;
    private final ChangedFiles files;
    private final FileDigests contents;
    /**
     * The throwaway servers the cycles compare on, started by the first that needs one and kept until the end; each
     * cycle's database made, connected to and readied while the watch waits.
     */
    private final KeptThrowaways servers = new KeptThrowaways(Autogenerate::warm);

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean writeRequested = new AtomicBoolean();
    private int cycles;
    /**
     * The chain's recordings, carried from each cycle to the next for the migrations whose code is unchanged: a
     * migration might also read a resource, so a changed file other than a class file forgets them.
     */
    private final CarriedRecordings recordings = CarriedRecordings.open();
    /**
     * The files read since the last cycle, by the watch and then by the next cycle's comparison, which takes the bytes
     * the watch read instead of reading every file a compile wrote again; a new scope after each cycle.
     */
    private FileReads.Scope reads;

    /** The revisions the last cycle compared with. */
    private Set<String> lastChain = Set.of();
    /**
     * Whether the last cycle failed before it compared (a class file read while a compiler wrote it, say): the next
     * burst then starts a cycle even when no byte changed since the last reading.
     */
    private boolean lastCycleErred;

    WatchSession(WatchCommand watch, List<Path> watched, Supplier<WatchCommand.Cycle> cycles, CommandContext context) {
        this.watch = watch;
        this.watched = List.copyOf(watched);
        this.cycleOpener = cycles;
        this.context = context;
        this.files = new ChangedFiles(watched, watch.settings().debounce());
        this.reads = FileReads.scope();
        try {
            this.contents = new FileDigests(watched); // after the watch is set up, so that no change falls between
        } catch (RuntimeException e) {
            reads.close();
            throw e;
        }
    }

    /**
     * Runs the first cycle, then one after each change, until {@link #stop()} or the configured number of cycles.
     *
     * @throws MigrateException when interrupted; with a number of cycles, when the last one found differences (as
     *     {@code check} fails on them) or failed
     */
    public void run() {
        // the caches' files are written behind each cycle, its next one reading what they hold from memory; the
        // files are in place when the watch ends
        CacheWrites.Behind writes = CacheWrites.behind();
        try {
            watch();
        } finally {
            writes.close();
            recordings.close();
        }
    }

    private void watch() {
        context.output()
                .info("Watching "
                        + watched.stream().map(context::shown).collect(Collectors.joining(" and "))
                        + (watch.settings().write()
                                ? "; each change writes the migration as autogenerate does."
                                : "; each change prints what check says.")
                        + " Stop with Ctrl+C.");
        cycle(watch.settings().write(), Set.of());
        readyAhead();
        // what the bursts since the last cycle changed and wrote again, while a compiler's deletions are held
        Set<Path> changed = new TreeSet<>();
        List<Path> same = new ArrayList<>();
        long lastBurst = 0;
        boolean holdAnnounced = false;
        while (!done()) {
            Set<Path> touched;
            try {
                touched = files.next(LOOK_UP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrateException("The watch was interrupted.", e);
            }
            boolean compiling = false;
            if (!touched.isEmpty()) {
                FileDigests.Reading burst = contents.read(touched);
                changed.addAll(burst.changed());
                same.addAll(burst.same());
                compiling = burst.compiling();
                lastBurst = System.nanoTime();
            }
            if (contents.holding() && !writeRequested.get()) {
                // a compiler deleted class files and has not written them all again: the classes are no model yet.
                // With every class file gone (a build's compiler starting over) it waits for the writes; otherwise
                // those not written again a second after the last burst are deleted for good (an IDE's compiler
                // deleting the class of a removed source)
                if (compiling || !contents.anyClassLeft() || System.nanoTime() - lastBurst < HOLD.toNanos()) {
                    if (!holdAnnounced && !contents.anyClassLeft()) {
                        context.output()
                                .info("Every class file deleted (" + contents.held() + "), as a compiler does before"
                                        + " it writes them again: comparing once they are written.");
                        holdAnnounced = true;
                    }
                    continue;
                }
            }
            changed.addAll(contents.release());
            holdAnnounced = false;
            int written = same.size();
            if (writeRequested.getAndSet(false)) {
                cycle(true, changed, written, true);
            } else if (!changed.isEmpty() || (written > 0 && lastCycleErred)) {
                cycle(watch.settings().write(), changed, written, false);
            } else if (written > 0) {
                context.output()
                        .info((written == 1 ? context.shown(same.get(0)) : written + " files")
                                + " written again with the same bytes: nothing to compare again.");
            }
            changed = new TreeSet<>();
            same = new ArrayList<>();
        }
    }

    private boolean done() {
        int limit = watch.settings().cycles();
        return stopped.get() || (limit > 0 && cycles >= limit);
    }

    /**
     * One cycle, now: prints what {@code check} says, or with {@code write} writes the migration as
     * {@code autogenerate} does. A failure is printed as the command's error would be, and the watch goes on; the last
     * cycle of a watch with a number of cycles ends it as its command would, failing on differences or an error.
     *
     * @throws MigrateException the last cycle's failure, when the watch has a number of cycles
     * @param changed the files whose change started it, for the line that announces it; empty: none named
     */
    public void cycle(boolean write, Set<Path> changed) {
        cycle(write, changed, 0, changed.isEmpty());
    }

    /**
     * As {@link #cycle(boolean, Set)}; {@code same}: the files of the burst written again with the same bytes;
     * {@code asked}: the cycle was asked for (Enter pressed), not started by a change.
     */
    private void cycle(boolean write, Set<Path> changed, int same, boolean asked) {
        cycles++;
        if (changed.stream().anyMatch(file -> !file.getFileName().toString().endsWith(".class"))) {
            recordings.forget();
        }
        long start = System.nanoTime();
        context.output().info(announce(write, changed, same, asked));
        MigrateException failed = null;
        Output failures = context.output();
        boolean compared = false;
        try (WatchCommand.Cycle cycle = cycleOpener.get()) {
            cycle.context().database().keepThrowawaysIn(servers);
            noteChainChange(cycle);
            Comparing output = new Comparing(cycle.context().output());
            CommandContext cycleContext = cycle.context().withOutput(output);
            try {
                if (write) {
                    WatchCommand.Settings s = watch.settings();
                    new AutogenerateCommand(watch.comparison(), s.message(), s.sources(), s.safe(), s.online())
                            .run(cycleContext, cycle.entities());
                } else {
                    new CheckCommand(watch.comparison()).run(cycleContext, cycle.entities());
                }
            } catch (MigrateException e) {
                failed = e;
                failures = cycle.context().output();
            }
            compared = output.compared;
        } catch (MigrateException e) {
            failed = e; // the cycle's class loader or chain could not be made
        }
        lastCycleErred = failed != null && !compared;
        // the last cycle of a watch with a number of cycles ends it as its command would: failing, as check does on
        // differences and any command on an error; another cycle's failure is printed and the watch goes on
        boolean ends = watch.settings().cycles() > 0 && done();
        if (failed != null && !ends) {
            failures.error(String.valueOf(failed.getMessage()));
        }
        reads.close();
        reads = FileReads.scope();
        String took = "Cycle " + cycles + " took " + (System.nanoTime() - start) / 1_000_000 + " ms";
        context.output()
                .info(
                        done()
                                ? took + "."
                                : took + "; watching again."
                                        + (write || watch.settings().write()
                                                ? ""
                                                : " Press Enter to write the migration."));
        if (failed != null && ends) {
            throw failed;
        }
    }

    /**
     * After the first cycle, when it started no server (the caches answered, or the chain's SQL read as text did) and
     * the cycles' throwaway servers are kept (embedded ones, not a scratch server's databases): starts the throwaway
     * server the next cycles compare on, and replays the chain into the replay cache when it lacks it ({@link
     * dev.migrate.command.tooling.EntityComparison#readyAhead}), now, while the user edits, rather than on the first
     * change's path, and says so in a line. A change meanwhile is compared once that is done. A failure is named in
     * that line and left to the next cycle, which meets it on its own path and reports it.
     */
    private void readyAhead() {
        if (done() || servers.serving()) {
            return;
        }
        long start = System.nanoTime();
        boolean replayCache;
        try (WatchCommand.Cycle cycle = cycleOpener.get()) {
            cycle.context().database().keepThrowawaysIn(servers);
            // a scratch server's databases cost no server's start: there is no server to ready
            if (!cycle.context().database().keepsThrowaways()
                    || !watch.comparison().readyAhead(cycle.context().withOutput(new Quiet()), cycle.entities())) {
                return;
            }
            replayCache = cycle.context().replayCache().isPresent();
        } catch (MigrateException e) {
            // the next cycle meets it on its own path, and says what it is
            String message = String.valueOf(e.getMessage());
            context.output()
                    .info("Not readied ahead of the next change: "
                            + message.lines().findFirst().orElse(message));
            return;
        }
        context.output()
                .info("Ready for the next change in " + (System.nanoTime() - start) / 1_000_000
                        + " ms: the throwaway PostgreSQL it compares on is up"
                        + (replayCache ? ", and the schema at head is in the replay cache." : "."));
    }

    private String announce(boolean write, Set<Path> changed, int same, boolean asked) {
        String what = write ? "Writing the migration" : "Comparing";
        String rewritten = same == 0
                ? ""
                : " (" + same + (same == 1 ? " more file" : " more files") + " written again with the same bytes)";
        if (changed.isEmpty()) {
            if (cycles == 1) {
                return write
                        ? "Writing the migration of what differs between the entities and the schema at head."
                        : "Comparing the entities with the schema at head.";
            }
            return asked
                    ? what + " as asked."
                    : what + " again after " + same + (same == 1 ? " file" : " files")
                            + " written again with the same bytes, as the last cycle failed before it compared.";
        }
        Path first = changed.iterator().next();
        return what + " after " + (changed.size() == 1 ? context.shown(first) : changed.size() + " files") + " changed"
                + rewritten + ".";
    }

    /**
     * Says when the chain changed since the last cycle: the schema at head is then built again (or taken from the
     * replay cache), which is the full rebuild of that side, and why.
     */
    private void noteChainChange(WatchCommand.Cycle cycle) {
        Migrator chain = cycle.context().migrations(false).build();
        Set<String> revisions =
                chain.revisions().stream().map(RevisionDetails::id).collect(Collectors.toSet());
        if (cycles > 1 && !revisions.equals(lastChain)) {
            List<String> added = chain.revisions().stream()
                    .filter(r -> !lastChain.contains(r.id()))
                    .map(RevisionDetails::id)
                    .toList();
            context.output()
                    .info("The migrations changed ("
                            + (added.isEmpty() ? "a revision removed" : "new: " + String.join(", ", added))
                            + "): the schema at head is read again, from the replay cache"
                            + " when it holds it, replayed otherwise.");
        }
        lastChain = revisions;
    }

    /**
     * The output of a cycle's command, which notes whether the command came to its result (the differences it found
     * included) rather than failing before it compared.
     */
    private static final class Comparing implements Output {
        private final Output output;
        private volatile boolean compared;

        Comparing(Output output) {
            this.output = output;
        }

        @Override
        public void info(String line) {
            output.info(line);
        }

        @Override
        public void warn(String line) {
            output.warn(line);
        }

        @Override
        public void error(String line) {
            output.error(line);
        }

        @Override
        public void result(CommandResult result) {
            compared = true;
            output.result(result);
        }

        @Override
        public MigrationLog asMigrationLog() {
            return output.asMigrationLog();
        }

        @Override
        public void script(String text) {
            output.script(text);
        }
    }

    /** The output of a comparison readied ahead, which says nothing. */
    private static final class Quiet implements Output {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void error(String line) {}
    }

    /**
     * Each line read from {@code keys} (Enter pressed in the terminal) asks for the migration to be written, from a
     * thread of its own that ends with the input; an input at its end (no terminal) ends it at once.
     */
    public void writeOnEachLineOf(InputStream keys) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(keys, Charset.defaultCharset()))) {
                        while (in.readLine() != null) {
                            requestWrite();
                        }
                    } catch (IOException e) {
                        // the terminal is gone: changes are still compared
                    }
                },
                "migrate-watch-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** Asks for a cycle that writes the migration, as soon as the running one (if any) ends. */
    public void requestWrite() {
        writeRequested.set(true);
    }

    /** Stops the watch once the running cycle (if any) ends. */
    public void stop() {
        stopped.set(true);
    }

    /** The cycles run so far. */
    public int cycles() {
        return cycles;
    }

    @Override
    public void close() {
        stop();
        try {
            files.close();
        } finally {
            reads.close();
            recordings.close();
            servers.close();
        }
    }
}
