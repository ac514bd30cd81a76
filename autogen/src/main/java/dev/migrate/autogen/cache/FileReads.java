package dev.migrate.autogen.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's files as one comparison reads them: while a {@link #scope()} is open, a file is read once, and every
 * later reader of the comparison (the cache keys, each over every class file, and a watch's kept model) takes the
 * bytes read then while the file's length and modification time are still what they were. A file written again
 * meanwhile with both unchanged is read as it was for the rest of the comparison, which then works from one view of
 * the files: a watch sees the write and compares again in a scope of its own. Outside a scope every read reads.
 *
 * <p>This serves the files the other rules read again each time, those written within the last seconds (as a
 * compile writes every class file): a file left alone longer is summed or held once a process by its reader.
 *
 * <pre>{@code
 * try (FileReads.Scope reads = FileReads.scope()) {
 *     // one comparison
 * }
 * }</pre>
 */
public final class FileReads {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final Map<Path, Read> READ = new ConcurrentHashMap<>();

    private FileReads() {}

    /** A scope in which each file is read once while its length and time stay; the last scope closed forgets them. */
    public static Scope scope() {
        OPEN.incrementAndGet();
        return new Scope();
    }

    /**
     * {@code file}, whose length and modification time (in milliseconds) the caller just read, as read in the open
     * scope when both are unchanged; read now otherwise. A caller that remembers what it took beyond the scope goes by
     * {@link Read#at()}, when the bytes were read, not by its own clock: they may be older than its call.
     */
    public static Read read(Path file, long length, long modified) throws IOException {
        if (OPEN.get() == 0) {
            return readNow(file, modified);
        }
        Path path = file.toAbsolutePath();
        Read known = READ.get(path);
        if (known != null && known.bytes().length == length && known.modified() == modified) {
            return known;
        }
        Read read = readNow(file, modified);
        if (read.bytes().length == length) {
            READ.put(path, read);
        }
        return read;
    }

    private static Read readNow(Path file, long modified) throws IOException {
        long at = System.currentTimeMillis();
        return new Read(modified, at, Files.readAllBytes(file));
    }

    /**
     * A file's bytes as read, its modification time then (in milliseconds), and when they were read ({@code at},
     * taken before the read); the bytes are shared with the scope's other readers, never to be modified. Held, never
     * compared, so the array's identity does no harm.
     */
    @SuppressWarnings("ArrayRecordComponent")
    public record Read(long modified, long at, byte[] bytes) {}

    /** The scope of {@link #scope()}. */
    public static final class Scope implements AutoCloseable {
        private boolean closed;

        private Scope() {}

        /** Ends the scope; the last one open forgets what was read. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (OPEN.decrementAndGet() == 0) {
                    READ.clear();
                }
            }
        }
    }
}
