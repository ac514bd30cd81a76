package dev.migrate.autogen.entity;

import dev.migrate.MigrateException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The DDL of a project's Spring Data JDBC or R2DBC aggregates, read from Spring Data's own mapping model in the
 * project's class loader ({@link SpringDataDdlBridge}), with the column types a Spring Data user expects on
 * PostgreSQL.
 *
 * <pre>{@code
 * List<String> ddl = new SpringDataDdl(List.of(classes), List.of("com.acme.orders")).generate(projectLoader);
 * }</pre>
 *
 * @param classDirectories where the project's compiled classes are ({@code target/classes})
 * @param packages the packages whose aggregates are read; empty for all
 */
public record SpringDataDdl(List<Path> classDirectories, List<String> packages) {
    /** The property that tells this source's DDL from the JPA provider's in the entity cache's keys. */
    public static final String SOURCE_PROPERTY = "migrate.source";

    public SpringDataDdl {
        classDirectories = List.copyOf(classDirectories);
        packages = List.copyOf(packages);
    }

    /** The Spring Data modules whose mapping model is read, with the mapping context each uses, first found first. */
    public enum Module {
        JDBC("Spring Data JDBC", "org.springframework.data.jdbc.core.mapping.JdbcMappingContext"),
        R2DBC("Spring Data R2DBC", SpringDataDdlBridge.R2DBC_CONTEXT);

        private final String title;
        private final String mappingContext;

        Module(String title, String mappingContext) {
            this.title = title;
            this.mappingContext = mappingContext;
        }

        /** How the build log names it: {@code Spring Data JDBC}. */
        public String title() {
            return title;
        }
    }

    /** The Spring Data module on {@code projectLoader}'s class path, JDBC before R2DBC; empty without either. */
    public static Optional<Module> module(ClassLoader projectLoader) {
        for (Module module : Module.values()) {
            if (projectLoader.getResource(module.mappingContext.replace('.', '/') + ".class") != null) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    /**
     * The DDL of the aggregates, read in {@code projectLoader}, which must see the project's classes, its Spring
     * Data and this module's {@link SpringDataDdlBridge}. Fails naming the property and the fix where the mapping
     * leaves a column type open.
     */
    public List<String> generate(ClassLoader projectLoader) {
        Module module = module(projectLoader)
                .orElseThrow(() -> new MigrateException("The project has neither Spring Data JDBC nor Spring Data"
                        + " R2DBC on its class path. Add org.springframework.data:spring-data-jdbc (or"
                        + " spring-boot-starter-data-jdbc), or spring-data-r2dbc (or spring-boot-starter-data-r2dbc),"
                        + " to its dependencies."));
        Map<String, Object> request = new HashMap<>();
        request.put(
                SpringDataDdlBridge.CLASS_DIRECTORIES,
                classDirectories.stream().map(Path::toString).toList());
        request.put(SpringDataDdlBridge.PACKAGES, packages);
        request.put(SpringDataDdlBridge.MAPPING_CONTEXT, module.mappingContext);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        try {
            return bridge(projectLoader).apply(request);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(String.valueOf(e.getMessage()), e); // names the class or property and the fix
        } catch (RuntimeException | LinkageError e) {
            throw new MigrateException(
                    module.title + " could not build the mapping model of the aggregates: " + e
                            + ". Fix the mapping (the message names the class) and run again.",
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Map<String, Object>, List<String>> bridge(ClassLoader loader) {
        try {
            // loaded from the project's loader so that it links against the project's Spring Data
            return (Function<Map<String, Object>, List<String>>)
                    Class.forName(SpringDataDdlBridge.class.getName(), true, loader)
                            .asSubclass(Function.class)
                            .getConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the Spring Data DDL bridge", e);
        }
    }
}
