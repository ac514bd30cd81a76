package dev.migrate.autogen.entity;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Persistence;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Asks the project's JPA provider for the DDL of its entity model, offline.
 *
 * <p>This class runs inside the project's class loader and touches only the JDK and the standard
 * JPA API ({@code PersistenceProvider.generateSchema}), never provider types: that is what lets one
 * build of migrate work with whichever Hibernate version the project uses. Its input and output
 * are JDK types for the same reason; {@link EntityDdl} is the caller's side.
 */
public final class EntityDdlBridge implements Function<Map<String, Object>, List<String>> {
    static final String CLASS_DIRECTORIES = "classDirectories";
    static final String PACKAGES = "packages";
    static final String PERSISTENCE_UNIT = "persistenceUnit";
    static final String PROPERTIES = "properties";

    /** Spring Boot 3's name for its implicit naming strategy, then Spring Boot 4's. */
    private static final List<String> SPRING_IMPLICIT = List.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");

    private static final List<String> MAPPING_ANNOTATIONS = List.of(
            "Ljakarta/persistence/Entity;",
            "Ljakarta/persistence/Embeddable;",
            "Ljakarta/persistence/MappedSuperclass;");
    private static final String DISTRIBUTED = "dev.migrate.annotations.Distributed";
    private static final String REFERENCE_TABLE = "dev.migrate.annotations.ReferenceTable";
    static final String HIBERNATE_PROVIDER = "org.hibernate.jpa.HibernatePersistenceProvider";

    /** The settings that name a database to connect to, which the provider is not given. */
    private static final List<String> CONNECTION_SETTINGS = List.of(
            "jakarta.persistence.jdbc.url",
            "javax.persistence.jdbc.url",
            "hibernate.connection.url",
            "hibernate.connection.datasource",
            "jakarta.persistence.jtaDataSource",
            "javax.persistence.jtaDataSource",
            "javax.persistence.nonJtaDataSource");

