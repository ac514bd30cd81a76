package dev.migrate.autogen;

import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.internal.cache.EntitySchemaCache;
import java.nio.file.Path;
import java.util.List;
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
     * The DDL of {@code entities}, which {@code generate} asks the provider for, keyed by the
     * entities, the class path the provider runs with and the server's major version
     * ({@link EntitySchemaCache#ddlKey}).
     */
    static EntityDdlSource of(EntityDdl entities, List<Path> classpath, IntFunction<List<String>> generate) {
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
            public String described() {
                return described;
            }
        };
    }
}
