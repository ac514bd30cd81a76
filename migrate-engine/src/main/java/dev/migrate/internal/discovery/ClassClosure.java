package dev.migrate.internal.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * What a class's code is made of among the project's own classes: its class file and the class file of every class it
 * names that a directory of the class path holds (not a jar, not the JDK), and of every class those name, transitively,
 * summed. A class from a jar enters by the jar's address, which names its version. Two runs that find the same sum for
 * a migration run the same code when they record it, unless it reads a resource or the environment.
 */
public final class ClassClosure {
    private ClassClosure() {}

    /**
     * The sum of {@code className}'s closure in {@code loader}; empty when a class file of it cannot be read or parsed.
     */
    public static Optional<String> digest(ClassLoader loader, String className) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        String first = className.replace('.', '/');
        seen.add(first);
        next.add(first);
        try {
            while (!next.isEmpty()) {
                String name = next.poll();
                URL url = loader.getResource(name + ".class");
                if (url == null) {
                    continue; // a class the JDK's loaders hold, or none
                }
                update(digest, name);
                if (!"file".equals(url.getProtocol())) {
                    if (!"jrt".equals(url.getProtocol())) {
                        update(digest, url.toString()); // a jar's class: the jar's address names its version
                    }
                    continue;
                }
                byte[] bytes;
                try (InputStream in = url.openStream()) {
                    bytes = in.readAllBytes();
                }
                update(digest, Integer.toString(bytes.length));
                digest.update(bytes);
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

    private static void update(MessageDigest digest, String field) {
        digest.update(field.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
