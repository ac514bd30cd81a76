package dev.migrate.autogen.internal.cache;

import dev.migrate.MigrateException;
import dev.migrate.autogen.cache.Fingerprint;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.internal.scratch.ScratchSchema;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.read.Exclusions;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * An on-disk cache of the entity side of a comparison: the model {@link ScratchSchema#read} builds
 * from the provider's DDL. Building it costs the server one statement per table, index and
 * constraint (seconds for a large model); with unchanged entities it is read back from a file instead.
 *
 * <p>The model depends only on what the key covers: the DDL statements in order, the server's
 * {@code server_version_num}, the target schema (which is also the search path the DDL runs
 * with), the exclusion patterns, this build of migrate (its version from the jar manifest, when
 * there is one, a format constant, and the shape of the model records). One file per key,
 * {@code <sha-256>.model}, written to a temporary file and moved into place; the
 * {@value #MAX_ENTRIES} most recently used are kept. A file that cannot be read is a miss: the
 * model is built and the file rewritten.
 *
 * <p>A second kind of entry, {@code <sha-256>.ddl}, holds the provider's DDL itself, keyed by what
 * determines it ({@link #ddlKey}): with that, a run with unchanged entities neither
 * starts the provider (seconds for a large model) nor builds anything on the server.
 *
 * <p>A third, {@code <sha-256>.last}, names the model built last for a server, schema and exclusions
 * and the DDL it was built from: when the DDL changes (one entity edited), only the tables whose
 * statements changed are built, the rest taken from that model ({@link ChangedTables}).
 */
public final class EntitySchemaCache {
    /** Bump when the meaning of the cached model changes without its records' shape changing. */
    static final int FORMAT = 1;
    /** How many models are kept (e.g. a few branches' entities); the least recently used go first. */
    static final int MAX_ENTRIES = 4;

    static final String SUFFIX = ".model";
    static final String DDL_SUFFIX = ".ddl";
    static final String OBJECTS_SUFFIX = ".objects";
    static final String LAST_SUFFIX = ".last";
    private static final String MAGIC = "migrate-entity-schema";
    /** Only the model's records and enums, the JDK's collections and boxed values are read back. */
    private static final ObjectInputFilter FILTER = info -> {
        Class<?> type = info.serialClass();
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        if (type == null || type.isPrimitive()) {
            return info.depth() > 64 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        }
        String name = type.getName();
        boolean allowed = ModelShape.CLASSES.contains(type)
                || type == ReplayedSchema.class
                || type == LastBuild.class
                || name.startsWith("java.util.")
                || name.startsWith("java.lang.");
        return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private final KeyedFileStore files;
    private int hits;
    private int misses;
    private int ddlHits;
    private int rebuiltTables;
    private int mergedBuilds;

    public EntitySchemaCache(Path directory) {
        this.files = store(directory);
    }

    /** The store every cache of migrate keeps its files in, under {@code directory}: one file format, one filter. */
    static KeyedFileStore store(Path directory) {
        return new KeyedFileStore(directory, MAGIC, FILTER, MAX_ENTRIES);
    }

    public Path directory() {
        return files.directory();
    }

    /** Lookups answered from a file since this cache was made. */
    public int hits() {
        return hits;
    }

    /** Lookups that built the model (and stored it) since this cache was made. */
    public int misses() {
        return misses;
    }

    /**
     * The entity model for {@code ddl} on the server behind {@code c}: from the cache when it holds
     * one for the same key, otherwise {@link ScratchSchema#read} and stored.
     */
    public DatabaseSchema read(Connection c, List<String> ddl, String targetSchema, Exclusions exclusions) {
        String versionNum = serverVersionNum(c);
        String key = key(versionNum, ddl, targetSchema, exclusions);
        String lastKey = lastBuildKey(versionNum, targetSchema, exclusions);
        return read(key, () -> {
            Optional<LastBuild> last = files.read(lastKey + LAST_SUFFIX, lastKey) instanceof LastBuild kept
                    ? Optional.of(kept)
                    : Optional.empty();
            Optional<ChangedTables> changes =
                    last.flatMap(before -> ChangedTables.between(before.ddl(), before.placements(), ddl, targetSchema));
            DatabaseSchema built = changes.flatMap(
                            changed -> fromLastBuild(c, last.get().modelKey(), changed, targetSchema, exclusions))
                    .orElseGet(() -> ScratchSchema.read(c, ddl, targetSchema, exclusions));
            changes.map(ChangedTables::placements)
                    .or(() -> ChangedTables.placements(ddl, targetSchema))
                    .ifPresent(placements ->
                            files.write(lastKey + LAST_SUFFIX, lastKey, new LastBuild(key, ddl, placements)));
            return built;
        });
    }

    /**
     * The model of the new DDL from the last model built ({@code modelKey}), with only the tables whose
     * statements changed built on {@code c} ({@link ChangedTables}); empty when that model is gone, building
     * them failed or a name the server chose might differ.
     */
    private Optional<DatabaseSchema> fromLastBuild(
            Connection c, String modelKey, ChangedTables changes, String targetSchema, Exclusions exclusions) {
        if (!(files.read(modelKey + SUFFIX, modelKey) instanceof DatabaseSchema before)) {
            return Optional.empty();
        }
        DatabaseSchema built;
        try {
            built = ScratchSchema.read(c, changes.statements(), targetSchema, exclusions);
        } catch (MigrateException e) {
            return Optional.empty(); // built whole, and reported from there if it fails again
        }
        Optional<DatabaseSchema> merged = changes.merged(before, built);
        if (merged.isPresent()) {
            mergedBuilds++;
            rebuiltTables += changes.rebuiltTables();
        }
        return merged;
    }

    /** Tables built alone, the rest of their model taken from the last build ({@link ChangedTables}), since this cache was made. */
    public int rebuiltTables() {
        return rebuiltTables;
    }

    /**
     * Whether a model built last for a server reporting {@code serverVersionNum}, {@code targetSchema} and
     * {@code exclusions} is kept, so that {@link #read} builds only the tables whose DDL changed.
     */
    public boolean holdsLastBuild(String serverVersionNum, String targetSchema, Exclusions exclusions) {
        return files.holds(lastBuildKey(serverVersionNum, targetSchema, exclusions) + LAST_SUFFIX);
    }

    /**
     * Reads into memory the model built last for a server reporting {@code serverVersionNum}, {@code
     * targetSchema} and {@code exclusions}, and the DDL it came from, so that {@link #read} of a changed DDL
     * finds them at once: done while the provider writes that DDL.
     */
    public void prefetchLastBuild(String serverVersionNum, String targetSchema, Exclusions exclusions) {
        String lastKey = lastBuildKey(serverVersionNum, targetSchema, exclusions);
        if (files.prefetch(lastKey + LAST_SUFFIX) instanceof LastBuild last) {
            files.prefetch(last.modelKey() + SUFFIX);
        }
    }

    /** Models made from the last build and the changed tables since this cache was made. */
    int mergedBuilds() {
        return mergedBuilds;
    }

    /** The key of the last model built for a server, schema and exclusions, whatever the DDL. */
    private static String lastBuildKey(String serverVersionNum, String targetSchema, Exclusions exclusions) {
        return migrateBuild()
                .field("last build")
                .field(serverVersionNum)
                .field(targetSchema)
                .fields("exclude", exclusions.patterns())
                .hex();
    }

    /**
     * Which model was built last, from what DDL, and the table each of its statements belongs to ({@link
     * ChangedTables#placements}), so that the next build reads only the statements that changed.
     */
    record LastBuild(String modelKey, List<String> ddl, List<String> placements) implements Serializable {
        LastBuild {
            ddl = List.copyOf(ddl);
            placements = List.copyOf(placements);
        }
    }

    /**
     * The entity model for {@code ddl} on a server whose {@code server_version_num} is
     * {@code serverVersionNum}, when the cache holds one; nothing is built. For a caller that
     * knows the server's version without starting it (the embedded default, from its replay cache).
     */
    public Optional<DatabaseSchema> find(
            String serverVersionNum, List<String> ddl, String targetSchema, Exclusions exclusions) {
        String key = key(serverVersionNum, ddl, targetSchema, exclusions);
        if (files.read(key + SUFFIX, key) instanceof DatabaseSchema cached) {
            hits++;
            return Optional.of(cached);
        }
        return Optional.empty();
    }

    /** The model stored under {@code key}, or the one {@code build} makes, stored. */
    DatabaseSchema read(String key, Supplier<DatabaseSchema> build) {
        if (files.read(key + SUFFIX, key) instanceof DatabaseSchema cached) {
            hits++;
            return cached;
        }
        misses++;
        DatabaseSchema built = build.get();
        files.write(key + SUFFIX, key, built);
        return built;
    }

    /**
     * The provider's DDL for the inputs {@code inputKey} stands for ({@link #ddlKey}):
     * stored, or what {@code generate} returns (then stored). With unchanged entities, the provider
     * is not started at all.
     */
    public List<String> ddl(String inputKey, Supplier<List<String>> generate) {
        Optional<List<String>> cached = findDdl(inputKey);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<String> ddl = generate.get();
        storeDdl(inputKey, ddl);
        return ddl;
    }

    /** Stores the provider's DDL for the inputs {@code inputKey} stands for ({@link #ddlKey}). */
    public void storeDdl(String inputKey, List<String> ddl) {
        files.write(inputKey + DDL_SUFFIX, inputKey, List.copyOf(ddl));
    }

    /**
     * Whether any provider DDL is stored: when none is (a fresh checkout, a cleaned {@code target}), no key can
     * be found, and the provider need not wait for one.
     */
    public boolean holdsDdl() {
        return !files.names("", DDL_SUFFIX).isEmpty();
    }

    /** The provider's DDL for the inputs {@code inputKey} stands for, when a file holds it; the provider is not asked. */
    public Optional<List<String>> findDdl(String inputKey) {
        if (files.read(inputKey + DDL_SUFFIX, inputKey) instanceof List<?> cached
                && cached.stream().allMatch(String.class::isInstance)) {
            ddlHits++;
            return Optional.of(cached.stream().map(String.class::cast).toList());
        }
        return Optional.empty();
    }

    /** DDL lookups answered from a file (the provider did not run) since this cache was made. */
    public int ddlHits() {
        return ddlHits;
    }

    /**
     * What the entity DDL and the declared statements make on a new database of a server reporting {@code
     * serverVersionNum}, read back (tables, sequences, enum types and the objects beside them): stored under
     * a key of all of these, or what {@code build} reads (then stored), so that unchanged files and entities
     * start no server for them.
     *
     * @param declared every declared statement, each with where it was written
     */
    public DatabaseSchema declaredSide(
            String serverVersionNum,
            List<String> ddl,
            List<String> declared,
            String targetSchema,
            Exclusions exclusions,
            Supplier<DatabaseSchema> build) {
        Fingerprint fingerprint = migrateBuild()
                .field("declared-side")
                .field(serverVersionNum)
                .field(targetSchema)
                .fields("exclude", exclusions.patterns())
                .statements("ddl", ddl)
                .fields("declared", declared);
        String key = fingerprint.hex();
        if (files.read(key + OBJECTS_SUFFIX, key) instanceof DatabaseSchema cached) {
            hits++;
            return cached;
        }
        misses++;
        DatabaseSchema built = build.get();
        files.write(key + OBJECTS_SUFFIX, key, built);
        return built;
    }

    /** The cache key: SHA-256 over everything the entity model depends on, as hex. */
    static String key(String serverVersionNum, List<String> ddl, String targetSchema, Exclusions exclusions) {
        return migrateBuild()
                .field(serverVersionNum)
                .field(targetSchema)
                .fields("exclude", exclusions.patterns())
                .statements("ddl", ddl)
                .hex();
    }

    /**
     * A key for the DDL {@link EntityDdl#generate} would write, computed without starting the
     * provider: what the DDL depends on is {@code entities} (class directories by the bytes of every
     * file in them, so entity classes, their enums and {@code persistence.xml}; packages; persistence
     * unit; provider settings, naming strategies included), the rest of the class path the provider
     * runs with (its jar and version among them), the server's major version, the JVM's feature release and
     * this build of migrate. Every element enters by its contents, never by where it lies
     * ({@link Fingerprint#contentElement}): the key made in a clean checkout on another machine is this one, as
     * {@link EntitySnapshot} needs.
     *
     * @param classpath the class path of the loader {@link EntityDdl#generate} will get, in its order
     */
    public static String ddlKey(EntityDdl entities, List<Path> classpath, int serverMajorVersion) {
        Fingerprint key = migrateBuild()
                .field("entity ddl")
                .field(Integer.toString(serverMajorVersion))
                .field("java " + Runtime.version().feature())
                .field(String.valueOf(entities.persistenceUnit()))
                .fields("packages", entities.packages());
        key.field("properties " + entities.properties().size());
        new TreeMap<>(entities.properties())
                .forEach((name, value) -> key.field(name).field(value));
        key.field("classes " + entities.classDirectories().size());
        entities.classDirectories().forEach(key::contentElement);
        List<Path> rest = classpath.stream()
                .filter(element -> !entities.classDirectories().contains(element))
                .toList();
        key.field("classpath " + rest.size());
        rest.forEach(key::contentElement);
        return key.hex();
    }

    /** A fingerprint that starts with this build of migrate and the shape of what the cache stores. */
    static Fingerprint migrateBuild() {
        return new Fingerprint()
                .field(MAGIC)
                .field(Integer.toString(FORMAT))
                .field(String.valueOf(implementationVersion()))
                .field(ModelShape.FINGERPRINT);
    }

    /**
     * This build of migrate-autogen: its version and build time from the jar manifest, so that a new
     * build (a snapshot rebuilt with the same version too) never reads entries an older one wrote;
     * {@code null} when run from classes (tests, IDE).
     */
    static @Nullable String implementationVersion() {
        Package p = EntitySchemaCache.class.getPackage();
        if (p.getImplementationVersion() == null) {
            return null;
        }
        try (JarFile jar = new JarFile(Path.of(EntitySchemaCache.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toFile())) {
            return p.getImplementationVersion() + " "
                    + jar.getManifest().getMainAttributes().getValue("Migrate-Build");
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return p.getImplementationVersion();
        }
    }

    /** {@code server_version_num}, e.g. {@code 180006}. */
    public static String serverVersionNum(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new MigrateException("Could not read the server version: " + e.getMessage(), e);
        }
    }

    /**
     * The shape of the model records (names and types of every component, enum constants), so a
     * development build whose records changed never reads a model written by another shape: record
     * deserialization matches components by name and would silently default a new one.
     */
    static final class ModelShape {
        /** Every record and enum class the model reaches. */
        static final Set<Class<?>> CLASSES;

        static final String FINGERPRINT;

        static {
            StringBuilder out = new StringBuilder();
            Set<Class<?>> seen = new LinkedHashSet<>();
            visit(DatabaseSchema.class, seen, out);
            CLASSES = Set.copyOf(
                    seen.stream().filter(c -> c.isRecord() || c.isEnum()).toList());
            FINGERPRINT = out.toString();
        }

        private ModelShape() {}

        private static void visit(Type type, Set<Class<?>> seen, StringBuilder out) {
            if (type instanceof ParameterizedType p) {
                visit(p.getRawType(), seen, out);
                for (Type argument : p.getActualTypeArguments()) {
                    visit(argument, seen, out);
                }
                return;
            }
            if (!(type instanceof Class<?> c) || !seen.add(c)) {
                return;
            }
            if (c.isRecord()) {
                out.append(c.getName()).append('(');
                for (RecordComponent component : c.getRecordComponents()) {
                    out.append(component.getGenericType().getTypeName())
                            .append(' ')
                            .append(component.getName())
                            .append(',');
                }
                out.append(")\n");
                for (RecordComponent component : c.getRecordComponents()) {
                    visit(component.getGenericType(), seen, out);
                }
            } else if (c.isEnum()) {
                out.append(c.getName()).append(List.of(c.getEnumConstants())).append('\n');
            }
        }
    }
}
