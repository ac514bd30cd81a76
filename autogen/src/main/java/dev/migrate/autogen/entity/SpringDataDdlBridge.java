package dev.migrate.autogen.entity;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Writes the PostgreSQL DDL of a project's Spring Data JDBC or R2DBC aggregates from Spring Data's own mapping
 * model, in the project's class loader.
 *
 * <p>Like {@link EntityDdlBridge}, it is loaded by the project's loader, so that it links against the project's
 * Spring Data; its input and output are JDK types, and its failures JDK exceptions whose message is for the user
 * ({@link SpringDataDdl} is the caller's side). It finds the aggregates and the naming strategy among the project's
 * classes and makes the mapping context of the project's Spring Data module; {@link AggregateTables} writes the
 * tables.
 */
public final class SpringDataDdlBridge implements Function<Map<String, Object>, List<String>> {
    static final String CLASS_DIRECTORIES = "classDirectories";
    static final String PACKAGES = "packages";
    static final String MAPPING_CONTEXT = "mappingContext";

    private static final String REPOSITORY = "org.springframework.data.repository.Repository";
    static final String R2DBC_CONTEXT = "org.springframework.data.r2dbc.mapping.R2dbcMappingContext";
    private static final String TABLE_DESCRIPTOR = "Lorg/springframework/data/relational/core/mapping/Table;";

    @Override
    @SuppressWarnings("unchecked")
    public List<String> apply(Map<String, Object> request) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> directories = (List<String>) request.getOrDefault(CLASS_DIRECTORIES, List.of());
        List<String> packages = (List<String>) request.getOrDefault(PACKAGES, List.of());
        List<Class<?>> classes = classes(loader, ClassNames.in(directories, packages));
        RelationalMappingContext context =
                context(loader, (String) request.get(MAPPING_CONTEXT), namingStrategy(classes));
        Set<Class<?>> aggregates = aggregates(classes);
        AggregateTables tables = new AggregateTables(context);
        for (Class<?> aggregate : aggregates) {
            tables.root(context.getRequiredPersistentEntity(aggregate));
        }
        return tables.ddl();
    }

    /** The classes of {@code names}: one that names {@code @Table} and cannot be loaded fails, naming what it lacks. */
    private static List<Class<?>> classes(ClassLoader loader, List<String> names) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                if (declaresTable(loader, name)) {
                    throw new IllegalArgumentException("The aggregate " + name + " cannot be loaded: " + e
                            + ". Add the dependency that provides the class it names to the project's dependencies.");
                }
            }
        }
        return classes;
    }

    private static boolean declaresTable(ClassLoader loader, String name) {
        try (var in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in != null
                    && new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(TABLE_DESCRIPTOR);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The aggregate roots: the classes annotated {@code @Table} (what Spring Boot scans for) and the domain types of
     * the repositories declared among the classes, in the order found.
     */
    static Set<Class<?>> aggregates(List<Class<?>> classes) {
        Set<Class<?>> roots = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Table.class) && !type.isInterface() && !isAbstract(type)) {
                roots.add(type);
            }
        }
        for (Class<?> type : classes) {
            if (type.isInterface()) {
                Class<?> domain = repositoryDomainType(type);
                if (domain != null && !isAbstract(domain)) {
                    roots.add(domain);
                }
            }
        }
        return roots;
    }

    private static boolean isAbstract(Class<?> type) {
        return Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
    }

    /** The first type argument of the Spring Data repository {@code type} extends, when it is a class. */
    private static @Nullable Class<?> repositoryDomainType(Class<?> type) {
        for (Type parent : type.getGenericInterfaces()) {
            if (parent instanceof ParameterizedType parameterized
                    && parameterized.getRawType() instanceof Class<?> raw
                    && isRepository(raw)
                    && parameterized.getActualTypeArguments().length > 0
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> domain) {
                return domain;
            }
            if (parent instanceof Class<?> plain) {
                Class<?> inherited = repositoryDomainType(plain);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    private static boolean isRepository(Class<?> type) {
        if (type.getName().equals(REPOSITORY)) {
            return true;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isRepository(parent)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The project's naming strategy: the one class among its classes that implements {@link NamingStrategy} with a
     * constructor without parameters, or Spring Data's default when there is none.
     */
    static NamingStrategy namingStrategy(List<Class<?>> classes) {
        List<Class<?>> strategies = classes.stream()
                .filter(NamingStrategy.class::isAssignableFrom)
                .filter(type -> !type.isInterface() && !isAbstract(type) && !type.isAnonymousClass())
                .toList();
        if (strategies.isEmpty()) {
            return DefaultNamingStrategy.INSTANCE;
        }
        if (strategies.size() > 1) {
            throw new IllegalArgumentException("The project declares " + strategies.size() + " Spring Data naming"
                    + " strategies (" + strategies.stream().map(Class::getName).toList() + "), and migrate cannot"
                    + " tell which one the application uses. Keep one in the entity packages, or name the packages of"
                    + " the aggregates and the strategy the application uses with entityPackages.");
        }
        Class<?> strategy = strategies.get(0);
        try {
            return (NamingStrategy) strategy.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("The Spring Data naming strategy " + strategy.getName()
                    + " cannot be made with a constructor without parameters (" + e + "). Give it one, so that"
                    + " migrate names the tables and columns as the application does.");
        }
    }

    /**
     * The mapping context the project's Spring Data module uses ({@code JdbcMappingContext} quotes identifiers,
     * {@code R2dbcMappingContext} does not), else the relational module's own.
     */
    private static RelationalMappingContext context(
            ClassLoader loader, @Nullable String contextClass, NamingStrategy naming) {
        if (contextClass == null) {
            return new RelationalMappingContext(naming);
        }
        try {
            RelationalMappingContext context = Class.forName(contextClass, true, loader)
                    .asSubclass(RelationalMappingContext.class)
                    .getConstructor(NamingStrategy.class)
                    .newInstance(naming);
            if (contextClass.equals(R2DBC_CONTEXT)) {
                context.setSimpleTypeHolder(r2dbcPostgresTypes(loader));
            }
            return context;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not make Spring Data's " + contextClass + ": " + e, e);
        }
    }

    /**
     * The types Spring Data R2DBC writes as they are on PostgreSQL, as an application's context has them: its
     * custom conversions for the PostgreSQL dialect (a UUID, the driver's {@code Json}, arrays), without which a
     * UUID would be taken for an entity.
     */
    private static SimpleTypeHolder r2dbcPostgresTypes(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> dialect = Class.forName("org.springframework.data.r2dbc.dialect.R2dbcDialect", true, loader);
        Object postgres = Class.forName("org.springframework.data.r2dbc.dialect.PostgresDialect", true, loader)
                .getField("INSTANCE")
                .get(null);
        CustomConversions conversions = (CustomConversions)
                Class.forName("org.springframework.data.r2dbc.convert.R2dbcCustomConversions", true, loader)
                        .getMethod("of", dialect, Object[].class)
                        .invoke(null, postgres, new Object[0]);
        return conversions.getSimpleTypeHolder();
    }
}
