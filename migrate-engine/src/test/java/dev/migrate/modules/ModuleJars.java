package dev.migrate.modules;

import static dev.migrate.testing.ClassLocations.location;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The fixture modules as jars a build ships: each with its classes and the {@code META-INF/migrate/module.properties}
 * that names its module and package, loaded by an application's class loader whose parent hides the copies in the
 * test classes directory.
 */
final class ModuleJars {
    static final String FIXTURES = "dev/migrate/modules/fixtures";

    /** The package an application configures; the modules' jars bring their own. */
    static final String APPLICATION_PACKAGE = "db.migrations";

    /** One module's jar: its package under the fixtures, the classes it ships and its dependencies. */
    record Module(String name, List<String> classes, String dependsOn) {}

    static final Module BILLING = new Module("billing", List.of("CreateInvoices"), "outbox");
    static final Module SHIPPING = new Module("shipping", List.of("CreateParcels"), "outbox");
    static final Module ORDERS = new Module("orders", List.of("CreateOrders"), "billing");

    /** The module that takes crm's table: its take depends on crm's hand-over, then it changes the table. */
    static final Module SUPPORT = new Module("support", List.of("TakeNotes", "AnswerNotes"), "crm");
    /** A take that does not depend on the revision that gives the table. */
    static final Module SUPPORT_TAKING_EARLY = new Module("supportbad", List.of("TakeNotesEarly"), "crm");

    private ModuleJars() {}

    /** The crm module at {@code version}: 1 creates its table, 2 hands it over to support too. */
    static Module crm(int version) {
        return new Module("crm", version == 1 ? List.of("CreateNotes") : List.of("CreateNotes", "GiveNotes"), "");
    }

    /** The outbox library at {@code version}: 1 ships its first revision, 2 its second too. */
    static Module outbox(int version) {
        return new Module("outbox", version == 1 ? List.of("OutboxOne") : List.of("OutboxOne", "OutboxTwo"), "");
    }

    /** A class loader over a jar of each module, written under {@code dir}. */
    static URLClassLoader application(Path dir, Module... modules) throws IOException {
        Files.createDirectories(dir);
        List<URL> urls = new ArrayList<>();
        for (Module module : modules) {
            Path jar = dir.resolve(module.name() + ".jar");
            write(module, jar);
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), new Hiding(ModuleJars.class.getClassLoader()));
    }

    /** As {@link #application}, with {@code named}'s jar declaring its package as module {@code nameInFile}. */
    static URLClassLoader applicationNaming(Path dir, Module named, String nameInFile, Module... others)
            throws IOException {
        Files.createDirectories(dir);
        List<URL> urls = new ArrayList<>();
        Path renamed = dir.resolve(named.name() + ".jar");
        write(named, renamed, nameInFile);
        urls.add(renamed.toUri().toURL());
        for (Module module : others) {
            Path jar = dir.resolve(module.name() + ".jar");
            write(module, jar);
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), new Hiding(ModuleJars.class.getClassLoader()));
    }

    private static void write(Module module, Path jar) throws IOException {
        write(module, jar, module.name());
    }

    private static void write(Module module, Path jar, String nameInFile) throws IOException {
        String dir = FIXTURES + "/" + module.name() + "/";
        Path classes = testClasses();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            StringBuilder path = new StringBuilder();
            for (String part : dir.substring(0, dir.length() - 1).split("/", -1)) {
                path.append(part).append('/');
                entry(out, path.toString(), null);
            }
            entry(out, "META-INF/", null);
            entry(out, "META-INF/migrate/", null);
            String properties = "name=" + nameInFile + "\npackage="
                    + dir.replace('/', '.').replaceAll("\\.$", "") + "\n"
                    + (module.dependsOn().isEmpty() ? "" : "dependsOn=" + module.dependsOn() + "\n");
            entry(out, "META-INF/migrate/module.properties", properties.getBytes(StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>(module.classes());
            files.add("package-info");
            for (String file : files) {
                entry(out, dir + file + ".class", Files.readAllBytes(classes.resolve(dir + file + ".class")));
            }
        }
    }

    private static void entry(JarOutputStream out, String name, byte @Nullable [] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream stream = out;
            stream.write(content);
        }
        out.closeEntry();
    }

    private static Path testClasses() {
        return location(ModuleJars.class);
    }

    /** Hides the fixtures from the application's parent, so that it has only the modules of its jars. */
    private static final class Hiding extends ClassLoader {
        Hiding(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(FIXTURES.replace('/', '.') + ".")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public @Nullable URL getResource(String name) {
            return name.startsWith(FIXTURES) || name.startsWith("META-INF/migrate/") ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(FIXTURES) || name.startsWith("META-INF/migrate/")
                    ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    }
}
