package dev.migrate.servers;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL installation on this machine, such as Debian's {@code /usr/lib/postgresql/15}: its programs
 * ({@code initdb}, {@code pg_ctl}, {@code postgres}) and the directory its extensions are installed in. Unlike the
 * embedded binaries, which carry PostgreSQL's contrib modules only, it has whatever was installed into it (pgvector,
 * PostGIS), so a throwaway server started from it can replay a chain that creates them ({@link
 * InstalledThrowaway}).
 *
 * <pre>{@code
 * PostgresInstallation pg = PostgresInstallation.at(Path.of("/usr/lib/postgresql/15")).orElseThrow();
 * boolean vectors = pg.has("vector");
 * }</pre>
 *
 * @param bin the directory of its programs
 * @param share the directory holding {@code extension/<name>.control} for each extension it has
 * @param version the version {@code pg_config} reports, e.g. {@code 15.20}
 */
public record PostgresInstallation(Path bin, Path share, String version) {
    /** Where Debian and Ubuntu install each major version: {@code /usr/lib/postgresql/<major>/bin}. */
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    /**
     * The installation at {@code home}: a {@code bin} directory or the prefix holding one, with {@code initdb},
     * {@code pg_ctl} and {@code pg_config}; empty when it has none of them.
     */
    public static Optional<PostgresInstallation> at(Path home) {
        Path bin = Files.isExecutable(home.resolve("pg_ctl")) ? home : home.resolve("bin");
        if (!Files.isExecutable(bin.resolve("pg_ctl"))
                || !Files.isExecutable(bin.resolve("initdb"))
                || !Files.isExecutable(bin.resolve("pg_config"))) {
            return Optional.empty();
        }
        String[] answer = output(bin.resolve("pg_config").toString(), "--sharedir", "--version")
                .strip()
                .split("\\R", -1);
        if (answer.length < 2) {
            return Optional.empty();
        }
        String version = answer[1].replaceFirst("^PostgreSQL\\s+", "").split("\\s", -1)[0];
        return Optional.of(new PostgresInstallation(bin.toAbsolutePath().normalize(), Path.of(answer[0]), version));
    }

    /**
     * The configured installation ({@code migrate.postgres.home}) when given, which must be one; else those found
     * on this machine: the {@code pg_config} on the {@code PATH}, then {@code /usr/lib/postgresql/*}, newest major
     * first.
     */
    public static List<PostgresInstallation> find(@Nullable Path configured) {
        if (configured != null) {
            return List.of(at(configured)
                    .orElseThrow(() -> new MigrateException("migrate.postgres.home is " + configured
                            + ", which holds no PostgreSQL installation (no initdb, pg_ctl and pg_config in it or in its"
                            + " bin directory). Set it to the installation's prefix or bin directory, such as "
                            + "/usr/lib/postgresql/15.")));
        }
        List<PostgresInstallation> found = new ArrayList<>();
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator, -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_config"))) {
                String bin =
                        output(Path.of(dir, "pg_config").toString(), "--bindir").strip();
                at(Path.of(bin)).ifPresent(found::add);
                break;
            }
        }
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> majors = Files.list(DEBIAN)) {
                majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparing((Path p) ->
                                        Integer.parseInt(p.getFileName().toString()))
                                .reversed())
                        .forEach(p -> at(p).filter(i -> !found.contains(i)).ifPresent(found::add));
            } catch (IOException e) {
                // an unreadable /usr/lib/postgresql holds nothing to use
            }
        }
        return List.copyOf(found);
    }

    /** The major version, e.g. {@code 15}. */
    public int major() {
        return Integer.parseInt(version.split("\\.", -1)[0]);
    }

    /** Whether the extension {@code name} is installed here ({@code share/extension/<name>.control}). */
    public boolean has(String name) {
        return Files.exists(share.resolve("extension").resolve(name + ".control"));
    }

    /** The installation's prefix as users name it: the parent of {@code bin}. */
    public Path home() {
        Path parent = bin.getParent();
        return parent == null ? bin : parent;
    }

    /** What {@code command} prints; empty when it cannot run or fails. */
    static String output(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
