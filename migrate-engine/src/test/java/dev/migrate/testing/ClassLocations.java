package dev.migrate.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where a class was loaded from: its module's class directory in the reactor, or its jar. For tests that hand a
 * module's classes to what scans them (the entity scan, a compiler's class path, a child class loader).
 *
 * <pre>{@code
 * Path engine = ClassLocations.location(Migration.class);
 * }</pre>
 */
public final class ClassLocations {
    private ClassLocations() {}

    /** The class directory or jar {@code type} was loaded from. */
    public static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The location of " + type.getName() + " is no path", e);
        }
    }
}
