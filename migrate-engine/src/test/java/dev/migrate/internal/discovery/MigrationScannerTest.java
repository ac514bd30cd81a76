package dev.migrate.internal.discovery;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.fixtures.good.V1_First;
import dev.migrate.internal.discovery.fixtures.good.V2_Second;
import dev.migrate.internal.discovery.fixtures.good.nested.V3_Nested;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.testing.Javac;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScannerTest {
    private static final String GOOD = "dev.migrate.internal.discovery.fixtures.good";
    private static final String FIXTURES_PATH = "dev/migrate/internal/discovery/fixtures";

    private final ClassLoader testLoader = MigrationScannerTest.class.getClassLoader();

    @Test
    void findsAnnotatedClassesInADirectoryIncludingSubpackages() {
        List<DiscoveredMigration> found = new MigrationScanner(testLoader, List.of(GOOD)).scan();
        assertThat(found)
                .extracting(DiscoveredMigration::type)
                .containsExactly(V1_First.class, V2_Second.class, V3_Nested.class);
        RevisionInfo second = found.get(1).info();
        assertThat(second)
                .isEqualTo(new RevisionInfo(
                        "f2", List.of("f1"), "second", Set.of("core"), List.of(), false, V2_Second.class.getName()));
        assertThat(found.get(2).info().dependsOn()).containsExactly("f1");
        RevisionGraph graph =
                RevisionGraph.of(found.stream().map(DiscoveredMigration::info).toList());
        assertThat(graph.heads()).containsExactly("f3");
    }

    @Test
    void revisionsReadFromClassFilesEqualWhatReflectionReads() {
        for (DiscoveredMigration m : new MigrationScanner(testLoader, List.of(GOOD)).scan()) {
            assertThat(m.info())
                    .isEqualTo(MigrationScanner.toInfo(m.type().getAnnotation(dev.migrate.Revision.class), m.type()));
        }
    }

    /** Loading a thousand classes is most of a short command's time: a scan must not load plain migrations. */
    @Test
    void scanningLeavesPlainMigrationClassesUnloadedUntilTheyAreUsed(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("migrations.jar");
        writeJar(testClassesRoot(), FIXTURES_PATH + "/good", jar);
        try (WatchedLoader jarLoader = new WatchedLoader(jar, new HidingLoader(testLoader))) {
            List<DiscoveredMigration> found = new MigrationScanner(jarLoader, List.of(GOOD)).scan();
            assertThat(found).extracting(m -> m.info().id()).containsExactly("f1", "f2", "f3");
            assertThat(found.get(1).info().branchLabels()).containsExactly("core");
            assertThat(found.get(1).info().transactional()).isFalse();
            assertThat(jarLoader.isLoaded(GOOD + ".V1_First")).isFalse();
            assertThat(jarLoader.isLoaded(GOOD + ".V2_Second")).isFalse();
            assertThat(jarLoader.isLoaded(GOOD + ".Helper")).isFalse();

            assertThat(found.get(0).newInstance()).isInstanceOf(Migration.class);
            assertThat(jarLoader.isLoaded(GOOD + ".V1_First")).isTrue();
            assertThat(found.get(0).type().getClassLoader()).isSameAs(jarLoader);
            assertThat(jarLoader.isLoaded(GOOD + ".V2_Second")).isFalse();
        }
    }

    @Test
    void aMigrationClassThatCannotBeLoadedLaterIsReportedByName(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("migrations.jar");
        writeJar(testClassesRoot(), FIXTURES_PATH + "/good", jar);
        List<DiscoveredMigration> found;
        try (URLClassLoader jarLoader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, new HidingLoader(testLoader))) {
            found = new MigrationScanner(jarLoader, List.of(GOOD)).scan();
        }
        Files.delete(jar); // the class file is gone by the time the migration runs
        assertThatThrownBy(() -> found.get(0).newInstance())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Could not load class " + GOOD + ".V1_First")
                .hasMessageContaining("Rebuild the project");
    }

    /**
     * A directory's class files are read to their end in 8 kB reads: a class file larger than the first read (a
     * migration with long SQL in its constants) is read whole, and one of the read's size exactly too.
     */
    @Test
    void classFilesLargerThanTheFirstReadAreReadWhole(@TempDir Path tmp) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        compileLarge(tmp, classes, 1, 0);
        compileLarge(tmp, classes, 2, 11_000);
        compileLarge(tmp, classes, 3, 39_000);
        // each character more in the constant is a byte more in the class file
        long small = Files.size(compileLarge(tmp, classes, 4, 0));
        Path exact = compileLarge(tmp, classes, 4, (int) (8192 - small));
        assertThat(Files.size(exact)).isEqualTo(8192);
        assertThat(Files.size(classes.resolve("large/V2_Large.class"))).isGreaterThan(8192);
        assertThat(Files.size(classes.resolve("large/V3_Large.class"))).isGreaterThan(4 * 8192);

        try (WatchedLoader loader = new WatchedLoader(classes, testLoader)) {
            List<DiscoveredMigration> found = new MigrationScanner(loader, List.of("large")).scan();
            assertThat(found).extracting(m -> m.info().id()).containsExactly("l1", "l2", "l3", "l4");
            for (int n = 1; n <= 4; n++) {
                // a class file read short is no class file to the reader, and its class would be loaded instead
                assertThat(loader.isLoaded("large.V" + n + "_Large"))
                        .as("V%d_Large read from its class file", n)
                        .isFalse();
            }
            assertThat(found)
                    .extracting(m -> m.info().message())
                    .containsExactly("large 1", "large 2", "large 3", "large 4");
            for (DiscoveredMigration m : found) {
                assertThat(m.info())
                        .as("what reflection reads")
                        .isEqualTo(
                                MigrationScanner.toInfo(m.type().getAnnotation(dev.migrate.Revision.class), m.type()));
            }
        }
    }

    /** Compiles migration {@code n} of a chain, with a constant of {@code extra} characters; its class file. */
    private static Path compileLarge(Path tmp, Path classes, int n, int extra) throws IOException {
        Path file = Files.createDirectories(tmp.resolve("src/large")).resolve("V" + n + "_Large.java");
        Files.writeString(
                file,
                "package large;\n@dev.migrate.Revision(id = \"l" + n + "\""
                        + (n == 1 ? "" : ", revises = \"l" + (n - 1) + "\"")
                        + ", message = \"large " + n + "\")\n"
                        + "public class V" + n + "_Large implements dev.migrate.Migration {\n"
                        + "    static final String SQL = \"" + "x".repeat(extra) + "\";\n"
                        + "    public void upgrade(dev.migrate.Operations op) {}\n"
                        + "    public void downgrade(dev.migrate.Operations op) {}\n}\n");
        Javac.compile(classes, List.of(location(Migration.class), location(dev.migrate.Operations.class)), file);
        return classes.resolve("large/V" + n + "_Large.class");
    }

    @Test
    void scansOnlyTheConfiguredPackages() {
        assertThat(new MigrationScanner(testLoader, List.of(GOOD + ".nested")).scan())
                .extracting(DiscoveredMigration::type)
                .containsExactly(V3_Nested.class);
        // "good" must not match the sibling package "goodextra", nor the broken fixtures next to it.
        assertThat(new MigrationScanner(testLoader, List.of(GOOD)).scan())
                .extracting(m -> m.info().id())
                .doesNotContain("f9", "b1", "t1");
        assertThat(new MigrationScanner(testLoader, List.of("dev.migrate.internal.discovery.fixtures.nothing_here"))
                        .scan())
                .isEmpty();
    }

    @Test
    void aMigrationWithoutRevisionIsAnErrorNamingTheClass() {
        assertThatThrownBy(() -> new MigrationScanner(
                                testLoader, List.of("dev.migrate.internal.discovery.fixtures.unannotated"))
                        .scan())
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "Class dev.migrate.internal.discovery.fixtures.unannotated.ForgotTheAnnotation implements Migration but "
                                + "has no @Revision annotation, so it would never run. Add @Revision(id = \"...\", revises = \"...\") "
                                + "to it, or make it abstract if it is a base class of migrations.");
    }

    @Test
    void anEmptyListOfPackagesIsAnError() {
        for (List<String> empty : List.of(List.<String>of(), List.of(""), List.of(" ", ""))) {
            assertThatThrownBy(() -> new MigrationScanner(testLoader, empty))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("The list of migrations packages is empty")
                    .hasMessageContaining("-Dmigrate.packages=db.migrations");
        }
    }

    @Test
    void defaultPackageIsDbMigrations() {
        assertThat(new MigrationScanner(testLoader).packages()).containsExactly("db.migrations");
        assertThat(new MigrationScanner(testLoader, null).packages()).containsExactly("db.migrations");
    }

    @Test
    void invalidPackageNameIsReported() {
        assertThatThrownBy(() -> new MigrationScanner(testLoader, List.of("db/migrations")).scan())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'db/migrations'");
    }

    @Test
    void instantiatesDiscoveredMigrations() {
        DiscoveredMigration first =
                new MigrationScanner(testLoader, List.of(GOOD)).scan().get(0);
        assertThat(first.newInstance()).isInstanceOf(V1_First.class);
    }

    @Test
    void constructorFailureNamesTheClass() {
        DiscoveredMigration throwing = new MigrationScanner(
                        testLoader, List.of("dev.migrate.internal.discovery.fixtures.failing"))
                .scan()
                .get(0);
        assertThatThrownBy(throwing::newInstance)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("dev.migrate.internal.discovery.fixtures.failing.ThrowingConstructor")
                .hasMessageContaining("revision t1")
                .hasMessageContaining("boom")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void unusableRevisionClassesAreAllReportedWithTheFix() {
        assertThatThrownBy(() ->
                        new MigrationScanner(testLoader, List.of("dev.migrate.internal.discovery.fixtures.bad")).scan())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "Class dev.migrate.internal.discovery.fixtures.bad.NotAMigration is annotated @Revision "
                                + "but does not implement dev.migrate.Migration")
                .hasMessageContaining("add 'implements Migration'")
                .hasMessageContaining(
                        "Class dev.migrate.internal.discovery.fixtures.bad.AbstractMigration is annotated "
                                + "@Revision but is abstract")
                .hasMessageContaining(
                        "Class dev.migrate.internal.discovery.fixtures.bad.NoNoArgConstructor is annotated "
                                + "@Revision but cannot be created")
                .hasMessageContaining("public NoNoArgConstructor() {}");
    }

    @Test
    void findsMigrationsInAJar(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("migrations.jar");
        writeJar(testClassesRoot(), FIXTURES_PATH + "/good", jar);
        try (URLClassLoader jarLoader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, new HidingLoader(testLoader))) {
            List<DiscoveredMigration> found = new MigrationScanner(jarLoader, List.of(GOOD)).scan();
            assertThat(found).extracting(m -> m.info().id()).containsExactly("f1", "f2", "f3");
            for (DiscoveredMigration m : found) {
                // Loaded from the jar, yet implementing the one Migration interface of the parent.
                assertThat(m.type().getClassLoader()).isSameAs(jarLoader);
                assertThat(m.type()).isNotEqualTo(V1_First.class);
                assertThat(m.newInstance()).isInstanceOf(Migration.class);
            }
            assertThat(found.get(0).info().source()).isEqualTo(GOOD + ".V1_First");
            assertThat(new MigrationScanner(jarLoader, List.of(GOOD + ".nested")).scan())
                    .extracting(m -> m.info().id())
                    .containsExactly("f3");
        }
    }

    @Test
    void aSecondCopyOfTheEngineIsReportedInsteadOfFindingNothing() throws Exception {
        Path engineClasses = location(Migration.class);
        URL[] urls = {engineClasses.toUri().toURL(), testClassesRoot().toUri().toURL()};
        // No parent with dev.migrate: this loader defines its own Revision and Migration.
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> new MigrationScanner(isolated, List.of(GOOD + ".nested")).scan())
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining(
                            "Class " + GOOD + ".nested.V3_Nested is annotated with a dev.migrate.Revision "
                                    + "loaded by another class loader");
        }
    }

    private static Path testClassesRoot() throws Exception {
        return location(V1_First.class);
    }

    /** Copies the classes under {@code prefix} into a jar, with directory entries as Maven writes them. */
    private static void writeJar(Path root, String prefix, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(root.resolve(prefix))) {
            String[] parts = prefix.split("/", -1);
            StringBuilder dir = new StringBuilder();
            for (String part : parts) {
                dir.append(part).append('/');
                out.putNextEntry(new JarEntry(dir.toString()));
                out.closeEntry();
            }
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (name.equals(prefix)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (!Files.isDirectory(f)) {
                    try (OutputStream entry = new NonClosing(out)) {
                        Files.copy(f, entry);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /**
     * A parent that hides the fixture classes, so the jar's loader must load them itself: parent-first
     * delegation would otherwise find the copies in the test classes directory.
     */
    private static final class HidingLoader extends ClassLoader {
        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(FIXTURES_PATH.replace('/', '.') + ".")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public @Nullable URL getResource(String name) {
            return name.startsWith(FIXTURES_PATH) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(FIXTURES_PATH) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    /** A jar's loader that tells which classes it has loaded. */
    private static final class WatchedLoader extends URLClassLoader {
        WatchedLoader(Path jar, ClassLoader parent) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, parent);
        }

        boolean isLoaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    /** Lets Files.copy write one jar entry without closing the whole jar stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
