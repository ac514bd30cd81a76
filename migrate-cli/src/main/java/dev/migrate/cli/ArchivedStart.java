package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Starts a plain {@code java -jar} run of a short command as {@code bin/migrate} starts it: from a class-data
 * sharing archive of the classes such a run loads, with C1 alone on one compiler thread, the serial collector and no
 * performance-data file.
 *
 * <p>A command of the command line lasts a few tenths of a second, most of them the JVM loading and verifying the
 * driver's, the security providers' and migrate's classes, which an archive maps ready instead. A jar cannot give its
 * JVM an archive, so a run started with no JVM options of any kind ({@code java -jar migrate-cli.jar current}, and no
 * {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}) runs its command in a second JVM started with one, its input,
 * output and exit code the run's own. There is an archive for each {@code java}, jar and command, in the cache
 * {@code bin/migrate} keeps its own in ({@code MIGRATE_CACHE}, else {@code $XDG_CACHE_HOME/migrate} or {@code
 * ~/.cache/migrate}): the command's first run that succeeds writes it, under a name of its own moved into place when
 * complete (a run refused for its options, or that did not reach its database, loaded too little to keep). {@code
 * MIGRATE_CDS=false} keeps the run in the first JVM, {@code MIGRATE_JAVA_OPTS} adds options to the second.
 *
 * <p>Not for the commands that stay ({@code watch}, {@code mcp}), {@code --help} and {@code --version}, nor on a JVM
 * without dynamic archives (not HotSpot), nor where the cache cannot be made: those run in the first JVM, as before.
 * A run stopped by a signal stops its second JVM the same way and waits for it to end.
 *
 * <p>The first JVM loads as little as it can before the second starts: not the command table ({@link CliCommand}
 * and the settings it names, 30 ms), no lambda and no string concatenation, which link the JDK's invokedynamic
 * machinery.
 */
final class ArchivedStart {
    /**
     * The commands that run until stopped ({@link CliCommand#WATCH}, {@link CliCommand#MCP}), named without loading
     * the command table: C2 pays back there, and they start in the first JVM.
     */
    static final Set<String> RESIDENT = Set.of("watch", "mcp");

