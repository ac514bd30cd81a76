package dev.migrate.autogen.cache;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A SHA-256 over a sequence of fields, each length-prefixed so that no two different sequences hash
 * alike: the key of the caches that stand for work done on the same inputs.
 */
public final class Fingerprint {
    /** How long a file must have been left alone for its sums to be remembered. */
    private static final long SETTLED_MILLIS = 2_000;

    /** How many files' sums a process remembers before it starts again. */
    private static final int SUMMED_KEPT = 200_000;

    /** The sums of class files read before, by path ({@link #summed}), and of jars' central directories. */
    private static final Map<String, Summed> SUMMED = new ConcurrentHashMap<>();

    /** The statements {@link #statements} summed last, with their sum. */
    private static volatile @Nullable StatementsSum lastStatements;

    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Fingerprint field(String value) {
        return bytes(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A list of values after {@code label} and their number, so that a value never passes for one of the
     * next list's: {@code fields("exclude", patterns)}.
     */
    public Fingerprint fields(String label, Collection<String> values) {
        field(label + " " + values.size());
        values.forEach(this::field);
        return this;
    }

    /**
     * {@code label}, then the SHA-256 of {@code statements} as {@link #fields} would take them: made once for the
     * same statements however many keys take them (the entity DDL keys the comparison found in sync, the entity
     * model and the declared side in one comparison, each over every statement).
     */
    public Fingerprint statements(String label, List<String> statements) {
        StatementsSum last = lastStatements;
        if (last == null || !last.statements().equals(statements)) {
            // a copy (none of a list that cannot change), so that a list changed since is summed again
            List<String> kept = List.copyOf(statements);
            last = new StatementsSum(
                    kept, new Fingerprint().fields("statements", kept).hex());
            lastStatements = last;
        }
        return field(label).field(last.sum());
    }

    /** The statements summed last, and their sum; a list of the same statements compares their references first. */
    private record StatementsSum(List<String> statements, String sum) {}

    public Fingerprint bytes(byte[] value) {
        digest.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(value);
        return this;
    }

    /**
     * A class path element: a directory by the names, lengths and contents of its files (the
     * project's own classes, which change with every edit), a jar by its path, size and modification
     * time (a released jar's path names its version; a rebuilt snapshot gets a new time).
     *
     * <p>A file's contents enter as its CRC-32 and Adler-32, two independent checksums that the JDK
     * computes natively: an edit that keeps the length and both of them is a one in 2^64 chance, and a
     * thousand class files are read and summed in a few milliseconds even while the JVM is cold, where
     * a SHA-256 over all their bytes takes a tenth of a second and a compiler thread.
     */
    public Fingerprint classpathElement(Path element) {
        File file = element.toFile();
        try {
            if (file.isDirectory()) {
                field("directory " + element);
                directory(file, "");
            } else if (file.isFile()) {
                field("file " + element);
                field(Long.toString(file.length()));
                field(Long.toString(file.lastModified()));
            } else {
                field("absent " + element);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + element + " to key a cache", e);
        }
    }

    /**
     * A class path element by its contents alone, wherever it lies, so that a key made on one machine is the key
     * made on another for the same files (a key kept in the project, {@code entitySnapshot}): a directory by the
     * names, lengths and contents of its files, as {@link #classpathElement} takes it; a jar by its name and its
     * central directory, which holds the name, length and CRC-32 of every entry (a rebuilt jar whose entries carry
     * new times reads as another jar); an element that is missing by its name.
     */
    public Fingerprint contentElement(Path element) {
        File file = element.toFile();
        String name = String.valueOf(element.getFileName());
        try {
            if (file.isDirectory()) {
                field("directory");
                directory(file, "");
            } else if (file.isFile()) {
                field("file " + name);
                BasicFileAttributes attributes = Files.readAttributes(element, BasicFileAttributes.class);
                field(remembered("zip " + file.getPath(), file, attributes, (length, modified) -> {
                    long at = System.currentTimeMillis();
                    return new Reading(centralDirectory(file), at, file.length() == length);
                }));
            } else {
                field("absent " + name);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + element + " to key a cache", e);
        }
    }

    /**
     * The sums of a zip's central directory, read from its end record; of the whole file when it is no zip this
     * reads (too short, a zip64 archive, a comment hiding the record).
     */
    private static String centralDirectory(File file) throws IOException {
        try (RandomAccessFile zip = new RandomAccessFile(file, "r")) {
            long length = zip.length();
            int tail = (int) Math.min(length, END_RECORD + 0xFFFF);
            byte[] end = new byte[tail];
            zip.seek(length - tail);
            zip.readFully(end);
            for (int at = tail - END_RECORD; at >= 0; at--) {
                if (end[at] == 0x50 && end[at + 1] == 0x4b && end[at + 2] == 0x05 && end[at + 3] == 0x06) {
                    long size = unsigned(end, at + 12);
                    long offset = unsigned(end, at + 16);
                    if (size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || offset + size > length) {
                        break;
                    }
                    byte[] directory = new byte[(int) size];
                    zip.seek(offset);
                    zip.readFully(directory);
                    return "zip " + length + " " + sums(directory);
                }
            }
        }
        return "bytes " + sums(Files.readAllBytes(file.toPath()));
    }

    /** The length of a zip's end of central directory record without its comment. */
    private static final int END_RECORD = 22;

    private static long unsigned(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL)
                | (bytes[at + 1] & 0xFFL) << 8
                | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }

    /**
     * The files under {@code dir} in name order, each by its path relative to the element, {@code prefix} for
     * {@code dir}; each file's kind, length and time read in one call.
     */
    private void directory(File dir, String prefix) throws IOException {
        String[] names = dir.list();
        if (names == null) {
            throw new IOException("Could not list the directory " + dir);
        }
        Arrays.sort(names);
        CRC32 crc = new CRC32();
        Adler32 adler = new Adler32();
        for (String name : names) {
            File child = new File(dir, name);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child.toPath(), BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue; // deleted since the listing, as File's checks took it
            }
            if (attributes.isDirectory()) {
                directory(child, prefix + name + File.separator);
            } else if (attributes.isRegularFile()) {
                field(prefix + name);
                field(summed(child, attributes, crc, adler));
            }
        }
    }

