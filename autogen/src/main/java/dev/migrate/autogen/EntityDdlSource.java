package dev.migrate.autogen;

import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * The DDL the project's JPA provider writes for the entities, and a key for it that is known
 * without starting the provider, both for PostgreSQL of a given major version.
 */
public interface EntityDdlSource {
    /** What a source is {@linkplain #described described} as unless it says otherwise: the JPA entities. */
    String ENTITIES = "the entities";

    /** A key for the DDL {@link #generate} would write for {@code serverMajorVersion}: what it depends on, hashed. */
    String key(int serverMajorVersion);

    /** The provider's DDL for the dialect of {@code serverMajorVersion}; seconds for a large model. */
    List<String> generate(int serverMajorVersion);

    /**
     * The DDL {@link #generate} would write, when this source can write it without describing the whole model: a
     * source that keeps the model it last described (a watch's) describes a change of a few entities alone, in tens of
     * milliseconds. Asked before the {@link #key} is looked up, while it is made beside: empty (the default) when the
     * whole model would have to be described, and the key's lookup then comes first, as a stored DDL spares the
     * provider that.
     */
    default Optional<List<String>> describedAlone(int serverMajorVersion) {
        return Optional.empty();
    }

    /**
     * Told that the entity cache held {@code ddl} under this source's {@link #key} for {@code serverMajorVersion}, so
     * that the provider was not asked: a source that keeps the model it last described (a watch's) keeps this one.
     */
    default void held(int serverMajorVersion, String key, List<String> ddl) {}

    /** What a source made by {@link #of} does when the cache held its DDL ({@link #held}). */
    @FunctionalInterface
    interface Held {
        /**
         * Told the DDL the cache held for {@code serverMajorVersion}.
         *
         * @param unchanged whether the key is still the one the DDL was found under: asked after reading what the key
         *     stands for, it says that what was read is what the DDL describes
         */
        void held(int serverMajorVersion, List<String> ddl, BooleanSupplier unchanged);
    }

    /**
     * The DDL of {@code entities}, which {@code generate} asks the provider for, keyed by the
     * entities, the class path the provider runs with and the server's major version
     * ({@link EntitySchemaCache#ddlKey}).
     */
    static EntityDdlSource of(EntityDdl entities, List<Path> classpath, IntFunction<List<String>> generate) {
        return of(entities, classpath, generate, (major, ddl, unchanged) -> {});
    }

    /** As {@link #of(EntityDdl, List, IntFunction)}, {@code held} told the DDL the cache held ({@link #held}). */
    static EntityDdlSource of(EntityDdl entities, List<Path> classpath, IntFunction<List<String>> generate, Held held) {
        return of(entities, classpath, generate, major -> Optional.empty(), held);
    }

    /**
     * As {@link #of(EntityDdl, List, IntFunction, Held)}, {@code alone} writing the DDL without describing the whole
     * model when it can ({@link #describedAlone}).
     */
    static EntityDdlSource of(
            EntityDdl entities,
            List<Path> classpath,
            IntFunction<List<String>> generate,
            IntFunction<Optional<List<String>>> alone,
            Held held) {
        List<Path> elements = List.copyOf(classpath);
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return EntitySchemaCache.ddlKey(entities, elements, serverMajorVersion);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return generate.apply(serverMajorVersion);
            }

            @Override
            public Optional<List<String>> describedAlone(int serverMajorVersion) {
                return alone.apply(serverMajorVersion);
            }

            @Override
            public void held(int serverMajorVersion, String key, List<String> ddl) {
                held.held(serverMajorVersion, ddl, () -> key.equals(key(serverMajorVersion)));
            }
        };
    }

    /**
     * No DDL: the desired schema is declared in files alone ({@link dev.migrate.autogen.objects.SqlSchemaFiles}),
     * which the comparison applies as declared statements; {@code key} stands for those files.
     *
     * <pre>{@code
     * EntityDdlSource.none(files.key())
     * }</pre>
     */
    static EntityDdlSource none(String key) {
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return key;
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return List.of();
            }
        };
    }

    /**
     * What this source is, as the log names what it compared: {@code the entities}, {@code the SQL schema files in
     * src/main/resources/db/schema}.
     *
     * <pre>{@code
     * log.info("The schema at head matched " + source.described() + ".");
     * }</pre>
     */
    default String described() {
        return ENTITIES;
    }

    /**
     * This source, {@linkplain #described described} as {@code described}: its key and DDL are this one's.
     *
     * <pre>{@code
     * EntityDdlSource.none(files.key()).describedAs("the SQL schema files in db/schema")
     * }</pre>
     */
    default EntityDdlSource describedAs(String described) {
        EntityDdlSource source = this;
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return source.key(serverMajorVersion);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return source.generate(serverMajorVersion);
            }

            @Override
            public Optional<List<String>> describedAlone(int serverMajorVersion) {
                return source.describedAlone(serverMajorVersion);
            }

            @Override
            public void held(int serverMajorVersion, String key, List<String> ddl) {
                source.held(serverMajorVersion, key, ddl);
            }

            @Override
            public String described() {
                return described;
            }
        };
    }
}
