package dev.migrate.command.watch;

import dev.migrate.autogen.cache.FileReads;
import dev.migrate.autogen.cache.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 *
 * <p>A class file deleted is held, not reported, until it is written again or {@link #release}d: a build's compiler
 * deletes the class files it wrote before and writes them again (Maven's compiler plugin when a source changed), and
 * between the two the classes are not a model to compare. Written again with the bytes it had, it is no change.
 */
final class FileDigests {
    private final Map<Path, String> digests = new HashMap<>();
    /** The class files deleted since they were last read, and not written again yet: their last digests. */
    private final Map<Path, String> held = new HashMap<>();

    /** The digests of every file under {@code roots} now (a root that does not exist yet holds none). */
    FileDigests(List<Path> roots) {
        for (Path root : roots) {
            for (Path file : filesUnder(root)) {
                String digest = digest(file);
                if (digest != null) {
                    digests.put(file, digest);
                }
            }
        }
    }

    /**
     * The files a burst {@code touched} (a directory stands for every file under it, those known before included),
     * read: those whose bytes differ from their last reading (written with other bytes, new, or deleted, but for a
     * class file deleted, which is held) and those written again with the same bytes, each in name order. The new
     * digests are kept for the next burst.
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
        boolean compiling = false;
        for (Path file : files) {
            String now = digest(file);
            if (now == null) {
                String before = digests.remove(file);
                if (before != null && file.getFileName().toString().endsWith(".class")) {
                    held.put(file, before);
                    compiling = true;
                } else if (before != null) {
                    changed.add(file);
                }
                continue;
            }
            String before = digests.put(file, now);
            if (before == null) {
                before = held.remove(file);
                compiling |= before != null;
            }
            if (before == null || !now.equals(before)) {
                changed.add(file);
            } else {
                same.add(file);
            }
        }
        return new Reading(changed, same, compiling);
    }

    /** Whether class files deleted are held, not written again yet. */
    boolean holding() {
        return !held.isEmpty();
    }

    /** The class files held, now taken as deleted: changes. */
    Set<Path> release() {
        Set<Path> deleted = new TreeSet<>(held.keySet());
        held.clear();
        return deleted;
    }

    /** Whether a class file is left under the watched directories. */
    boolean anyClassLeft() {
        return digests.keySet().stream()
                .anyMatch(file -> file.getFileName().toString().endsWith(".class"));
    }

    /** How many class files are held. */
    int held() {
        return held.size();
    }

    /**
     * What a burst's files hold against their last reading.
     *
     * @param changed the files whose bytes changed, new and deleted ones included
     * @param same the files written again with the bytes they had
     * @param compiling whether the burst deleted class files or wrote held ones again: a compiler at work
     */
    record Reading(Set<Path> changed, List<Path> same, boolean compiling) {
        Reading {
            changed = Collections.unmodifiableSet(new TreeSet<>(changed));
            same = List.copyOf(same);
        }
    }

    /** Whether a file of the last readings lies under {@code path}: a directory since deleted. */
    private boolean isKnownDirectory(Path path) {
        return digests.keySet().stream().anyMatch(known -> !known.equals(path) && known.startsWith(path));
    }

    /**
     * The digest of {@code file}'s bytes: their length and two checksums, as the entity cache's key takes them
     * ({@link Fingerprint#sums}); every watched file is read before the first cycle, in a JVM that has not compiled a
     * SHA-256 yet. Null when it is not a file (deleted, or a directory).
     */
    private @Nullable String digest(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return null;
            }
            // read as the next cycle's comparison reads it, which then takes these bytes
            return Fingerprint.sums(FileReads.read(
                            file,
                            attributes.size(),
                            attributes.lastModifiedTime().toMillis())
                    .bytes());
        } catch (NoSuchFileException e) {
            return null; // deleted since the burst: that is what the next one says
        } catch (IOException e) {
            // unreadable now: changed, so that the cycle reports what reading it says
            return "unreadable";
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
