package dev.migrate.catalog.drift;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema a migration chain builds at one revision, read on a throwaway server of one PostgreSQL
 * major version as {@code migrate:drift} reads it, and written by {@code migrate:snapshot} into the
 * application's classes ({@value #DIRECTORY}), so that the application can tell at startup, with no
 * throwaway server, whether its database still has that schema ({@code Migrator.Builder.validateDrift}).
 *
 * <pre>{@code
 * Path written = snapshot.writeUnder(Path.of("target/classes"));
 * Optional<SchemaSnapshot> found = SchemaSnapshot.find(loader, "a1b2", 17);
 * }</pre>
 *
 * @param revision the revision whose schema it is; several heads are joined by {@code +}, in order
 * @param major the PostgreSQL major version it was read on: servers of different versions spell some
 *     definitions differently, so a database is compared only with a snapshot of its own version
 * @param schema the managed schema it was replayed in and read from
 * @param excluded the name patterns left out when it was read, which the startup check leaves out too
 * @param expected what was read
 */
public record SchemaSnapshot(String revision, int major, String schema, List<String> excluded, DatabaseSchema expected)
        implements Serializable {
    /** Where in an application's classes snapshots are kept, one file per revision and major version. */
    public static final String DIRECTORY = "META-INF/migrate/schema/";

    /** Written ahead of the record, so that a file of another format is told apart from a damaged one. */
    private static final String FORMAT = "migrate schema snapshot, format 1";

    public SchemaSnapshot {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(schema, "schema");
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(expected, "expected");
    }

    /** The resource a snapshot of {@code revision} read on PostgreSQL {@code major} is kept as. */
    public static String resourceName(String revision, int major) {
        return DIRECTORY + revision + ".pg" + major + ".snapshot";
    }

    /**
     * Writes this snapshot below {@code classesDirectory} as {@link #resourceName}, through a temporary
     * file moved into place, so that a reader never sees half a file.
     *
     * @return the file written
     */
    public Path writeUnder(Path classesDirectory) {
        Path file = classesDirectory.resolve(resourceName(revision, major));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "snapshot", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary);
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeUTF(FORMAT);
                objects.writeObject(this);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the schema snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The snapshot of {@code revision} read on PostgreSQL {@code major} among {@code loader}'s resources.
     *
     * @throws MigrateException when the resource is there but was written by another build of migrate,
     *     or cannot be read, naming it and the fix
     */
    public static Optional<SchemaSnapshot> find(ClassLoader loader, String revision, int major) {
        String name = resourceName(revision, major);
        URL resource = loader.getResource(name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream();
                ObjectInputStream objects = new ObjectInputStream(in)) {
            if (!FORMAT.equals(objects.readUTF())) {
                throw new InvalidClassException(name, "another format");
            }
            return Optional.of((SchemaSnapshot) objects.readObject());
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new MigrateException(
                    "The schema snapshot " + resource + " was written by another version of "
                            + "migrate than the one running, and cannot be read. Build the application again (mvn package "
                            + "runs migrate:snapshot), with the plugin and migrate-catalog of the same version.",
                    e);
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not read the schema snapshot " + resource + ": " + e.getMessage()
                            + ". Build the application again (mvn package runs migrate:snapshot).",
                    e);
        }
    }

    /** The major versions {@code loader} holds a snapshot of {@code revision} for, to name them in a message. */
    public static List<Integer> majorsOf(ClassLoader loader, String revision) {
        List<Integer> majors = new ArrayList<>();
        for (int major = 10; major <= 40; major++) {
            if (loader.getResource(resourceName(revision, major)) != null) {
                majors.add(major);
            }
        }
        return majors;
    }
}
