package dev.migrate.autogen.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over a sequence of fields, each length-prefixed so that no two different sequences hash
 * alike: the key of the caches that stand for work done on the same inputs.
 */
public final class Fingerprint {
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

    public Fingerprint bytes(byte[] value) {
        digest.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(value);
        return this;
    }

    /**
     * A class path element: a directory by the names and bytes of its files (the project's own
     * classes, which change with every edit), a jar by its path, size and modification time (a
     * released jar's path names its version; a rebuilt snapshot gets a new time).
     */
    public Fingerprint classpathElement(Path element) {
        try {
            if (Files.isDirectory(element)) {
                field("directory " + element);
                List<Path> files;
                try (Stream<Path> walk = Files.walk(element)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    field(element.relativize(file).toString());
                    bytes(Files.readAllBytes(file));
                }
            } else if (Files.isRegularFile(element)) {
                field("file " + element);
                field(Long.toString(Files.size(element)));
                field(Long.toString(Files.getLastModifiedTime(element).toMillis()));
            } else {
                field("absent " + element);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + element + " to key a cache", e);
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
