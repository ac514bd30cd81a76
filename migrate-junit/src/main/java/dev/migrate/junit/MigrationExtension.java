package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.tooling.MigratorTools;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives test parameters of type {@link MigrationDatabase}, {@link DataSource} and {@link Connection}
 * one fresh database per test on the run's embedded PostgreSQL, at the revision of the test's
 * {@link MigrateTo} (base without one). Registered by {@link MigrateTo}, {@link MigrationChain} and
 * {@link MigrationChainTests}.
 */
public final class MigrationExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MigrationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MigrationDatabase.class || type == DataSource.class || type == Connection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(
                    "A migration database is given to test methods only, not to " + parameter.getDeclaringExecutable()
                            + ": each test gets a fresh one. Take it as a parameter of the test method.");
        }
        MigrationDatabase database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == MigrationDatabase.class) {
            return database;
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        try {
            Connection connection = database.dataSource().getConnection();
            context.getStore(NAMESPACE).put(new Object(), StoredResource.of(connection));
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException(
                    "Could not connect to the test's " + database + ": " + e.getMessage(), e);
        }
    }

    /** The test's database, made and moved to its revision on first use, dropped when the test ends. */
    private static MigrationDatabase database(ExtensionContext context) {
        return stored(context, PreparedDatabase.class, () -> prepare(context)).database();
    }

    /**
     * The value kept in {@code context}'s store under its type, made on first use and closed when the
     * context ends, by every JUnit 5 version (see {@link StoredResource}).
     */
    private static <T extends AutoCloseable> T stored(ExtensionContext context, Class<T> type, Supplier<T> make) {
        StoredResource<?> resource = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(type, key -> StoredResource.of(make.get()), StoredResource.class);
        return type.cast(resource.value());
    }

    private static PreparedDatabase prepare(ExtensionContext context) {
        TestServer server = stored(context.getRoot(), TestServer.class, () -> TestServer.start(serverLog()));
        TestServer.TestDatabase created = server.createDatabase();
        try {
            Class<?> testClass = context.getRequiredTestClass();
            ChainSettings settings = ChainSettings.of(testClass);
            Migrator migrator = settings.migrator(created.dataSource(), testClass.getClassLoader());
            // the run's own server: the roles the migrations grant to are made there, as on a throwaway one
            MigratorTools.of(migrator).createRolesOn(created.dataSource(), ChainChecks.TestLog.INSTANCE::info);
            MigrationDatabase database =
                    new MigrationDatabase(created.name(), created.dataSource(), migrator, server, settings);
            Optional<MigrateTo> target = migrateTo(context);
            if (target.isPresent()) {
                MigrateTo to = target.get();
                try {
                    database.upgrade(
                            to.module().isEmpty()
                                    ? to.value()
                                    : ModuleSlice.of(to.module().strip(), migrator)
                                            .target(to.value(), migrator));
                } catch (MigrateException e) {
                    throw new MigrateException(
                            written(to) + " on " + context.getDisplayName() + " could not be reached: "
                                    + e.getMessage(),
                            e);
                }
            }
            return new PreparedDatabase(database, created);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
    }

    /** The annotation as the test wrote it, for messages. */
    private static String written(MigrateTo to) {
        return to.module().isEmpty()
                ? "@MigrateTo(\"" + to.value() + "\")"
                : "@MigrateTo(" + (to.value().equals("heads") ? "" : "value = \"" + to.value() + "\", ") + "module = \""
                        + to.module() + "\")";
    }

    /** The method's {@link MigrateTo}, else its class's (or an enclosing class's). */
    private static Optional<MigrateTo> migrateTo(ExtensionContext context) {
        Optional<ExtensionContext> level = Optional.of(context);
        while (level.isPresent()) {
            Optional<AnnotatedElement> element = level.get().getElement();
            Optional<MigrateTo> found = element.flatMap(e -> AnnotationSupport.findAnnotation(e, MigrateTo.class));
            if (found.isPresent()) {
                return found;
            }
            level = level.get().getParent();
        }
        return Optional.empty();
    }

    /** The server's own output goes to the build directory when there is one, not into the test log. */
    private static Path serverLog() {
        Path target = Path.of("target");
        Path directory = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return directory.resolve("migrate-junit").resolve("postgres.log");
    }

    private record PreparedDatabase(MigrationDatabase database, TestServer.TestDatabase created)
            implements AutoCloseable {
        @Override
        public void close() {
            created.close();
        }
    }
}
