package dev.migrate.autogen.entity;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.ProviderJars.Artifact;
import dev.migrate.autogen.entity.matrix.Customer;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rich entity model ({@code dev.migrate.autogen.entity.matrix}) through the entity bridge on each JPA
 * provider line, each from Maven Central in a class loader of its own: the DDL comes back without a connection to
 * the data source the properties name, and creates the model on PostgreSQL.
 *
 * <p>One line per major runs by default; {@code -Dmigrate.providers=all} runs every line ({@link #lines()}).
 */
@LongSuite
class ProviderMatrixTest {
    private static final String MODEL = Customer.class.getPackageName();

    /** A provider line: its name, its artifact, and whether it runs by default. */
    record Line(String name, Artifact artifact, boolean byDefault) {
        @Override
        public String toString() {
            return name + " (" + artifact.version() + ")";
        }
    }

    private static final List<Line> LINES = List.of(
            hibernate("Hibernate 6.2", "6.2.49.Final", true),
            hibernate("Hibernate 6.4", "6.4.10.Final", false),
            hibernate("Hibernate 6.5", "6.5.3.Final", false),
            hibernate("Hibernate 6.6", System.getProperty("migrate.test.hibernate6", "6.6.56.Final"), true),
            hibernate("Hibernate 7.0", "7.0.10.Final", false),
            hibernate("Hibernate 7.1", "7.1.35.Final", false),
            hibernate("Hibernate 7.2", "7.2.25.Final", false),
            hibernate("Hibernate 7.3", "7.3.13.Final", false),
            hibernate("Hibernate 7.4", System.getProperty("migrate.test.hibernate7", "7.4.6.Final"), true),
            // on Jakarta Persistence 4.0 (a milestone), whose PersistenceUnitInfo the bridge must implement too
            hibernate("Hibernate 8.0 on Jakarta Persistence 4.0", "8.0.0.Beta1", true),
            new Line("EclipseLink 4.0", new Artifact("org.eclipse.persistence", "eclipselink", "4.0.9"), true));

    private static final List<String> TABLES = List.of(
            "matrix_album",
            "matrix_book",
            "matrix_customer",
            "matrix_customer_address",
            "matrix_customer_tag",
            "matrix_login_event",
            "matrix_order_event",
            "matrix_payment",
            "matrix_product");

    private static Line hibernate(String name, String version, boolean byDefault) {
        return new Line(name, new Artifact("org.hibernate.orm", "hibernate-core", version), byDefault);
    }

    /**
     * The lines to run: those marked to run by default; every line with {@code -Dmigrate.providers=all}; or those
     * whose name or version contains one of the comma-separated words of {@code -Dmigrate.providers}, such as
     * {@code 6.4,EclipseLink}.
     */
    static Stream<Line> lines() {
        String chosen = System.getProperty("migrate.providers", "").strip();
        if (chosen.isEmpty()) {
            if (bridgeChanged()) {
                System.out.println("[provider matrix] the entity bridge changed since the whole matrix last passed on"
                        + " it: every line runs (record it with -Dmigrate.providers=all -Dmigrate.regenerate=true)");
                return LINES.stream();
            }
            return LINES.stream().filter(Line::byDefault);
        }
        List<String> words = List.of(chosen.split("\\s*,\\s*"));
        return LINES.stream()
                .filter(line -> words.contains("all")
                        || words.stream().anyMatch(w -> line.toString().contains(w)));
    }

    private static final class Jars {
        static final Map<Artifact, List<Path>> RESOLVED;
        static final long MILLIS;

        static {
            long start = System.nanoTime();
            RESOLVED = ProviderJars.of(lines().map(Line::artifact).toList());
            MILLIS = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[provider matrix] jars of " + RESOLVED.size() + " lines resolved in " + MILLIS + " ms");
        }
    }

    /** docs/reference/compatibility.md: a row per line of the matrix, with its version and whether it runs by default. */
    @Test
    void theCompatibilityPageNamesEachLineAsTheMatrixRunsIt() throws IOException {
        Path page = Path.of("..", "docs", "reference", "compatibility.md");
        List<String> rows = Files.readAllLines(page).stream()
                .filter(row -> row.startsWith("| Hibernate") || row.startsWith("| EclipseLink"))
                .toList();
        for (Line line : LINES) {
            String row = "| " + line.name() + " | " + line.artifact().version() + " | "
                    + (line.byDefault() ? "yes" : "no") + " | ";
            assertThat(rows).as("%s's row in %s", line, page).anyMatch(r -> r.startsWith(row));
        }
        assertThat(rows).as("rows of %s, one per line of the matrix", page).hasSize(LINES.size());
    }

    /** The bridge, whose change runs every line in the default build until the whole matrix passes on it. */
    private static final Path BRIDGE = Path.of("src/main/java/dev/migrate/autogen/entity/EntityDdlBridge.java");

    /** The digest of the bridge the whole matrix last passed on. */
    private static final Path PASSED_ON = Path.of("src/test/resources/provider-matrix-bridge.sha256");

    private static final Set<Line> RAN = ConcurrentHashMap.newKeySet();
    private static final Set<Line> FAILED = ConcurrentHashMap.newKeySet();

    static boolean bridgeChanged() {
        try {
            return !Files.isRegularFile(PASSED_ON)
                    || !Files.readString(PASSED_ON).strip().equals(digest(BRIDGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(Path file) {
        try {
            byte[] text = Files.readString(file).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** With {@code -Dmigrate.regenerate=true}, records the bridge the whole matrix has just passed on. */
    @AfterAll
    static void recordTheBridgeTheWholeMatrixPassedOn() throws IOException {
        if (Boolean.getBoolean("migrate.regenerate") && RAN.containsAll(LINES) && FAILED.isEmpty()) {
            Files.writeString(PASSED_ON, digest(BRIDGE) + "\n");
            System.out.println("[provider matrix] recorded the bridge the whole matrix passed on in " + PASSED_ON);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void theModelsDdlComesBackOfflineAndCreatesTheModel(Line line) throws Exception {
        RAN.add(line);
        try {
            check(line);
        } catch (Exception | AssertionError e) {
            FAILED.add(line);
            throw e;
        }
    }

    private void check(Line line) throws Exception {
        List<Path> jars = Objects.requireNonNull(Jars.RESOLVED.get(line.artifact()));
        try (URLClassLoader loader = loader(jars)) {
            if (line.name().endsWith("Jakarta Persistence 4.0")) {
                // the type 4.0 moves is gone: the bridge below runs without it
                assertThatThrownBy(() ->
                                Class.forName("jakarta.persistence.spi.PersistenceUnitTransactionType", false, loader))
                        .isInstanceOf(ClassNotFoundException.class);
            }
            SilentServer database = new SilentServer();
            long start = System.nanoTime();
            List<String> ddl;
            try (database) {
                ddl = ddl(loader, database.url());
            } catch (RuntimeException e) {
                assertThat(database.asked)
                        .as("%s connected to the database its settings name while reading the model", line)
                        .hasValue(0);
                if (line.artifact().version().startsWith("6.2.")) {
                    // Hibernate 6.2 has no SQL array type: the user is told so, naming the provider and the column
                    assertThatThrownBy(() -> new EntityDdl(List.of(testClasses()), List.of(MODEL), null, Map.of())
                                    .generate(loader, TestPostgres.defaultMajor()))
                            .isInstanceOf(MigrateException.class)
                            .hasMessageContaining("(org.hibernate.jpa.HibernatePersistenceProvider 6.2.")
                            .hasMessageContaining("column 'nicknames' of table 'matrix_customer'")
                            .hasMessageContaining("ARRAY")
                            .hasMessageContaining("(entity " + Customer.class.getName() + ", field nicknames)")
                            .hasMessageContaining("Move to Hibernate 6.4 or later")
                            .hasMessageNotContaining("\tat ");
                    System.out.printf(
                            "[provider matrix] %s: no SQL arrays, said so in %d ms%n", line, millisSince(start));
                    return;
                }
                throw new AssertionError(line + ": " + e.getMessage(), e);
            }
            long generated = System.nanoTime();
            assertThat(database.asked)
                    .as("%s connected to the database its settings name while writing the script", line)
                    .hasValue(0);
            List<String> tables = new ArrayList<>();
            try (Connection c = TestPostgres.freshDatabase("provider_matrix").getConnection();
                    Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    if (line.name().startsWith("EclipseLink") && sql.contains("matrix_payment")) {
                        // EclipseLink 4.0 writes an identity column as "BIGINT SERIAL", which PostgreSQL rejects:
                        // the payments' table (and so its foreign key) cannot be created, and the user is told so
                        assertThat(ddl).anyMatch(d -> d.startsWith("CREATE TABLE matrix_payment (ID BIGINT SERIAL "));
                        assertThatThrownBy(() -> new EntityDdl(List.of(testClasses()), List.of(MODEL), null, Map.of())
                                        .generate(loader, TestPostgres.defaultMajor()))
                                .isInstanceOf(MigrateException.class)
                                .hasMessageStartingWith(
                                        "The JPA provider (org.eclipse.persistence.jpa.PersistenceProvider" + " 4.0.9.")
                                .hasMessageEndingWith(
                                        ") writes the identity column ID of matrix_payment as 'BIGINT SERIAL', which"
                                                + " PostgreSQL refuses. Generate its id with GenerationType.SEQUENCE, or give"
                                                + " the column a columnDefinition PostgreSQL takes (\"bigint generated by"
                                                + " default as identity\").");
                        continue;
                    }
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError(line + "'s statement " + sql + " failed: " + e.getMessage(), e);
                    }
                }
                try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                assertThat(tables)
                        .as(line + " created")
                        .containsAll(
                                line.name().startsWith("EclipseLink")
                                        ? TABLES.stream()
                                                .filter(t -> !t.equals("matrix_payment"))
                                                .toList()
                                        : TABLES);
                assertThat(columnTypes(s, "matrix_customer"))
                        .as(line + "'s customer")
                        .containsAllEntriesOf(expectedTypes(line));
            }
            System.out.printf(
                    "[provider matrix] %s: %d statements in %d ms, created on PostgreSQL %d in %d ms%n",
                    line,
                    ddl.size(),
                    (generated - start) / 1_000_000,
                    TestPostgres.defaultMajor(),
                    (System.nanoTime() - generated) / 1_000_000);
        }
    }

    /**
     * The model's DDL from the bridge in {@code loader}, called as {@link EntityDdl#generate} calls it but with a
     * database URL among the properties, which a provider that connects while writing the script would reach.
     */
    @SuppressWarnings("unchecked")
    private static List<String> ddl(ClassLoader loader, String databaseUrl) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.database-product-name", "PostgreSQL");
        properties.put("jakarta.persistence.database-major-version", Integer.toString(TestPostgres.defaultMajor()));
        properties.put("jakarta.persistence.database-minor-version", "0");
        // a project's settings that name its database, as a Spring or Jakarta EE project's do
        properties.put("jakarta.persistence.jdbc.url", databaseUrl);
        properties.put("hibernate.connection.url", databaseUrl);
        Map<String, Object> request = new HashMap<>();
        request.put(EntityDdlBridge.CLASS_DIRECTORIES, List.of(testClasses().toString()));
        request.put(EntityDdlBridge.PACKAGES, List.of(MODEL));
        request.put(EntityDdlBridge.PROPERTIES, properties);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return ((Function<Map<String, Object>, List<String>>)
                            Class.forName(EntityDdlBridge.class.getName(), true, loader)
                                    .asSubclass(Function.class)
                                    .getConstructor()
                                    .newInstance())
                    .apply(request);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A server that takes connections and never answers, counting them: the database a project's settings name,
     * which a provider that connects while writing the script would reach (and hang on, until the driver's timeout).
     */
    private static final class SilentServer implements AutoCloseable {
        final AtomicInteger asked = new AtomicInteger();
        private final ServerSocket socket;
        private final List<Socket> taken = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try {
                                taken.add(socket.accept());
                                asked.incrementAndGet();
                            } catch (IOException e) {
                                return; // closed
                            }
                        }
                    },
                    "provider-matrix-silent-server");
            accepting.setDaemon(true);
            accepting.start();
        }

        /** A JDBC URL of this server, with timeouts so that a provider that connects fails in seconds. */
        String url() {
            return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/nowhere?connectTimeout=3&socketTimeout=3";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : taken) {
                s.close();
            }
        }
    }

    /** What each line makes of the customer's columns. */
    private static Map<String, String> expectedTypes(Line line) {
        if (line.name().startsWith("EclipseLink")) {
            // what EclipseLink 4.0 cannot do: an OffsetDateTime loses its offset, JSON (a Hibernate type code) is
            // text, an array is serialized to bytes
            return Map.of(
                    "id", "uuid",
                    "joinedat", "timestamp without time zone",
                    "preferences", "character varying(255)",
                    "nicknames", "bytea",
                    "credit", "bigint",
                    "tier", "character varying(10)");
        }
        return Map.of(
                "id", "uuid",
                "joinedat", "timestamp(6) with time zone",
                "preferences", "jsonb",
                "nicknames", "character varying(255)[]",
                "credit", "bigint",
                "tier", "character varying(10)");
    }

    private static Map<String, String> columnTypes(Statement s, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery("select attname, format_type(atttypid, atttypmod) from pg_attribute"
                + " where attrelid = '" + table + "'::regclass and attnum > 0 and not attisdropped")) {
            while (r.next()) {
                types.put(r.getString(1), r.getString(2));
            }
        }
        return types;
    }

    /** The line's jars, the PostgreSQL driver, migrate's bridge and the model, over the JDK alone. */
    private static URLClassLoader loader(List<Path> jars) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            urls.add(jar.toUri().toURL());
        }
        urls.add(location(org.postgresql.Driver.class).toUri().toURL());
        urls.add(location(EntityDdlBridge.class).toUri().toURL());
        urls.add(testClasses().toUri().toURL());
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Path testClasses() {
        return location(Customer.class);
    }
}