    /**
     * A file's length and checksums, {@code "length crc adler"}: read from its bytes, or from what this process
     * read of it before, when its length and modification time are what they were then and it had not been
     * modified for {@value #SETTLED_MILLIS} ms when it was read (a file written again within the clock's
     * resolution of that read could otherwise keep its old sums, as git's racily clean index entries could). The
     * caches keyed by a class directory are looked up two or three times in a goal, each over every class file: a
     * file written since is read once a comparison ({@link FileReads}).
     */
    private static String summed(File file, BasicFileAttributes attributes, CRC32 crc, Adler32 adler)
            throws IOException {
        return remembered(file.getPath(), file, attributes, (length, modified) -> {
            FileReads.Read read = FileReads.read(file.toPath(), length, modified);
            byte[] content = read.bytes();
            return new Reading(sums(content, crc, adler), read.at(), content.length == length);
        });
    }

    /**
     * What {@code read} makes of a file, under {@code key} in what this process remembers: as {@link #summed} says,
     * taken again while the file's length and modification time are those of a read made when it had been left
     * alone for {@value #SETTLED_MILLIS} ms.
     */
    private static String remembered(String key, File file, BasicFileAttributes attributes, FileReading read)
            throws IOException {
        long length = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Summed known = SUMMED.get(key);
        if (known != null && known.length() == length && known.modified() == modified) {
            return known.sums();
        }
        Reading reading = read.read(length, modified);
        // a file modified within the last seconds is read again next time, without a second look at its time
        if (reading.whole() && modified < reading.at() - SETTLED_MILLIS && modified == file.lastModified()) {
            if (SUMMED.size() >= SUMMED_KEPT) {
                SUMMED.clear();
            }
            SUMMED.put(key, new Summed(length, modified, reading.sums()));
        }
        return reading.sums();
    }

    /** A reading of a file of {@code length} bytes modified at {@code modified}, for {@link #remembered}. */
    @FunctionalInterface
    private interface FileReading {
        Reading read(long length, long modified) throws IOException;
    }

    /**
     * What a file read to: its sums, when the read started, and whether it read the length the file was listed with.
     */
    private record Reading(String sums, long at, boolean whole) {}

    private record Summed(long length, long modified, String sums) {}

    /**
     * What a file's contents enter a key as, {@code "length crc adler"}: its length, CRC-32 and Adler-32, two
     * independent checksums the JDK computes natively (an edit keeping all three is a one in 2^64 chance), for
     * readers that tell whether a file's bytes changed without a SHA-256 over them.
     */
    public static String sums(byte[] content) {
        return sums(content, new CRC32(), new Adler32());
    }

    private static String sums(byte[] content, CRC32 crc, Adler32 adler) {
        crc.reset();
        crc.update(content);
        adler.reset();
        adler.update(content);
        return content.length + " " + crc.getValue() + " " + adler.getValue();
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