    /** The data source the provider is given: it refuses every connection, naming why. */
    private static final DataSource OFFLINE = (DataSource) Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getConnection" ->
                        throw new SQLException("migrate reads the entity model without a"
                                + " database: the JPA provider asked for a connection while writing its DDL script.");
                    case "getLoginTimeout" -> {
                        return 0;
                    }
                    case "isWrapperFor" -> {
                        return false;
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return args != null && proxy == args[0];
                    }
                    case "toString" -> {
                        return "no database (the entity DDL is written offline)";
                    }
                    default -> {
                        return null;
                    }
                }
            });

    private static final String CAMEL_CASE_PHYSICAL =
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

    @Override
    @SuppressWarnings("unchecked")
    public List<String> apply(Map<String, Object> request) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        StringWriter ddl = new StringWriter();
        Map<String, Object> properties =
                settings(loader, (Map<String, String>) Objects.requireNonNull(request.get(PROPERTIES)), ddl);
        String unit = (String) request.get(PERSISTENCE_UNIT);
        List<String> directories = (List<String>) request.getOrDefault(CLASS_DIRECTORIES, List.of());
        List<String> packages = (List<String>) request.getOrDefault(PACKAGES, List.of());
        List<Class<?>> classes;
        if (unit != null) {
            Persistence.generateSchema(unit, properties);
            classes = unitClasses(loader, directories, packages);
        } else {
            ClassScan scan = new ClassScan(loader, directories, packages);
            if (!scan.anyMapped()) {
                return List.of();
            }
            try {
                provider(loader)
                        .generateSchema(
                                new ScannedUnit(loader, scan::names, rootUrl(request), List.of()).info(), properties);
            } catch (RuntimeException | LinkageError e) {
                // what the scan threw first (a mapped class that cannot be loaded, named); then, touched only now
                // as it costs, a class a mapped class needs is named with the class that needs it
                scan.classes().forEach(EntityDdlBridge::requireLinkable);
                throw e;
            }
            classes = scan.classes();
        }
        List<String> statements = new ArrayList<>(statements(ddl.toString()));
        distributions(classes).forEach(d -> statements.add(d.line()));
        mappedInXml(loader, unit, directories).forEach(d -> statements.add(d.line()));
        return statements;
    }

    /**
     * What the provider is given to write its script into {@code ddl}: {@code given} (the dialect's version, the
     * project's settings), the naming Spring Boot uses when it is there, offline, and no connection ever.
     */
    static Map<String, Object> settings(ClassLoader loader, Map<String, String> given, StringWriter ddl) {
        Map<String, Object> properties = new HashMap<>(given);
        springNamingWhenPresent(loader, properties);
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.put("jakarta.persistence.schema-generation.scripts.action", "create");
        properties.put("jakarta.persistence.schema-generation.scripts.create-target", ddl);
        properties.put("jakarta.persistence.schema-generation.create-source", "metadata");
        properties.put("hibernate.hbm2ddl.delimiter", ";");
        properties.put("hibernate.format_sql", "false");
        // offline: Hibernate 6.5 and later read the first, 6.4 and earlier only the second
        properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        if (hibernateBefore65(loader)) {
            properties.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        }
        // EclipseLink ends its statements with the delimiter only when asked
        properties.put("eclipselink.ddlgen-terminate-statements", "true");
        // never a connection: with a JDBC URL among the project's settings or in its persistence.xml, every
        // Hibernate line opens a pool on it while writing the script, whatever the switches above say; a data
        // source, which providers take before a URL, that refuses every connection keeps them off the database
        properties.put("jakarta.persistence.nonJtaDataSource", OFFLINE);
        CONNECTION_SETTINGS.forEach(properties::remove);
        return properties;
    }

    /**
     * The provider's DDL for a persistence unit of {@code classes} alone, loaded by {@code loader}, with the mapping
     * files {@code mappingFiles} that {@code loader} serves.
     */
    static List<String> script(
            ClassLoader loader, List<String> classes, List<String> mappingFiles, Map<String, String> given) {
        StringWriter ddl = new StringWriter();
        Map<String, Object> properties = settings(loader, given, ddl);
        provider(loader).generateSchema(new ScannedUnit(loader, () -> classes, null, mappingFiles).info(), properties);
        return statements(ddl.toString());
    }

    /**
     * The Citus distributions the entities mapped in XML declare ({@link OrmXmlDistributions}): in the mapping
     * files of the persistence unit {@code unit} and its {@code META-INF/orm.xml}, or, without a unit, in the
     * {@code META-INF/orm.xml} of the class directories.
     */
    private static List<DeclaredDistribution> mappedInXml(
            ClassLoader loader, @Nullable String unit, List<String> directories) {
        List<DeclaredDistribution> declared = new ArrayList<>();
        if (unit == null) {
            for (String directory : directories) {
                Path orm = Path.of(directory).resolve(OrmXmlDistributions.DEFAULT_MAPPING_FILE);
                if (Files.isRegularFile(orm)) {
                    try {
                        OrmXmlDistributions.read(orm.toUri().toURL(), orm.toString(), declared);
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return declared;
        }
        List<String> files = new ArrayList<>(PersistenceXml.mappingFiles(loader, unit));
        if (!files.contains(OrmXmlDistributions.DEFAULT_MAPPING_FILE)) {
            files.add(OrmXmlDistributions.DEFAULT_MAPPING_FILE);
        }
        files.forEach(file -> declared.addAll(OrmXmlDistributions.of(loader, file)));
        return declared;
    }

    /**
     * The Citus distributions the entity classes among {@code classes} declare. The annotations are
     * matched by name: the project may have {@code migrate-annotations} on its classpath or not, and this
     * class never links to it.
     */
    private static List<DeclaredDistribution> distributions(List<Class<?>> classes) {
        List<DeclaredDistribution> declared = new ArrayList<>();
        for (Class<?> type : classes) {
            String name = type.getName();
            Entity entity = type.getAnnotation(Entity.class);
            if (entity == null) {
                continue;
            }
            jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
            String entityName = entity.name().isEmpty() ? type.getSimpleName() : entity.name();
            String schema = table == null ? "" : table.schema();
            String tableName = table == null ? "" : table.name();
            for (Annotation a : type.getAnnotations()) {
                String annotation = a.annotationType().getName();
                if (annotation.equals(DISTRIBUTED)) {
                    declared.add(new DeclaredDistribution(
                            DeclaredDistribution.Kind.DISTRIBUTED,
                            name,
                            entityName,
                            schema,
                            tableName,
                            (String) member(a, "column"),
                            (String) member(a, "colocateWith"),
                            (Integer) member(a, "shardCount")));
                } else if (annotation.equals(REFERENCE_TABLE)) {
                    declared.add(new DeclaredDistribution(
                            DeclaredDistribution.Kind.REFERENCE, name, entityName, schema, tableName, "", "", 1));
                }
            }
        }
        return declared;
    }

    /**
     * The mapped classes of the class directories, for the distributions a persistence unit's entities
     * declare; none when a class there cannot be loaded, since the unit may well leave it out.
     */
    private static List<Class<?>> unitClasses(ClassLoader loader, List<String> directories, List<String> packages) {
        try {
            return managedClasses(loader, directories, packages);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Object member(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "The annotation " + annotation.annotationType().getName() + " has no member " + name
                            + "(): use the migrate-annotations of this version of migrate.",
                    e);
        }
    }

    /** Spring Boot names tables and columns in snake case; a Boot project gets the same names here. */
    private static void springNamingWhenPresent(ClassLoader loader, Map<String, Object> properties) {
        Optional<String> implicit =
                SPRING_IMPLICIT.stream().filter(name -> isPresent(loader, name)).findFirst();
        if (implicit.isEmpty()) {
            return;
        }
        properties.putIfAbsent("hibernate.implicit_naming_strategy", implicit.get());
        if (isPresent(loader, CAMEL_CASE_PHYSICAL)) {
            properties.putIfAbsent("hibernate.physical_naming_strategy", CAMEL_CASE_PHYSICAL);
        }
    }

    private static boolean isPresent(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether the project's provider is Hibernate older than 6.5, which reads only its older switch for not
     * connecting at boot; its version is read from its jar's manifest, so that no Hibernate type is named here.
     */
    static boolean hibernateBefore65(ClassLoader loader) {
        Package hibernate;
        try {
            hibernate = Class.forName(HIBERNATE_PROVIDER, false, loader).getPackage();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        String version = hibernate == null ? null : hibernate.getImplementationVersion();
        return version == null || before65(version);
    }

    static boolean before65(String version) {
        String[] parts = version.split("\\.", 3);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 6 || (major == 6 && minor < 5);
        } catch (NumberFormatException e) {
            return true; // an unreadable version: the older switch too, which later versions ignore
        }
    }

    private static PersistenceProvider provider(ClassLoader loader) {
        Iterator<PersistenceProvider> providers =
                ServiceLoader.load(PersistenceProvider.class, loader).iterator();
        if (!providers.hasNext()) {
            throw new IllegalStateException("No JPA provider was found on the project's classpath. Add Hibernate "
                    + "(org.hibernate.orm:hibernate-core) as a dependency.");
        }
        return providers.next();
    }

    /** Hibernate writes one statement per line, each ended by the delimiter. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.isBlank() && current.length() == 0) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * The mapped classes of the class directories, loaded on a thread of their own from the moment this is made:
     * meanwhile the provider starts its services (most of a cold start), and it waits for them only when it asks
     * for their names ({@link ScannedUnit#getManagedClassNames}), to read their mapping.
     */
    private static final class ClassScan {
        /** True once a first mapped class is found, false when the scan ends without one. */
        private final CompletableFuture<Boolean> anyMapped = new CompletableFuture<>();

        private final CompletableFuture<List<Class<?>>> classes = new CompletableFuture<>();
        private final CompletableFuture<List<String>> names =
                classes.thenApply(found -> found.stream().map(Class::getName).toList());

        ClassScan(ClassLoader loader, List<String> directories, List<String> packages) {
            Thread scan = new Thread(
                    () -> {
                        try {
                            List<Class<?>> found =
                                    managedClasses(loader, directories, packages, () -> anyMapped.complete(true));
                            anyMapped.complete(!found.isEmpty());
                            classes.complete(found);
                        } catch (RuntimeException | Error e) {
                            anyMapped.completeExceptionally(e);
                            classes.completeExceptionally(e);
                        }
                    },
                    "migrate-entity-scan");
            scan.setDaemon(true);
            scan.start();
        }

        /** Whether the class directories hold a mapped class: waits for the first, or for the whole scan. */
        boolean anyMapped() {
            return joined(anyMapped);
        }

        /** The mapped classes, once all are loaded; throws what the scan threw. */
        List<Class<?>> classes() {
            return joined(classes);
        }

        List<String> names() {
            return joined(names);
        }

        private static <T> T joined(CompletableFuture<T> future) {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    private static List<Class<?>> managedClasses(ClassLoader loader, List<String> directories, List<String> packages) {
        return managedClasses(loader, directories, packages, () -> {});
    }

    /** The mapped classes of {@code directories}, {@code firstFound} run when the first is found. */
    private static List<Class<?>> managedClasses(
            ClassLoader loader, List<String> directories, List<String> packages, Runnable firstFound) {
        List<String> names = ClassNames.in(directories, packages);
        List<Class<?>> managed = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                if (declaresMapping(loader, name)) {
                    throw missing(
                            name, e instanceof TypeNotPresentException t ? t.typeName() : e.getMessage(), "itself");
                }
                continue; // not loadable alone (for example, a class whose optional dependency is absent): not an
                // entity
            }
            if (annotated(type, Entity.class)
                    || annotated(type, Embeddable.class)
                    || annotated(type, MappedSuperclass.class)
                    || annotated(type, Converter.class)) {
                managed.add(type);
                if (managed.size() == 1) {
                    firstFound.run();
                }
            }
        }
        return managed;
    }

    /**
     * Touches what the provider will read of a mapped class (its annotations with their class
     * values, such as listeners and converters, and its fields and methods with their types), so
     * that a class missing from the classpath is named with the entity that needs it, not as a
     * provider error deep in the model.
     */
    private static void requireLinkable(Class<?> type) {
        String part = "its annotations";
        try {
            touch(type.getAnnotations());
            part = "its fields";
            for (Field field : type.getDeclaredFields()) {
                part = "its field " + field.getName();
                field.getGenericType();
                touch(field.getAnnotations());
            }
            part = "its methods";
            for (Method method : type.getDeclaredMethods()) {
                part = "its method " + method.getName();
                method.getGenericReturnType();
                touch(method.getAnnotations());
            }
        } catch (TypeNotPresentException e) {
            throw missing(type.getName(), e.typeName(), part);
        } catch (LinkageError e) {
            throw missing(type.getName(), e.getMessage(), part);
        }
    }

    private static void touch(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            for (Method member : annotation.annotationType().getDeclaredMethods()) {
                try {
                    member.invoke(annotation);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r; // a TypeNotPresentException for a Class value that cannot be loaded
                    }
                } catch (IllegalAccessException ignored) {
                    // annotation members are public
                }
            }
        }
    }

    /**
     * A JDK exception, since this class and its caller live in different class loaders: the
     * message is for the user, the class name is the missing class and the key the mapped class.
     */
    private static MissingResourceException missing(String mappedClass, @Nullable String missingClass, String part) {
        String missingName = missingClass == null ? "a class" : missingClass.replace('/', '.');
        return new MissingResourceException(
                "The mapped class " + mappedClass + " needs the class " + missingName
                        + " (through " + part
                        + "), which is not on the project's classpath. Add the dependency that provides "
                        + missingName
                        + " (a dependency in test scope is not seen; provided and compile are), or exclude "
                        + mappedClass + " with entityPackages.",
                missingName,
                mappedClass);
    }

    /** Whether the class file names a JPA mapping annotation, read without loading the class. */
    private static boolean declaresMapping(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return false;
            }
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return MAPPING_ANNOTATIONS.stream().anyMatch(bytes::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean annotated(Class<?> type, Class<? extends Annotation> annotation) {
        return type.isAnnotationPresent(annotation);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable URL rootUrl(Map<String, Object> request) {
        List<String> directories = (List<String>) request.getOrDefault(CLASS_DIRECTORIES, List.of());
        try {
            return directories.isEmpty()
                    ? null
                    : Path.of(directories.get(0)).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A persistence unit made of the scanned classes, with no data source: DDL only.
     *
     * <p>It is handed to the provider as a proxy of whichever {@link PersistenceUnitInfo} the project's JPA API
     * declares rather than as a class that implements it: the interface differs between versions in a way no one
     * class can implement (Jakarta Persistence 3.2 and earlier return {@code
     * jakarta.persistence.spi.PersistenceUnitTransactionType} from {@code getTransactionType()}, 4.0 returns
     * {@code jakarta.persistence.PersistenceUnitTransactionType}, and 4.0 adds methods), so each method is
     * answered by name, and the transaction type is the constant of whichever enum the method returns.
     */
    private record ScannedUnit(
            ClassLoader loader,
            Supplier<List<String>> classes,
            @Nullable URL root,
            List<String> mappingFiles) implements InvocationHandler {
        PersistenceUnitInfo info() {
            return (PersistenceUnitInfo) Proxy.newProxyInstance(
                    PersistenceUnitInfo.class.getClassLoader(), new Class<?>[] {PersistenceUnitInfo.class}, this);
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) {
            return switch (method.getName()) {
                case "getPersistenceUnitName" -> "migrate-autogenerate";
                case "getTransactionType" -> constant(method.getReturnType(), "RESOURCE_LOCAL");
                case "getManagedClassNames", "getAllClassNames" -> classes.get();
                case "getMappingFileNames" -> mappingFiles;
                case "getQualifierAnnotationNames", "getJarFileUrls" -> List.of();
                case "getPersistenceUnitRootUrl" -> root;
                case "excludeUnlistedClasses" -> true;
                case "getSharedCacheMode" -> SharedCacheMode.UNSPECIFIED;
                case "getValidationMode" -> ValidationMode.NONE;
                case "getDefaultToOneFetchType" -> FetchType.EAGER;
                case "getProperties" -> new Properties();
                case "getPersistenceXMLSchemaVersion" -> "3.0";
                case "getClassLoader" -> loader;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> args != null && proxy == args[0];
                case "toString" -> "the persistence unit migrate-autogenerate";
                // addTransformer: no enhancement, the classes are only read for their mapping; getNewTempClassLoader:
                // none, so Hibernate sets up no enhancing transformer, which would start its bytecode library
                // (hundreds of classes, a tenth of a cold run); no provider class name, scope, or data source
                default -> null;
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object constant(Class<?> enumType, String name) {
            return Enum.valueOf((Class) enumType.asSubclass(Enum.class), name);
        }
    }
}
