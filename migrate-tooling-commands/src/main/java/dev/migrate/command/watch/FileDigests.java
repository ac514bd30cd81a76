package dev.migrate.command.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of every watched file as last read, a digest each, so that a file written again with the same bytes
 * is no change: a build's compiler writes every class file of the module again when one source changed, and only
 * the files whose bytes differ are worth comparing again. A file is read when a burst names it (or a directory
 * above it), never otherwise.
 */
final class FileDigests {
    private final MessageDigest sha256;
    private final Map<Path, byte[]> digests = new HashMap<>();

    /** The digests of every file under {@code roots} now (a root that does not exist yet holds none). */
    FileDigests(List<Path> roots) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (Path root : roots) {
            for (Path file : filesUnder(root)) {
                byte[] digest = digest(file);
                if (digest != null) {
                    digests.put(file, digest);
                }
            }
        }
    }

    /**
     * The files a burst {@code touched} (a directory stands for every file under it, those known before included),
     * read: those whose bytes differ from their last reading (written with other bytes, new, or deleted) and those
     * written again with the same bytes, each in name order. The new digests are kept for the next burst.
     */
    Reading read(Set<Path> touched) {
        Set<Path> files = new TreeSet<>();
        for (Path path : touched) {
            // a path neither known nor there may be a directory since deleted, with the files known under it
            if (Files.isDirectory(path)
                    || (!digests.containsKey(path) && !Files.exists(path) && isKnownDirectory(path))) {
                files.addAll(filesUnder(path));
                digests.keySet().stream()
                        .filter(known -> known.startsWith(path))
                        .forEach(files::add);
            } else {
                files.add(path);
            }
        }
        Set<Path> changed = new TreeSet<>();
        List<Path> same = new ArrayList<>();
        for (Path file : files) {
            byte[] now = digest(file);
            byte[] before = now == null ? digests.remove(file) : digests.put(file, now);
            if (now == null ? before != null : !MessageDigest.isEqual(now, before)) {
                changed.add(file);
            } else if (now != null) {
                same.add(file);
            }
        }
        return new Reading(changed, same);
    }

    /**
     * What a burst's files hold against their last reading.
     *
     * @param changed the files whose bytes changed, new and deleted ones included
     * @param same the files written again with the bytes they had
     */
    record Reading(Set<Path> changed, List<Path> same) {
        Reading {
            changed = Collections.unmodifiableSet(new TreeSet<>(changed));
            same = List.copyOf(same);
        }

        static final Reading NONE = new Reading(Set.of(), List.of());
    }

    /** Whether a file of the last readings lies under {@code path}: a directory since deleted. */
    private boolean isKnownDirectory(Path path) {
        return digests.keySet().stream().anyMatch(known -> !known.equals(path) && known.startsWith(path));
    }

    /** The digest of {@code file}'s bytes; null when it is not a file (deleted, or a directory). */
    private byte @Nullable [] digest(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return sha256.digest(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null; // deleted since the burst: that is what the next one says
        } catch (IOException e) {
            // unreadable now: changed, so that the cycle reports what reading it says
            return new byte[0];
        }
    }

    private static List<Path> filesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> tree = Files.walk(root)) {
            return new ArrayList<>(tree.filter(Files::isRegularFile).toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a directory deleted while read: its files are missed, and deleted the next time
        }
    }
}
