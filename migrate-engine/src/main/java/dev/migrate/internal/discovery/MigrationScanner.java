package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.text.Fixes;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link Revision} classes of the configured packages (and their subpackages) on a class
 * loader, in directories and in jars.
 *
 * <p>Only the configured packages are looked at: the scanner asks the class loader for those
 * package directories ({@link ClassLoader#getResources}) and never walks the whole classpath.
 * The {@code @Revision} annotations are read from the class files: a plain migration class (public,
 * concrete, declaring {@code implements Migration}, with a public no-argument constructor) is loaded
 * only when it is run or checksummed; anything else is loaded, without being initialised, and judged
 * by reflection. A class whose constructors all take arguments (a bean a container injects) is
 * found too: commands that read the graph need no instance, and those that run its code say
 * where to run it.
 * Jars must contain directory entries for the packages, as the jars Maven builds do; Spring Boot
 * executable jars ({@code java -jar app.jar}) are read through Boot's own jar URL handler.
 */
public final class MigrationScanner {

    /** The package scanned when none is configured. */
    public static final String DEFAULT_PACKAGE = "db.migrations";

    private final ClassLoader loader;
    private final List<String> packages;
    private final List<DeclaredModules.Declared> given;

    /**
     * @param loader the class loader of the project's classes; its parent must provide
     *     {@code dev.migrate}, so that the found classes implement this {@link Migration}
     * @param packages package names such as {@code db.migrations}; {@code null} means {@value #DEFAULT_PACKAGE}
     * @throws MigrateException when the list is given but names no package
     */
    public MigrationScanner(ClassLoader loader, @Nullable List<String> packages) {
        this(loader, packages, Fixes.GOALS);
    }

    /**
     * As {@link #MigrationScanner(ClassLoader, List)}, an empty {@code packages} refused with the fix as
     * {@code fixes} spells it.
     */
    public MigrationScanner(ClassLoader loader, @Nullable List<String> packages, Fixes fixes) {
        this(loader, packages, fixes, List.of());
    }

    /**
     * As {@link #MigrationScanner(ClassLoader, List, Fixes)}, with modules {@code given} from outside (a framework's
     * module model): their packages are searched too, and a revision there belongs to its module.
     */
    public MigrationScanner(
            ClassLoader loader, @Nullable List<String> packages, Fixes fixes, List<DeclaredModules.Declared> given) {
        this.loader = loader;
        this.given = List.copyOf(given);
        if (packages == null) {
            this.packages = List.of(DEFAULT_PACKAGE);
            return;
        }
        this.packages = packages.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(String::trim)
                .toList();
        if (this.packages.isEmpty()) {
            throw new MigrateException("The list of migrations packages is empty, so no migration could be found. "
                    + fixes.emptyPackages());
        }
    }

    /** A scanner of {@value #DEFAULT_PACKAGE}. */
    public MigrationScanner(ClassLoader loader) {
        this(loader, null);
    }

    /** The packages this scanner looks in. */
    public List<String> packages() {
        return packages;
    }

    /**
     * The migrations found, sorted by class name.
     *
     * @throws MigrateException listing every {@code @Revision} class that does not implement
     *     {@link Migration}, is abstract, or cannot be created (not public, or no public no-argument
     *     constructor, though no constructor takes arguments either), with the fix
     */
    public List<DiscoveredMigration> scan() {
        return scan(Set.of());
    }

    /**
     * The migrations found, where the classes named in {@code suppliedClasses} need no public
     * no-argument constructor since the caller gives their instances.
     */
    public List<DiscoveredMigration> scan(Set<String> suppliedClasses) {
        Map<String, ClassFileSummary> classFiles = new HashMap<>();
        Map<String, ModuleDeclaration> declared = new HashMap<>();
        List<String> scanned = new ArrayList<>(packages);
        for (LibraryModules.Shipped shipped : LibraryModules.read(loader)) {
            for (String pkg : shipped.packages()) {
                declared.putIfAbsent(pkg, shipped.module());
                addScanned(scanned, pkg);
            }
        }
        Map<String, ModuleDeclaration> givenByPackage = byPackage(given);
        givenByPackage.keySet().forEach(pkg -> addScanned(scanned, pkg));
        for (String pkg : scanned) {
            if (!pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
                throw new MigrateException("The migrations package '" + pkg + "' is not a valid Java package name; "
                        + "configure it as dotted names, for example db.migrations.");
            }
            classFilesIn(pkg, classFiles);
        }
        Modules modules = Modules.of(classFiles, declared, givenByPackage);
        Map<String, Object> defaults = Map.of();
        boolean sharesEngine = false;
        boolean sharesEngineKnown = false;
        List<DiscoveredMigration> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] names = classFiles.keySet().toArray(new String[0]);
        Arrays.sort(names); // one sort rather than a sorted map: a thousand names share a long prefix
        for (String name : names) {
            ClassFileSummary summary = classFiles.get(name);
            boolean readable = summary != null && summary.binaryName().equals(name);
            if (summary != null && readable && summary.revision() == null && summary.isSurelyNotAConcreteMigration()) {
                continue; // a helper class: no need to load it
            }
            if (summary != null && readable && summary.revision() != null && summary.isPlainMigration()) {
                if (!sharesEngineKnown) {
                    sharesEngine = sharesEngine();
                    sharesEngineKnown = true;
                    defaults = revisionDefaults();
                }
                if (sharesEngine) {
                    // everything problemWith checks is in the class file: leave the class unloaded
                    found.add(
                            modules.place(new DiscoveredMigration(toInfo(summary.revision(), defaults, name), loader)));
                    continue;
                }
            }
            // Anything else is loaded and judged by reflection, which sees inherited interfaces.
            if (name.endsWith(Modules.PACKAGE_INFO)) {
                continue; // read for its @MigrationModule above
            }
            Class<?> type = load(name, loader);
            Revision revision = type.getAnnotation(Revision.class);
            if (revision == null) {
                if (isConcreteMigration(type)) {
                    problems.add("Class " + name + " implements Migration but has no @Revision annotation, so it would "
                            + "never run. Add @Revision(id = \"...\", revises = \"...\") to it, or make it abstract if it "
                            + "is a base class of migrations.");
                } else if (hasForeignRevisionAnnotation(type)) {
                    problems.add("Class " + name + " is annotated with a dev.migrate.Revision loaded by another class "
                            + "loader, so this engine cannot read it. Load the project's classes with a class loader "
                            + "whose parent provides dev.migrate, and do not package the engine with the migrations.");
                }
                continue;
            }
            String problem = problemWith(type, suppliedClasses.contains(name));
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            found.add(modules.place(new DiscoveredMigration(toInfo(revision, type), type.asSubclass(Migration.class))));
        }
        if (!problems.isEmpty()) {
            throw new MigrateException(
                    problems.size() == 1
                            ? problems.get(0)
                            : "Some migration classes cannot be used:\n  - " + String.join("\n  - ", problems));
        }
        return Collections.unmodifiableList(modules.settled(found));
    }

    /** Adds {@code pkg} to the packages {@code scanned}, unless one of them holds it already. */
    private static void addScanned(List<String> scanned, String pkg) {
        if (scanned.stream().noneMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            scanned.add(pkg);
        }
    }

    /** The declarations of the modules {@code given} from outside, by each of their packages. */
    private static Map<String, ModuleDeclaration> byPackage(List<DeclaredModules.Declared> given) {
        Map<String, ModuleDeclaration> byPackage = new HashMap<>();
        for (DeclaredModules.Declared module : given) {
            ModuleDeclaration declaration = new ModuleDeclaration(module.name(), module.dependsOn(), module.source());
            module.packages().forEach(pkg -> byPackage.merge(pkg, declaration, ModuleDeclaration::joining));
        }
        return byPackage;
    }

    /**
     * {@code given}, classes a caller listed rather than packages scanned (an index built at build time), placed in
     * their modules as {@link #scan()} places what it finds: by the {@code @MigrationModule} on the
     * {@code package-info} of their package or an enclosing one, and by the {@code META-INF/migrate/module.properties}
     * of the jars on {@code loader}.
     *
     * @throws MigrateException when a {@code module.properties} is unreadable or a module declared twice differently
     */
    public static List<DiscoveredMigration> inModules(ClassLoader loader, List<DiscoveredMigration> given) {
        return inModules(loader, given, List.of());
    }

    /**
     * As {@link #inModules(ClassLoader, List)}, with modules {@code modules} given from outside (a framework's module
     * model), as {@link #MigrationScanner(ClassLoader, List, Fixes, List)} takes them.
     *
     * @throws MigrateException when a {@code module.properties} is unreadable or a module declared twice differently
     */
    public static List<DiscoveredMigration> inModules(
            ClassLoader loader, List<DiscoveredMigration> given, List<DeclaredModules.Declared> modules) {
        Map<String, ModuleDeclaration> declared = new HashMap<>();
        for (LibraryModules.Shipped shipped : LibraryModules.read(loader)) {
            shipped.packages().forEach(pkg -> declared.putIfAbsent(pkg, shipped.module()));
        }
        Map<String, @Nullable ClassFileSummary> packageInfos = new HashMap<>();
        for (DiscoveredMigration each : given) {
            String pkg = each.info().source();
            for (int dot = pkg.lastIndexOf('.'); dot > 0; dot = pkg.lastIndexOf('.')) {
                pkg = pkg.substring(0, dot);
                String name = pkg + Modules.PACKAGE_INFO;
                if (packageInfos.containsKey(name)) {
                    break; // this package and those enclosing it were read for another class
                }
                packageInfos.put(name, packageInfo(loader, pkg));
            }
        }
        Modules placing = Modules.of(packageInfos, declared, byPackage(modules));
        return placing.settled(given.stream().map(placing::place).toList());
    }

    /** The summary of the {@code package-info} class of {@code pkg} on {@code loader}; null where it has none. */
    private static @Nullable ClassFileSummary packageInfo(ClassLoader loader, String pkg) {
        URL url = loader.getResource(pkg.replace('.', '/') + "/package-info.class");
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return summarize(in.readAllBytes());
        } catch (IOException e) {
            throw new MigrateException("Could not read " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the loader gives the project's classes this engine's {@link Revision} and
     * {@link Migration}, so that an annotation read from a class file means what it says.
     */
    private boolean sharesEngine() {
        try {
            return Class.forName(Revision.class.getName(), false, loader) == Revision.class
                    && Class.forName(Migration.class.getName(), false, loader) == Migration.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The {@link RevisionInfo} of the elements of a {@code @Revision} read from the class file of {@code className}. */
    private static RevisionInfo toInfo(Map<String, Object> written, Map<String, Object> defaults, String className) {
        return Modules.qualified(
                (String) element(written, defaults, "id"),
                strings(element(written, defaults, "revises")),
                (String) element(written, defaults, "message"),
                Set.copyOf(strings(element(written, defaults, "branchLabels"))),
                strings(element(written, defaults, "dependsOn")),
                (Boolean) element(written, defaults, "transactional"),
                className,
                strings(element(written, defaults, "replaces")),
                Set.copyOf(strings(element(written, defaults, "contexts"))),
                (String) element(written, defaults, "module"));
    }

    /**
     * The value the class file gives an element of {@code @Revision}, or else the annotation's default:
     * the compiler writes the one element without a default ({@code id}) into every class file.
     */
    private static Object element(Map<String, Object> written, Map<String, Object> defaults, String name) {
        Object value = written.get(name);
        return value != null ? value : Objects.requireNonNull(defaults.get(name), name);
    }

    /** The values {@code @Revision} gives the elements a class leaves out, as the class file reader reads values. */
    private static Map<String, Object> revisionDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        for (Method element : Revision.class.getDeclaredMethods()) {
            Object value = element.getDefaultValue();
            if (value != null) {
                defaults.put(element.getName(), value instanceof String[] array ? List.of(array) : value);
            }
        }
        return defaults;
    }

    /** A list of strings as the class file reader reads it; RevisionInfo copies it. */
    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    /** The {@link RevisionInfo} a {@code @Revision} annotation declares for {@code type}. */
    public static RevisionInfo toInfo(Revision revision, Class<?> type) {
        return Modules.qualified(
                revision.id(),
                Arrays.asList(revision.revises()),
                revision.message(),
                Set.of(revision.branchLabels()),
                Arrays.asList(revision.dependsOn()),
                revision.transactional(),
                type.getName(),
                Arrays.asList(revision.replaces()),
                Set.of(revision.contexts()),
                revision.module());
    }

    private static boolean isConcreteMigration(Class<?> type) {
        return Migration.class.isAssignableFrom(type)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    /** The trap of two copies of the engine: the annotation is there, but it is not our {@link Revision}. */
    private static boolean hasForeignRevisionAnnotation(Class<?> type) {
        for (var annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals(Revision.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String problemWith(Class<?> type, boolean instanceSupplied) {
        String name = type.getName();
        if (!Migration.class.isAssignableFrom(type)) {
            return "Class " + name + " is annotated @Revision but does not implement dev.migrate.Migration; "
                    + "add 'implements Migration' with upgrade and downgrade methods, or remove the annotation.";
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "Class " + name + " is annotated @Revision but is abstract; make it a concrete class, or move "
                    + "@Revision to the concrete subclass.";
        }
        boolean nonStaticInner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
        Constructor<?> constructor = publicNoArgConstructor(type);
        if (!nonStaticInner && constructor == null && takesArguments(type)) {
            // Made by a container that injects its arguments (a Spring bean): the graph needs only the
            // annotation, and DiscoveredMigration.newInstance says what to do where it must run.
            return null;
        }
        if (!instanceSupplied && (!Modifier.isPublic(type.getModifiers()) || nonStaticInner || constructor == null)) {
            return "Class " + name + " is annotated @Revision but cannot be created: a migration must be a public "
                    + (type.getEnclosingClass() != null ? "static " : "") + "class with a public no-argument "
                    + "constructor. Make the class public and add 'public " + type.getSimpleName() + "() {}' "
                    + "(or remove the other constructors).";
        }
        return null;
    }

    /** Whether every constructor of {@code type} takes arguments, as a bean's injecting constructor does. */
    static boolean takesArguments(Class<?> type) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        return constructors.length > 0 && Arrays.stream(constructors).allMatch(c -> c.getParameterCount() > 0);
    }

    private static @Nullable Constructor<?> publicNoArgConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException(
                    "Could not load class " + name + " from the migrations package: " + e
                            + ". Rebuild the project, or check that the classes it uses are on the classpath.",
                    e);
        }
    }

    /**
     * The class files under {@code pkg}, from every directory and jar that has it, by binary name;
     * where two roots have the same class, the first one the loader lists wins, as when it loads
     * the class. A file that cannot be read as a class file maps to {@code null}, so that the class
     * is loaded and judged by reflection instead.
     */
    private void classFilesIn(String pkg, Map<String, ClassFileSummary> classFiles) {
        String path = pkg.replace('.', '/');
        Enumeration<URL> roots;
        try {
            roots = loader.getResources(path);
        } catch (IOException e) {
            throw new MigrateException("Could not list the migrations package " + pkg + ": " + e.getMessage(), e);
        }
        while (roots.hasMoreElements()) {
            URL url = roots.nextElement();
            try {
                switch (url.getProtocol()) {
                    case "file" -> fromDirectory(new File(url.toURI()), path, classFiles, new byte[8192]);
                    case "jar" -> fromJar(url, pkg, path, classFiles);
                    default -> throw unsupported(pkg, url);
                }
            } catch (IOException | UncheckedIOException | URISyntaxException e) {
                throw new MigrateException(
                        "Could not read the migrations package " + pkg + " at " + url + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * java.io rather than Files.walk: in a JVM that has just started, listing and reading a thousand
     * class files this way takes a third of the CPU time of the stream and channel machinery.
     */
    private static void fromDirectory(File dir, String path, Map<String, ClassFileSummary> classFiles, byte[] buffer)
            throws IOException {
        String[] names = dir.list();
        if (names == null) {
            return; // not a directory
        }
        for (String fileName : names) {
            File file = new File(dir, fileName);
            if (fileName.endsWith(".class")) {
                String name = className(path + "/" + fileName);
                if (name != null && !classFiles.containsKey(name)) {
                    classFiles.put(name, summarize(readWhole(file, buffer)));
                }
            } else if (file.isDirectory()) {
                fromDirectory(file, path + "/" + fileName, classFiles, buffer);
            }
        }
    }

    /**
     * The bytes of {@code file}, read to its end through {@code buffer} without asking its size first, where
     * {@code readAllBytes} asks the file's size and position before reading: 2,000 calls to the system fewer for a
     * chain of 1,000 revisions. The buffer is 8 kB, what the JDK reads into on the stack rather than through a buffer
     * it allocates for the call; a larger class file takes more reads.
     */
    private static byte[] readWhole(File file, byte[] buffer) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            int n = 0;
            for (int read; n < buffer.length && (read = in.read(buffer, n, buffer.length - n)) >= 0; ) {
                n += read;
            }
            if (n < buffer.length) {
                return Arrays.copyOf(buffer, n);
            }
            byte[] rest = in.readAllBytes();
            byte[] whole = Arrays.copyOf(buffer, n + rest.length);
            System.arraycopy(rest, 0, whole, n, rest.length);
            return whole;
        }
    }

    /**
     * The message for a URL form no branch of {@link #classFilesIn} lists, naming that form, so that
     * a class loader that hands out another kind of URL is reported rather than finding nothing.
     */
    private static MigrateException unsupported(String pkg, URL url) {
        String form = url.getProtocol() + ":"
                + ("jar".equals(url.getProtocol()) ? url.getFile().replaceFirst(":.*", ":") : "");
        return new MigrateException("The migrations package " + pkg + " was found at " + url
                + ", a URL of the form " + form + " that the migration scanner cannot list: it reads directories "
                + "(file:) and jars through their JarURLConnection (jar:file:, and jar:nested: in a Spring Boot "
                + "executable jar). Put the migration classes in a directory or a jar on the classpath, or "
                + "give the migrations to Migrator.builder().migrations(...) instead of a package.");
    }

    /**
     * A jar on the class path ({@code jar:file:/app/lib/x.jar!/db/migrations}), or in a Spring Boot
     * executable jar ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migrations}, with
     * {@code BOOT-INF/lib/x.jar} for a dependency): Boot's handler gives a JarURLConnection whose
     * JarFile lists the nested jar, or the {@code BOOT-INF/classes/} directory as a jar of its own.
     */
    private static void fromJar(URL url, String pkg, String path, Map<String, ClassFileSummary> classFiles)
            throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw unsupported(pkg, url);
        }
        // A private, uncached JarFile, closed here, so that the jar is not held open after the scan.
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                String name = className(entry.getName());
                if (name != null && !classFiles.containsKey(name)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classFiles.put(name, summarize(in.readAllBytes()));
                    }
                }
            }
        }
    }

    private static @Nullable ClassFileSummary summarize(byte[] bytes) {
        try {
            return ClassFileSummary.read(bytes);
        } catch (IOException | RuntimeException e) {
            return null; // not a class file this reader understands: the class loader has the last word
        }
    }

    /** The binary class name of a {@code a/b/C.class} resource path (package info too); null for other files and module info. */
    private static @Nullable String className(String resourcePath) {
        if (!resourcePath.endsWith(".class")) {
            return null;
        }
        String name = resourcePath
                .substring(0, resourcePath.length() - ".class".length())
                .replace('/', '.');
        if (name.endsWith("module-info")) {
            return null;
        }
        return name;
    }
}
