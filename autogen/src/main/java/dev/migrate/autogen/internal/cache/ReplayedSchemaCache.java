package dev.migrate.autogen.internal.cache;

import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.catalog.read.Exclusions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An on-disk cache of the live side of a comparison on the embedded default: the schema that
 * replaying every migration on a throwaway server builds, as the catalog reader read it
 * ({@link ReplayedSchema}). Replaying a long chain takes seconds; with an unchanged chain the
 * model is read back from a file instead, and with the entity side cached too no server starts.
 *
 * <p>The model depends only on what the key covers: the chain's fingerprint (each revision in
 * order with its parents and upgrade checksum, {@code MigratorTools.chainFingerprint()}), the embedded
 * server (its binaries' coordinates: version and platform), the managed schemas read, the
 * exclusion patterns, and this build of migrate. It shares the entity cache's file format: one
 * {@code <chain>-<sha-256>.replayed} file per key, written to a temporary file and moved into place, the
 * {@value EntitySchemaCache#MAX_ENTRIES} most recently used kept; a file that cannot be read, or
 * holds another key, is a miss and is rewritten after the replay. The file name starts with a short
 * hash of the chain, the server and the exclusions alone, so that whether the chain was ever
 * replayed is known before the entity DDL says which schemas it manages ({@link #holdsChain}).
 */
public final class ReplayedSchemaCache {
    /** Bump when the meaning of a stored entry changes without its records' shape changing. */
    /** 2: the replayed schema holds the objects beside tables; 3: it names what was not read. */
    static final int FORMAT = 3;

    static final String SUFFIX = ".replayed";

    /** The file of the comparisons found in sync with a chain's schema ({@link #foundInSync}). */
    static final String IN_SYNC = "in-sync.keys";

    /** How many comparisons found in sync {@link #IN_SYNC} remembers, the latest first. */
    private static final int IN_SYNC_KEPT = 16;

    private final KeyedFileStore files;
    private final String chainFingerprint;
    private final String server;
    private int hits;
    private int misses;

    /**
     * @param chainFingerprint what replaying the chain does ({@code MigratorTools.chainFingerprint()})
     * @param server the embedded server the chain is replayed on, e.g. its binaries' coordinates
     */
    public ReplayedSchemaCache(Path directory, String chainFingerprint, String server) {
        this.files = EntitySchemaCache.store(directory);
        this.chainFingerprint = chainFingerprint;
        this.server = server;
    }

    public Path directory() {
        return files.directory();
    }

    /** Lookups answered from a file since this cache was made. */
    public int hits() {
        return hits;
    }

    /** Lookups that found nothing usable since this cache was made (the chain is then replayed). */
    public int misses() {
        return misses;
    }

    /** The replayed schema for {@code schemas} read with {@code exclusions}, when a file holds it. */
    public Optional<ReplayedSchema> find(List<String> schemas, Exclusions exclusions) {
        String key = key(chainFingerprint, server, schemas, exclusions);
        if (files.read(fileName(exclusions, key), key) instanceof ReplayedSchema cached) {
            hits++;
            return Optional.of(cached);
        }
        misses++;
        return Optional.empty();
    }

    /** Keeps {@code replayed}, read after replaying the chain, for the next run; a cache that cannot be written is no error. */
    public void store(List<String> schemas, Exclusions exclusions, ReplayedSchema replayed) {
        String key = key(chainFingerprint, server, schemas, exclusions);
        files.write(fileName(exclusions, key), key, replayed);
    }

    /**
     * Whether a comparison of this chain's schema on this server, read with {@code exclusions}, with
     * {@code comparedWith} (everything else the comparison's answer depends on: the entities' DDL, the declared
     * objects, the settings) found no difference at all ({@link #keepInSync}): then it finds none again, and
     * neither side needs reading. Counts neither as a hit nor as a miss.
     */
    public boolean foundInSync(Exclusions exclusions, List<String> comparedWith) {
        String key = inSyncKey(exclusions, comparedWith);
        try (Stream<String> lines = Files.lines(directory().resolve(IN_SYNC))) {
            return lines.anyMatch(key::equals);
        } catch (IOException | UncheckedIOException e) {
            return false; // none yet, or unreadable: compared again, and written again
        }
    }

    /**
     * Keeps that the comparison {@link #foundInSync} asks about found no difference; among the last {@value
     * #IN_SYNC_KEPT} so kept, so that switching between branches keeps each one's. A file that cannot be
     * written is no error: the next run compares again.
     */
    public void keepInSync(Exclusions exclusions, List<String> comparedWith) {
        String key = inSyncKey(exclusions, comparedWith);
        Path file = directory().resolve(IN_SYNC);
        List<String> kept = new ArrayList<>(List.of(key));
        try {
            if (Files.isRegularFile(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.filter(line -> !line.equals(key))
                            .limit(IN_SYNC_KEPT - 1)
                            .forEach(kept::add);
                }
            }
            Files.createDirectories(directory());
            Path written = Files.createTempFile(directory(), IN_SYNC, ".tmp");
            try {
                Files.write(written, kept);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException | UncheckedIOException e) {
            // the next run compares again
        }
    }

    private String inSyncKey(Exclusions exclusions, List<String> comparedWith) {
        return EntitySchemaCache.migrateBuild()
                .field("in sync " + FORMAT)
                .field(shape())
                .field(chainFingerprint)
                .field(server)
                .fields("exclude", exclusions.patterns())
                .fields("compared with", comparedWith)
                .hex();
    }

    /**
     * Whether a file holds a schema this chain replayed to on this server, read with
     * {@code exclusions}, whatever schemas it covers: when not, the chain is to be replayed whatever
     * the entities manage. Counts neither as a hit nor as a miss.
     */
    public boolean holdsChain(Exclusions exclusions) {
        return !files.names(chainPrefix(exclusions), SUFFIX).isEmpty();
    }

    /**
     * Reads into memory the schemas this chain replayed to on this server with {@code exclusions}, whatever
     * schemas they cover, so that {@link #find} answers at once: done while the provider writes the DDL that
     * says which schemas are wanted. Counts neither as a hit nor as a miss.
     */
    public void prefetch(Exclusions exclusions) {
        files.names(chainPrefix(exclusions), SUFFIX).forEach(files::prefetch);
    }

    /** Whether {@code directory} holds no replayed schema at all, of any chain: after a fresh checkout, say. */
    public static boolean holdsNothing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.noneMatch(file -> file.getFileName().toString().endsWith(SUFFIX));
        } catch (IOException e) {
            return true; // no cache yet, or an unreadable one
        }
    }

    private String fileName(Exclusions exclusions, String key) {
        return chainPrefix(exclusions) + key + SUFFIX;
    }

    /** The start of the file names of this chain's schemas on this server read with {@code exclusions}. */
    private String chainPrefix(Exclusions exclusions) {
        Fingerprint chain = new Fingerprint()
                .field("replayed chain " + FORMAT)
                .field(chainFingerprint)
                .field(server)
                .fields("exclude", exclusions.patterns());
        return chain.hex().substring(0, 16) + "-";
    }

    /** The cache key: SHA-256 over everything the replayed model depends on, as hex. */
    static String key(String chainFingerprint, String server, List<String> schemas, Exclusions exclusions) {
        Fingerprint key = EntitySchemaCache.migrateBuild()
                .field("replayed " + FORMAT)
                .field(shape())
                .field(chainFingerprint)
                .field(server)
                .fields("schemas", schemas)
                .fields("exclude", exclusions.patterns());
        return key.hex();
    }

    /** The entry record's own components; the model's shape is in {@link EntitySchemaCache#migrateBuild()}. */
    private static String shape() {
        StringBuilder out = new StringBuilder(ReplayedSchema.class.getName());
        for (RecordComponent component : ReplayedSchema.class.getRecordComponents()) {
            out.append(' ')
                    .append(component.getGenericType().getTypeName())
                    .append(' ')
                    .append(component.getName());
        }
        return out.toString();
    }
}
