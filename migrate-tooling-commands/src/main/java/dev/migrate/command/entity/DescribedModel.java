package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.cache.FileReads;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.entity.ProviderLog;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The entity model the provider last described for a {@code watch}, with the project's class files it was described
 * from: when a few entity classes change, the next cycle describes those alone, before and after, and applies the
 * difference to this model ({@link EntityDdl#generateChanged}) instead of describing every entity again. Holds
 * bytes and text only, never a class or its loader.
 */
final class DescribedModel {
    /** How long a file must have been left as it is for its bytes to be taken again by its length and time. */
    private static final long SETTLED_MILLIS = 2_000;

    /** More changed classes than this are described with the whole model: an edit touches one or two. */
    private static final int MOST_CHANGED = 8;

    private static final String ORM_XML = "META-INF/orm.xml";

    private record Last(EntityDdl entities, int serverMajorVersion, Map<String, byte[]> files, List<String> ddl) {}

    private @Nullable Last last;
    /** The files of the last {@link #read} that had settled when they were read. */
    private Map<Path, Settled> settled = new HashMap<>();

    /**
     * A file read settled: its length and time then, its path from the class directory and its bytes; held, never
     * compared, so the array's identity equality does no harm.
     */
    @SuppressWarnings("ArrayRecordComponent")
    private record Settled(long length, long modified, String path, byte[] bytes) {}
    /**
     * The scripts of the small units the last change was described with ({@link EntityDdl#generateChanged}): the next
     * change may take them only if the model was last described from the very files they were written beside
     * ({@link #unitScriptsFrom}), so that no other class (an embedded value, an enumeration the units use) changed
     * between.
     */
    private final Map<String, List<String>> unitScripts = new HashMap<>();

    /** The class files {@link #unitScripts} were written beside, as this model's reading held them. */
    private Map<String, byte[]> unitScriptsFrom = Map.of();

    /**
     * The files under {@code classes}, by their path from it (with {@code /}), as they are now: those whose length and
     * modification time are what they were at the last reading, and which had not been modified for
     * {@value #SETTLED_MILLIS} ms then, are not read again (a file written again within the clock's resolution of
     * that reading could otherwise keep its old bytes, as the entity cache's key has it); the others are taken as the
     * comparison's cache key read them ({@link FileReads}).
     */
    synchronized Map<String, byte[]> read(Path classes) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<Path, Settled> settled = new HashMap<>();
        if (!Files.isDirectory(classes)) {
            this.settled = settled;
            return files;
        }
        // each file's attributes as the walk read them: one look at each
        List<Map.Entry<Path, BasicFileAttributes>> found = new ArrayList<>();
        try {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        found.add(Map.entry(file, attributes));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Map.Entry<Path, BasicFileAttributes> entry : found) {
                Path file = entry.getKey();
                BasicFileAttributes attributes = entry.getValue();
                long modified = attributes.lastModifiedTime().toMillis();
                Settled known = this.settled.get(file);
                if (known != null && known.length() == attributes.size() && known.modified() == modified) {
                    settled.put(file, known);
                    files.put(known.path(), known.bytes());
                    continue;
                }
                FileReads.Read read = FileReads.read(file, attributes.size(), modified);
                byte[] bytes = read.bytes();
                String path = path(classes, file);
                files.put(path, bytes);
                // one modified within the last seconds is read again next time
                if (bytes.length == attributes.size() && modified < read.at() - SETTLED_MILLIS) {
                    settled.put(file, new Settled(bytes.length, modified, path, bytes));
                }
            }
        } catch (IOException e) {
            throw new MigrateException("Could not read the project's classes in " + classes + ": " + e.getMessage(), e);
        }
        this.settled = settled;
        return files;
    }

    private static String path(Path classes, Path file) {
        return classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * The model's DDL after the change from the last description to {@code files}, when a few entity classes alone
     * changed and the provider could describe them so; empty otherwise (a first cycle, other settings, a change it
     * cannot describe alone, told to {@code info} with its reason), and the whole model is then described.
     */
    synchronized Optional<List<String>> changed(
            EntityDdl entities,
            int serverMajorVersion,
            Map<String, byte[]> files,
            ClassLoader projectLoader,
            ProviderLog log,
            Consumer<String> info) {
        Last model = last;
        if (model == null
                || !model.entities().equals(entities)
                || model.serverMajorVersion() != serverMajorVersion
                || entities.classDirectories().size() != 1) {
            return Optional.empty();
        }
        Map<String, byte[]> before = new TreeMap<>();
        String whole = null;
        for (String path : union(model.files(), files)) {
            byte[] was = model.files().get(path);
            byte[] is = files.get(path);
            if (Arrays.equals(was, is)) {
                continue;
            }
            String name = className(path);
            if (was == null || is == null) {
                whole = "the file " + path + (was == null ? " is new" : " is gone");
            } else if (name == null) {
                whole = "the file " + path + " changed";
            } else if (!scanned(entities, name)) {
                whole = "the class " + name + " is outside the entity packages";
            } else {
                before.put(name, was);
            }
            if (whole != null) {
                break;
            }
        }
        if (whole == null && files.containsKey(ORM_XML)) {
            whole = "the project maps entities in " + ORM_XML;
        }
        if (whole == null && before.size() > MOST_CHANGED) {
            whole = before.size() + " classes changed";
        }
        if (whole != null) {
            info.accept("Describing every entity again: " + whole + ".");
            return Optional.empty();
        }
        if (before.isEmpty()) {
            keepUnitScripts(model.files(), files);
            return Optional.of(model.ddl());
        }
        // the classes as read, of the entity packages as the provider's scan takes them
        Map<String, byte[]> classes = new TreeMap<>();
        files.forEach((path, bytes) -> {
            String name = className(path);
            if (name != null && scanned(entities, name)) {
                classes.put(name, bytes);
            }
        });
        String named = String.join(", ", before.keySet());
        if (unitScriptsFrom != model.files()) {
            unitScripts.clear();
        }
        unitScriptsFrom = files;
        Optional<List<String>> ddl = entities.generateChanged(
                projectLoader,
                serverMajorVersion,
                log,
                before,
                classes,
                model.ddl(),
                unitScripts,
                why -> info.accept(
                        "Describing every entity again, as " + named + " cannot be described alone: " + why + "."));
        ddl.ifPresent(d -> info.accept("Described " + named + " alone, before and after the change, with the"
                + " entities " + (before.size() == 1 ? "it references" : "they reference")
                + "; the rest of the model as the last description has it."));
        return ddl;
    }

    /** The unit scripts written from {@code from} serve the same classes read again as {@code now}. */
    private void keepUnitScripts(Map<String, byte[]> from, Map<String, byte[]> now) {
        if (unitScriptsFrom == from) {
            unitScriptsFrom = now;
        }
    }

    /** Keeps {@code ddl} as the model {@code files} describe, for the next run's change. */
    synchronized void remember(
            EntityDdl entities, int serverMajorVersion, Map<String, byte[]> files, List<String> ddl) {
        last = new Last(entities, serverMajorVersion, files, List.copyOf(ddl));
    }

    /** The class a path names ({@code shop/Customer.class}: {@code shop.Customer}); null for any other file. */
    private static @Nullable String className(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class")
                ? path.substring(0, path.length() - ".class".length()).replace('/', '.')
                : null;
    }

    /** Whether the provider's scan takes class {@code name}: it is in one of the entity packages, or any is. */
    private static boolean scanned(EntityDdl entities, String name) {
        return entities.packages().isEmpty() || entities.packages().stream().anyMatch(p -> name.startsWith(p + "."));
    }

    private static Set<String> union(Map<String, byte[]> a, Map<String, byte[]> b) {
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        return paths;
    }
}
