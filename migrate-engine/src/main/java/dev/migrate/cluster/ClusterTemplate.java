package dev.migrate.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A new data directory for an embedded PostgreSQL, copied from an initialized cluster kept once per
 * machine for each build of the server's binaries, in place of an {@code initdb} per start.
 *
 * <p>{@code initdb} writes a cluster of some 40 MB and syncs every file of it to disk, which is most
 * of an embedded server's start; a copy that is not synced costs a fraction of it (throwaway and
 * test servers run with {@code fsync} off, and the plugin's kept embedded database is a development
 * copy under {@code target/} that the kernel writes out within seconds). The kept cluster is made by
 * the caller's own {@code initdb}, in a directory of its own, and only a complete one is moved into
 * place, in one rename: two processes that make it at once both succeed, and one of the two copies
 * is kept. The files a running server writes beside its data ({@code postmaster.pid}, the embedded
 * launcher's lock) are not copied.
 */
public final class ClusterTemplate {
    /** Where the kept clusters live: below the system's temporary directory, one per binaries key. */
    public static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "migrate-postgres-clusters");

    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    /** Makes an initialized cluster in an empty directory: the embedded launcher's {@code initdb}. */
    @FunctionalInterface
    public interface Initdb {
        void makeIn(Path emptyDirectory) throws IOException;
    }

    private final Path root;

    private ClusterTemplate(Path root) {
        this.root = root;
    }

    /** The kept clusters below {@link #ROOT}. */
    public static ClusterTemplate kept() {
        return new ClusterTemplate(ROOT);
    }

    /** The kept clusters below {@code root}. */
    public static ClusterTemplate keptIn(Path root) {
        return new ClusterTemplate(root);
    }

    /**
     * Fills {@code dataDirectory} (absent or empty) with a copy of the cluster kept for
     * {@code binaries}, making and keeping that cluster first with {@code initdb} when there is none;
     * a data directory that already holds a cluster (a server's kept data) is left as it is.
     *
     * @param binaries what identifies the server's build: the binaries' file name with its size, say;
     *     any characters (those a file name cannot hold are replaced)
     * @return the kept cluster the copy came from, for messages, or null when nothing was copied
     */
    public @Nullable Path copyInto(Path dataDirectory, String binaries, Initdb initdb) throws IOException {
        if (Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            return null;
        }
        Files.createDirectories(dataDirectory);
        checkOwnRoot(dataDirectory);
        Path kept = root.resolve(binaries.replaceAll("[^A-Za-z0-9._-]", "_"));
        if (!Files.isRegularFile(kept.resolve("PG_VERSION"))) {
            make(kept, initdb);
        }
        copy(kept, dataDirectory);
        return kept;
    }

    /**
     * The kept clusters are copied as they are, settings and all, so they must be this user's alone:
     * a directory someone else made, or may write to, in a shared temporary directory, is refused.
     * A new one is made readable by this user only.
     */
    private void checkOwnRoot(Path ownDirectory) throws IOException {
        if (!Files.getFileStore(ownDirectory).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(root);
            return;
        }
        if (!Files.exists(root)) {
            Files.createDirectories(root.getParent());
            try {
                Files.createDirectory(
                        root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // checked below like any other
            }
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
        if (!Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(ownDirectory))
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("The directory of the kept PostgreSQL clusters, " + root
                    + ", belongs to another user or others may write to it, so its clusters cannot be trusted."
                    + " Delete it (a new one is made for this user), or give this JVM a java.io.tmpdir of its own.");
        }
    }

    private static void make(Path kept, Initdb initdb) throws IOException {
        Path making = Files.createTempDirectory(kept.getParent(), kept.getFileName() + ".making-");
        try {
            initdb.makeIn(making);
            if (!Files.isRegularFile(making.resolve("PG_VERSION"))) {
                throw new IOException("initdb left no cluster in " + making);
            }
            try {
                Files.move(making, kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(kept.resolve("PG_VERSION"))) {
                    throw new IOException(
                            "Could not keep the initialized cluster in " + kept + " (" + e
                                    + "); delete that directory, and a new one is made at the next start",
                            e);
                }
                // another process kept its cluster first; this one goes
            }
        } finally {
            delete(making);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // the server refuses a data directory that others may read, as a new directory may be
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                Path relative = from.relativize(file);
                if (relative.toString().isEmpty() || RUNTIME_FILES.contains(relative.toString())) {
                    return;
                }
                try {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The key of the embedded binaries on {@code loader}'s class path (the address of their archive,
     * named as the embedded launcher names it for this platform), or null when there are none.
     */
    public static @Nullable String classPathBinaries(ClassLoader loader) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : "linux";
        String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
        URL archive = loader.getResource("postgres-" + system + "-" + architecture + ".txz");
        return archive == null ? null : archive.toString();
    }

    /** Deletes a directory and everything below it; one that is not there is fine. */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
