package dev.migrate.autogen.internal.cache;

import dev.migrate.autogen.cache.Fingerprint;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The schemas drift found in sync, kept between runs in the replay cache's directory with the catalog
 * stamp each had when it was read ({@code catalog.drift.CatalogStamps}): while a schema's stamp and what
 * it is compared with stay the same, it is still in sync and is not read again. One file for every
 * database the project's drift reads, an entry per database and schema holding what it was compared
 * with (the chain, the revision, how it was read, the exclusions, the server's version: {@link #key}) and
 * its stamp. The file is read once and written once per run, as the replay cache's files are (to a
 * temporary file, moved into place); one that cannot be read, or is from another build of migrate, holds
 * nothing.
 *
 * <pre>{@code
 * VerifiedSchemas verified = VerifiedSchemas.in(Path.of("target/migrate/replay-cache"));
 * if (!verified.inSync(database, "public", key, stamp)) {
 *     // read and compare, then, when in sync:
 *     verified.foundInSync(database, "public", key, stamp);
 * }
 * verified.save();
 * }</pre>
 */
public final class VerifiedSchemas {
    /** Bump when what an entry means changes. */
    static final int FORMAT = 1;

    static final String SUFFIX = ".verified";

    private static final String FILE = "drift" + SUFFIX;

    private final KeyedFileStore files;
    private final String fileKey;
    private final Map<String, String> entries;
    private boolean changed;

    private VerifiedSchemas(KeyedFileStore files, String fileKey, Map<String, String> entries) {
        this.files = files;
        this.fileKey = fileKey;
        this.entries = entries;
    }

    /** What {@code directory} keeps: nothing when it has no file yet, or one from another build. */
    public static VerifiedSchemas in(Path directory) {
        String fileKey = EntitySchemaCache.migrateBuild()
                .field("verified schemas " + FORMAT)
                .hex();
        KeyedFileStore files = EntitySchemaCache.store(directory);
        Map<String, String> entries = new HashMap<>();
        if (files.read(FILE, fileKey) instanceof Map<?, ?> kept) {
            kept.forEach((k, v) -> {
                if (k instanceof String schema && v instanceof String entry) {
                    entries.put(schema, entry);
                }
            });
        }
        return new VerifiedSchemas(files, fileKey, entries);
    }

    /**
     * What a schema is compared with, as an entry's key: SHA-256 over {@code parts} (the chain's fingerprint,
     * the revision, how the schema is read, the exclusion patterns, the server's version).
     */
    public static String key(Iterable<String> parts) {
        Fingerprint key = new Fingerprint().field("compared with");
        parts.forEach(key::field);
        return key.hex();
    }

    /** Whether {@code schema} of {@code database} was found in sync with {@code key}'s schema when its stamp was {@code stamp}. */
    public synchronized boolean inSync(String database, String schema, String key, @Nullable String stamp) {
        // without a stamp nothing says the schema is unchanged
        return stamp != null && (key + " " + stamp).equals(entries.get(database + "\n" + schema));
    }

    /** Keeps that {@code schema} of {@code database} was in sync with {@code key}'s schema while its stamp was {@code stamp}. */
    public synchronized void foundInSync(String database, String schema, String key, @Nullable String stamp) {
        if (stamp == null) {
            return;
        }
        String entry = key + " " + stamp;
        if (!entry.equals(entries.put(database + "\n" + schema, entry))) {
            changed = true;
        }
    }

    /** Writes the file when something was found in sync anew; a file that cannot be written is no error. */
    public synchronized void save() {
        if (changed) {
            files.write(FILE, fileKey, new HashMap<>(entries));
            changed = false;
        }
    }
}