    /**
     * What {@code bin/migrate} gives a short command, the archive aside ({@code options} in the launcher; a test
     * compares them).
     */
    static final List<String> OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-XX:+UseSerialGC",
            "-XX:CICompilerCount=1",
            "-XX:-UsePerfData");

    /** The second JVM's command line. */
    private final List<String> command;
    /** The archive the second JVM starts from, or writes when it ends. */
    private final File archive;
    /** Where the second JVM writes the archive; null when it starts from it. */
    private final @Nullable File writing;

    private ArchivedStart(List<String> command, File archive, @Nullable File writing) {
        this.command = command;
        this.archive = archive;
        this.writing = writing;
    }

    /**
     * Runs the command in a second JVM started from the archive when this run may ({@link #of}); empty when it runs
     * here.
     *
     * @param args the command line; its first argument names the command
     * @return the second JVM's exit code
     */
    static OptionalInt run(String[] args) {
        if (args.length > 0 && RESIDENT.contains(args[0])) {
            return OptionalInt.empty(); // before anything else is read: the commands that stay pay nothing for this
        }
        if (ShortRunCompilers.compilersChosen(System.getProperty("java.vm.info", ""))) {
            // bin/migrate's JVM, the second JVM and the image's were given options: not a plain java -jar, known
            // without reading the JVM's arguments (ProcessHandle and its lambdas, 6 ms of a JVM from its archive)
            return OptionalInt.empty();
        }
        Optional<String[]> given = ProcessHandle.current().info().arguments();
        if (given.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<ArchivedStart> start = of(
                Arrays.asList(given.get()),
                System.getenv(),
                System.getProperty("user.home", ""),
                System.getProperty("java.home"),
                System.getProperty("java.vm.name", ""),
                System.getProperty("java.vm.version", ""),
                System.getProperty("java.class.path", ""),
                ProcessHandle.current().pid());
        return start.isPresent() ? start.get().start() : OptionalInt.empty();
    }

    /**
     * How a run whose JVM was started with {@code given} (its arguments after the {@code java} executable) runs in a
     * second JVM, the archive's directory made if missing; empty when it runs in the first. {@code userHome} is the
     * home of the user's account ({@code user.home}), for a run whose environment names none ({@code env -i}).
     */
    static Optional<ArchivedStart> of(
            List<String> given,
            Map<String, String> environment,
            String userHome,
            String javaHome,
            String vmName,
            String vmVersion,
            String classPath,
            long pid) {
        boolean plainJar = given.size() >= 3 && given.get(0).equals("-jar") && classPath.endsWith(".jar");
        String command = plainJar ? given.get(2) : "";
        if (!plainJar
                || !isCommandName(command)
                || RESIDENT.contains(command)
                || given.contains("--help")
                || "false".equals(environment.get("MIGRATE_CDS"))
                || environment.containsKey("JDK_JAVA_OPTIONS")
                || environment.containsKey("JAVA_TOOL_OPTIONS")
                || !(vmName.contains("HotSpot") || vmName.contains("OpenJDK"))) {
            return Optional.empty();
        }
        Optional<File> cache = cache(environment, userHome);
        File jar = new File(classPath).getAbsoluteFile();
        if (cache.isEmpty()
                || !jar.isFile()
                || !(cache.get().isDirectory() || cache.get().mkdirs())) {
            return Optional.empty();
        }
        CRC32 key = new CRC32();
        key.update(String.join(
                        "\n",
                        javaHome,
                        vmVersion,
                        jar.getPath(),
                        Long.toString(jar.length()),
                        Long.toString(jar.lastModified()))
                .getBytes(StandardCharsets.UTF_8));
        File archive = new File(
                cache.get(),
                "migrate-cli-jar-"
                        .concat(Long.toHexString(key.getValue()))
                        .concat("-")
                        .concat(command)
                        .concat(".jsa"));
        File writing = archive.isFile()
                ? null
                : new File(cache.get(), archive.getName().concat(".").concat(Long.toString(pid)));
        List<String> line = new ArrayList<>();
        line.add(new File(new File(javaHome, "bin"), "java").getPath());
        line.add(
                writing == null
                        ? "-XX:SharedArchiveFile=".concat(archive.getPath())
                        : "-XX:ArchiveClassesAtExit=".concat(writing.getPath()));
        line.addAll(OPTIONS);
        String more = environment.getOrDefault("MIGRATE_JAVA_OPTS", "").strip();
        if (!more.isEmpty()) {
            line.addAll(List.of(more.split("\\s+")));
        }
        // the jar as the class path rather than -jar: the manifest's Add-Opens, which only -jar reads, is the first
        // JVM's (its compiler directive); in the second it would cost the opening of two packages nobody uses
        line.add("-cp");
        line.add(given.get(1));
        line.add(Main.class.getName());
        line.addAll(given.subList(2, given.size()));
        return Optional.of(new ArchivedStart(line, archive, writing));
    }

    /** Whether {@code argument} names a command (lower-case letters and dashes), not an option or a typo's path. */
    private static boolean isCommandName(String argument) {
        if (argument.isEmpty() || argument.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cache {@code bin/migrate} keeps its archive in: {@code MIGRATE_CACHE}, else {@code $XDG_CACHE_HOME/migrate},
     * else {@code .cache/migrate} in {@code HOME} or, where the environment has none, in the account's home; empty
     * when no home says where.
     */
    private static Optional<File> cache(Map<String, String> environment, String userHome) {
        String cache = environment.get("MIGRATE_CACHE");
        if (cache != null && !cache.isEmpty()) {
            return Optional.of(new File(cache));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        String home = environment.get("HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Optional.of(new File(xdg, "migrate"));
        }
        if (home == null || home.isEmpty()) {
            // the JVM reads the account's home from the system's user database; "?" where it has no entry
            home = new File(userHome).isAbsolute() ? userHome : "";
        }
        return home.isEmpty() ? Optional.empty() : Optional.of(new File(new File(home, ".cache"), "migrate"));
    }

    /** The second JVM's command line. */
    List<String> command() {
        return command;
    }

    /** Whether the second JVM writes the archive (the first run for this {@code java}, jar and command). */
    boolean writesArchive() {
        return writing != null;
    }

    /** Runs the second JVM to its end; empty when it could not start, and the run goes on here. */
    private OptionalInt start() {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Stopping(child));
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAndWait(child);
            code = 130;
        }
        if (writing != null) {
            // complete once the second JVM has ended, and kept from a run that did its work (a refused option or a
            // database not reached leaves the command's classes out); another run may have put one in place
            // meanwhile, which is as good
            if (code != 0 || writing.length() == 0 || !writing.renameTo(archive)) {
                writing.delete();
            }
        }
        return OptionalInt.of(code);
    }

    /** Stops the second JVM as this one is stopped (a signal, {@code docker stop}). */
    private static final class Stopping extends Thread {
        private final Process child;

        Stopping(Process child) {
            super("migrate-stop");
            this.child = child;
        }

        @Override
        public void run() {
            stopAndWait(child);
        }
    }

    /** Stops {@code child}, and waits for it to end. */
    private static void stopAndWait(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
