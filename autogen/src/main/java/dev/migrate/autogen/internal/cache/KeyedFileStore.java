package dev.migrate.autogen.internal.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A directory of serialized values, one file per entry, each holding a header, its key and the value:
 * the core the entity cache, the replay cache and drift's verified schemas share. A file is written to a
 * temporary file and moved into place, so a reader never sees half of one; only the {@code maxEntries}
 * most recently used files of a suffix are kept. A file that is missing, corrupt, holds another key or a
 * class the filter refuses reads as nothing, and a failed write is no error: either way the next run
 * builds the value again.
 */
final class KeyedFileStore {
    private final Path directory;
    private final String header;
    private final ObjectInputFilter filter;
    private final int maxEntries;

    /**
     * @param header what every file starts with, so that a file of something else is never read
     * @param filter the classes a file may hold
     * @param maxEntries how many files of one suffix are kept
     */
    KeyedFileStore(Path directory, String header, ObjectInputFilter filter, int maxEntries) {
        this.directory = directory;
        this.header = header;
        this.filter = filter;
        this.maxEntries = maxEntries;
    }

    Path directory() {
        return directory;
    }

    /**
     * What the file {@code name} holds under {@code key}, marked as recently used; {@code null} when it is
     * missing, corrupt, holds another key or was written by another build.
     */
    @Nullable
    Object read(String name, String key) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Object value;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(filter);
            if (!header.equals(objects.readUTF()) || !key.equals(objects.readUTF())) {
                return null;
            }
            value = objects.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // corrupt, truncated, from another build or unreadable: built anew and overwritten
            return null;
        }
        touch(file);
        return value;
    }

    /**
     * Writes {@code value} under {@code key} to the file {@code name} through a temporary file moved into
     * place, then keeps the most recently used files of its suffix; a store that cannot be written is no error.
     */
    void write(String name, String key, Object value) {
        Path file = directory.resolve(name);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, key.substring(0, Math.min(16, key.length())) + "-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeUTF(header);
                objects.writeUTF(key);
                objects.writeObject(value);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            prune(file, name.substring(name.lastIndexOf('.')));
        } catch (IOException | RuntimeException e) {
            // the comparison goes on; the next run builds the value again
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // left for the next prune of the directory's owner
                }
            }
        }
    }

    /** Keeps the {@code maxEntries} most recently used files ending in {@code suffix}, {@code kept} among them. */
    private void prune(Path kept, String suffix) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.equals(kept))
                    .sorted(Comparator.comparing(KeyedFileStore::lastModified).reversed())
                    .toList();
        }
        for (Path old : entries.subList(Math.min(entries.size(), maxEntries - 1), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // only the pruning order suffers
        }
    }
}
