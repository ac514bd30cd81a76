package dev.migrate.internal.discovery;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * What a class's code is made of among the project's own classes: its class file and the class file of every class it
 * names that a directory of the class path holds, and of every class those name, transitively, summed (each file by
 * its length, CRC-32 and Adler-32: an edit that keeps all three is a one in 2^64 chance), with the addresses of the
 * class path's jars (a jar's address names its version). Two runs that find the same sum for a
 * migration run the same code when they record it, unless it reads a resource or the environment. Read from the
 * directories' files, never through the loader: a lookup through a build tool's loaders costs more than the file.
 */
public final class ClassClosure {
    private final ClassLoader loader;
    private final List<Path> directories;
    /** The class path's jars, in its order, summed once: every class's sum starts from it. */
    private final byte[] jars;
    /**
     * Each class's sum, made once for the loader: a run asks for a migration's upgrade and its downgrade, and the
     * code the loader runs for it does not change while it lives.
     */
    private final Map<String, Optional<String>> sums = new ConcurrentHashMap<>();

    private ClassClosure(ClassLoader loader, List<Path> directories, byte[] jars) {
        this.loader = loader;
        this.directories = directories;
        this.jars = jars;
    }

    /** The closures of classes of {@code loader}, its class path read once for them all. */
    public static ClassClosure in(ClassLoader loader) {
        List<Path> directories = new ArrayList<>();
        MessageDigest jars = sha256();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (!(l instanceof URLClassLoader urls)) {
                continue; // the JDK's own loaders, whose classes this process does not change
            }
            for (URL url : urls.getURLs()) {
                Path directory = directory(url);
                if (directory != null) {
                    directories.add(directory);
                } else {
                    update(jars, url.toString());
                }
            }
        }
        return new ClassClosure(loader, List.copyOf(directories), jars.digest());
    }

    /** Whether these are the closures of classes of {@code other}. */
    public boolean of(ClassLoader other) {
        return loader == other;
    }

    /**
     * The sum of {@code className}'s closure, made once for these closures' loader; empty when a class file of it
     * cannot be read or parsed.
     */
    public Optional<String> digest(String className) {
        return sums.computeIfAbsent(className, this::sum);
    }

    private Optional<String> sum(String className) {
        MessageDigest digest = sha256();
        digest.update(jars);
        CRC32 crc = new CRC32();
        Adler32 adler = new Adler32();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        String first = className.replace('.', '/');
        seen.add(first);
        next.add(first);
        try {
            while (!next.isEmpty()) {
                String name = next.poll();
                byte[] bytes = classFile(directories, name);
                if (bytes == null) {
                    continue; // a class of a jar or of the JDK
                }
                // a class file enters as its length and two checksums the JDK computes natively, as the entity
                // cache's key takes class files: a SHA-256 over every byte cost a watch cycle's JVM, not yet
                // compiled, most of this sum
                crc.reset();
                crc.update(bytes);
                adler.reset();
                adler.update(bytes);
                update(digest, name);
                update(digest, bytes.length + " " + crc.getValue() + " " + adler.getValue());
                for (String named : ClassFileSummary.referencedClasses(bytes)) {
                    if (seen.add(named)) {
                        next.add(named);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class file of {@code name} in the first of {@code directories} that holds one; null when none does. */
    private static byte @Nullable [] classFile(List<Path> directories, String name) throws IOException {
        for (Path directory : directories) {
            try {
                return Files.readAllBytes(directory.resolve(name + ".class"));
            } catch (NoSuchFileException e) {
                // in the next directory, or a jar's
            }
        }
        return null;
    }

    /** The directory a class path URL names; null for a jar or anything else. */
    private static @Nullable Path directory(URL url) {
        if (!"file".equals(url.getProtocol()) || !url.getPath().endsWith("/")) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void update(MessageDigest digest, String field) {
        digest.update(field.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
