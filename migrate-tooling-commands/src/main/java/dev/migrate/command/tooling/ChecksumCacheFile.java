package dev.migrate.command.tooling;

import dev.migrate.ChecksumCache;
import dev.migrate.autogen.cache.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The checksums of the project's migrations, kept in {@code target/migrate/checksum-cache} under a
 * key made of what they are computed from: the contents of every file in the project's own class
 * directories (migrations, the classes and resources they use; see {@link Fingerprint}), each
 * dependency jar by path, size and time, and this build of migrate. An edited class changes the key, and the file is then
 * ignored; it only spares a run the work of loading and recording unchanged migrations.
 *
 * <p>The key is computed on a thread of its own from the moment the file is named, while the run
 * finds its migrations and connects: reading and summing a thousand class files is then off the
 * run's path.
 */
public final class ChecksumCacheFile implements ChecksumCache {
    private final Path file;
    private final CompletableFuture<String> key;

    public ChecksumCacheFile(Path file, List<String> classpathElements, String migrateVersion) {
        this.file = file;
        List<String> elements = List.copyOf(classpathElements);
        this.key = CompletableFuture.supplyAsync(() -> key(elements, migrateVersion), task -> {
            Thread thread = new Thread(task, "migrate-checksum-cache-key");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public Map<String, String> checksums() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).equals("key " + key())) {
                return Map.of();
            }
            Map<String, String> checksums = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    checksums.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            return checksums;
        } catch (IOException | UncheckedIOException | CompletionException e) {
            return Map.of(); // unreadable: every checksum is computed, as without the file
        }
    }

    @Override
    public void store(Map<String, String> checksums) {
        List<String> lines = new ArrayList<>();
        lines.add("key " + key());
        new TreeMap<>(checksums).forEach((revision, checksum) -> lines.add(revision + " " + checksum));
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "checksum-cache", ".tmp");
            Files.write(written, lines);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException | CompletionException e) {
            // the next run computes the checksums again; nothing is lost
        }
    }

    private String key() {
        return key.join();
    }

    private static String key(List<String> classpathElements, String migrateVersion) {
        Fingerprint fingerprint = new Fingerprint().field("migrate " + migrateVersion);
        classpathElements.forEach(element -> fingerprint.classpathElement(Path.of(element)));
        return fingerprint.hex();
    }
}
