package dev.migrate.autogen.internal.cache;

import dev.migrate.autogen.cache.CacheWrites;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A directory of serialized values, one file per entry, each holding a header, its key and the value:
 * the core the entity cache, the replay cache and drift's verified schemas share. A file is written to a
 * temporary file and moved into place, so a reader never sees half of one; only the {@code maxEntries}
 * most recently used files of a suffix are kept. A file that is missing, corrupt, holds another key or a
 * class the filter refuses reads as nothing, and a failed write is no error: either way the next run
 * builds the value again.
 *
 * <p>Values are immutable, and the last ones read or written are also kept in memory for as long as their file
 * stays as it was: a process that runs many comparisons ({@code watch}) reads a file of 2,000 tables once, not
 * once per comparison. Memory decides how long: they are held softly.
 */
final class KeyedFileStore {
    /** How many values are kept in memory across the stores of a process, most recently used first. */
    private static final int REMEMBERED = 8;

    private static final Map<Path, Remembered> REMEMBER = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * The values queued to be written behind the caller ({@link CacheWrites}), by file, until their file is written:
     * what the file will hold, which a read answers meanwhile.
     */
    private static final Map<Path, Pending> PENDING = new ConcurrentHashMap<>();

    private record Pending(String header, String key, Object value) {}

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
        Pending pending = PENDING.get(file);
        if (pending != null) {
            return pending.header().equals(header) && pending.key().equals(key) ? pending.value() : null;
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Object remembered = remembered(file, header, key);
        if (remembered != null) {
            remember(file, key, remembered, touch(file));
            return remembered;
        }
        Entry entry = entry(file);
        if (entry == null || !entry.key().equals(key)) {
            return null;
        }
        remember(file, key, entry.value(), touch(file));
        return entry.value();
    }

    /** A file's key and value. */
    private record Entry(String key, Object value) {}

    /** What {@code file} holds; {@code null} when it is corrupt, truncated, of another store or unreadable. */
    private @Nullable Entry entry(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(filter);
            if (!header.equals(objects.readUTF())) {
                return null;
            }
            String key = objects.readUTF();
            return new Entry(key, objects.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // built anew and overwritten by the caller that needs it
        }
    }

    /**
     * Reads the file {@code name} into memory under the key it holds, unless its value is there already, so that
     * a {@link #read} of it later answers at once: for a caller with nothing else to do while another thread works
     * (the provider writing the entities' DDL). Answers what the file holds, {@code null} as {@link #read} does.
     */
    @Nullable
    Object prefetch(String name) {
        Path file = directory.resolve(name);
        Pending pending = PENDING.get(file);
        if (pending != null) {
            return pending.header().equals(header) ? pending.value() : null;
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Remembered kept;
        synchronized (REMEMBER) {
            kept = REMEMBER.get(file);
        }
        if (kept != null && kept.header().equals(header)) {
            Object value = remembered(file, header, kept.key());
            if (value != null) {
                return value;
            }
        }
        Entry entry = entry(file);
        if (entry == null) {
            return null;
        }
        try {
            remember(file, entry.key(), entry.value(), Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return null; // read again by the caller that needs it
        }
        return entry.value();
    }

    /** The names of this store's files that start with {@code prefix} and end with {@code suffix}. */
    List<String> names(String prefix, String suffix) {
        Set<String> names = new TreeSet<>();
        PENDING.keySet().stream()
                .filter(file -> directory.equals(file.getParent()))
                .forEach(file -> names.add(file.getFileName().toString()));
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (IOException e) {
            // no store yet, or an unreadable one: what is queued for it, if anything
        }
        return names.stream()
                .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                .toList();
    }

    /** Whether the store holds the file {@code name}, or a value queued to be written to it. */
    boolean holds(String name) {
        Path file = directory.resolve(name);
        return PENDING.containsKey(file) || Files.isRegularFile(file);
    }

    /**
     * Writes {@code value} under {@code key} to the file {@code name} through a temporary file moved into
     * place, then keeps the most recently used files of its suffix; a store that cannot be written is no error.
     * Behind the caller while {@link CacheWrites#behind()} is open: a read answers the value until it is written.
     */
    void write(String name, String key, Object value) {
        if (!CacheWrites.writingBehind()) {
            writeNow(name, key, value);
            return;
        }
        Path file = directory.resolve(name);
        Pending pending = new Pending(header, key, value);
        PENDING.put(file, pending);
        CacheWrites.queue(() -> {
            try {
                writeNow(name, key, value);
            } finally {
                PENDING.remove(file, pending);
            }
        });
    }

    private void writeNow(String name, String key, Object value) {
        Path file = directory.resolve(name);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, key.substring(0, Math.min(16, key.length())) + "-", ".tmp");
            Set<Class<?>> written = new HashSet<>();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                    ObjectOutputStream objects = new ObjectOutputStream(out) {
                        @Override
                        protected void annotateClass(Class<?> type) {
                            written.add(type);
                        }
                    }) {
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
            if (written.stream().allMatch(this::readable)) {
                remember(file, key, value, Files.readAttributes(file, BasicFileAttributes.class));
            } else {
                remember(file, key, value, null); // read back as the filter says: as nothing
            }
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

    /** Marks {@code file} as recently used; its attributes after that, or null when it cannot be read. */
    private static @Nullable BasicFileAttributes touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException ignored) {
            return null; // only the pruning order suffers, and the value is read from the file next time
        }
    }

    /** Whether the filter lets a file that holds {@code type} be read. */
    private boolean readable(Class<?> type) {
        Class<?> component = type;
        while (component.isArray()) {
            component = component.getComponentType();
        }
        Class<?> checked = component;
        ObjectInputFilter.FilterInfo info = new ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return checked;
            }

            @Override
            public long arrayLength() {
                return -1;
            }

            @Override
            public long depth() {
                return 1;
            }

            @Override
            public long references() {
                return 0;
            }

            @Override
            public long streamBytes() {
                return 0;
            }
        };
        return filter.checkInput(info) != ObjectInputFilter.Status.REJECTED;
    }

    /**
     * The value kept in memory for {@code file} of a store with {@code header} under {@code key}, when the file is
     * still the one it came from.
     */
    private static @Nullable Object remembered(Path file, String header, String key) {
        Remembered kept;
        synchronized (REMEMBER) {
            kept = REMEMBER.get(file);
        }
        if (kept == null || !kept.header().equals(header) || !kept.key().equals(key)) {
            return null;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            return kept.sameFile(now) ? kept.value().get() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void remember(Path file, String key, Object value, @Nullable BasicFileAttributes attributes) {
        synchronized (REMEMBER) {
            if (attributes == null) {
                REMEMBER.remove(file);
            } else {
                REMEMBER.put(
                        file,
                        new Remembered(
                                header,
                                key,
                                attributes.lastModifiedTime(),
                                attributes.size(),
                                new SoftReference<>(value)));
            }
        }
    }

    /** A value kept in memory, with what its file looked like when it was read or written. */
    private record Remembered(String header, String key, FileTime modified, long size, SoftReference<Object> value) {
        boolean sameFile(BasicFileAttributes now) {
            return now.lastModifiedTime().equals(modified) && now.size() == size;
        }
    }
}
