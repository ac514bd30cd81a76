package dev.migrate.discovery;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@link Revision} classes of the configured packages (and their subpackages) on a class
 * loader, in directories and in jars.
 *
 * <p>Only the configured packages are looked at: the scanner asks the class loader for those
 * package directories ({@link ClassLoader#getResources}) and never walks the whole classpath.
 * Classes are loaded without being initialized; classes without {@code @Revision} are skipped.
 * Jars must contain directory entries for the packages, as the jars Maven builds do.
 */
public final class MigrationScanner {

    /** The package scanned when none is configured. */
    public static final String DEFAULT_PACKAGE = "db.migrations";

    private final ClassLoader loader;
    private final List<String> packages;

    /**
     * @param loader the class loader of the project's classes; its parent must provide
     *     {@code dev.migrate}, so that the found classes implement this {@link Migration}
     * @param packages package names such as {@code db.migrations}; {@code null} means {@value #DEFAULT_PACKAGE}
     * @throws MigrateException when the list is given but names no package
     */
    public MigrationScanner(ClassLoader loader, List<String> packages) {
        this.loader = loader;
        if (packages == null) {
            this.packages = List.of(DEFAULT_PACKAGE);
            return;
        }
        this.packages = packages.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        if (this.packages.isEmpty()) {
            throw new MigrateException("The list of migrations packages is empty, so no migration could be found. "
                    + "Set packages to the Java package of the migration classes, for example db.migrations "
                    + "(-Dmigrate.packages=db.migrations), or leave the setting out for the default " + DEFAULT_PACKAGE + ".");
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
     *     {@link Migration}, is abstract, or lacks a public no-argument constructor, with the fix
     */
    public List<DiscoveredMigration> scan() {
        return scan(Set.of());
    }

    /**
     * The migrations found, where the classes named in {@code suppliedClasses} need no public
     * no-argument constructor since the caller gives their instances.
     */
    public List<DiscoveredMigration> scan(Set<String> suppliedClasses) {
        Set<String> classNames = new TreeSet<>();
        for (String pkg : packages) {
            if (!pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
                throw new MigrateException("The migrations package '" + pkg + "' is not a valid Java package name; "
                        + "configure it as dotted names, for example db.migrations.");
            }
            classNames.addAll(classNamesIn(pkg));
        }
        List<DiscoveredMigration> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = load(name);
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
            found.add(new DiscoveredMigration(toInfo(revision, type), type.asSubclass(Migration.class)));
        }
        if (!problems.isEmpty()) {
            throw new MigrateException(problems.size() == 1 ? problems.get(0)
                    : "Some migration classes cannot be used:\n  - " + String.join("\n  - ", problems));
        }
        return Collections.unmodifiableList(found);
    }

    /** The {@link RevisionInfo} a {@code @Revision} annotation declares for {@code type}. */
    public static RevisionInfo toInfo(Revision revision, Class<?> type) {
        return new RevisionInfo(revision.id(), Arrays.asList(revision.revises()), revision.message(),
                Set.of(revision.branchLabels()), Arrays.asList(revision.dependsOn()), revision.transactional(),
                type.getName());
    }

    private static boolean isConcreteMigration(Class<?> type) {
        return Migration.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
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

    private static String problemWith(Class<?> type, boolean instanceSupplied) {
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
        if (!instanceSupplied && (!Modifier.isPublic(type.getModifiers()) || nonStaticInner || constructor == null)) {
            return "Class " + name + " is annotated @Revision but cannot be created: a migration must be a public "
                    + (type.getEnclosingClass() != null ? "static " : "") + "class with a public no-argument "
                    + "constructor. Make the class public and add 'public " + type.getSimpleName() + "() {}' "
                    + "(or remove the other constructors).";
        }
        return null;
    }

    private static Constructor<?> publicNoArgConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException("Could not load class " + name + " from the migrations package: " + e
                    + ". Rebuild the project, or check that the classes it uses are on the classpath.", e);
        }
    }

    /** Binary names of the classes under {@code pkg}, from every directory and jar that has it. */
    private Set<String> classNamesIn(String pkg) {
        String path = pkg.replace('.', '/');
        Set<String> names = new TreeSet<>();
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
                    case "file" -> fromDirectory(Path.of(url.toURI()), pkg, names);
                    case "jar" -> fromJar(url, path, names);
                    default -> throw new MigrateException("The migrations package " + pkg + " was found at " + url
                            + ", which is neither a directory nor a jar; put the migration classes in a directory "
                            + "or a jar on the classpath.");
                }
            } catch (IOException | UncheckedIOException | URISyntaxException e) {
                throw new MigrateException("Could not read the migrations package " + pkg + " at " + url + ": "
                        + e.getMessage(), e);
            }
        }
        return names;
    }

    private static void fromDirectory(Path dir, String pkg, Set<String> names) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .sorted(Comparator.naturalOrder())
                    .forEach(f -> {
                        String relative = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                        addClassName(pkg.replace('.', '/') + "/" + relative, names);
                    });
        }
    }

    private static void fromJar(URL url, String path, Set<String> names) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("not a jar connection: " + url);
        }
        // A private, uncached JarFile, closed here, so that the jar is not held open after the scan.
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    addClassName(entry.getName(), names);
                }
            }
        }
    }

    /** Adds the binary class name of a {@code a/b/C.class} resource path, skipping module and package info. */
    private static void addClassName(String resourcePath, Set<String> names) {
        if (!resourcePath.endsWith(".class")) {
            return;
        }
        String name = resourcePath.substring(0, resourcePath.length() - ".class".length()).replace('/', '.');
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return;
        }
        names.add(name);
    }
}
