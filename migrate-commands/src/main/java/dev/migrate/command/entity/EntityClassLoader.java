package dev.migrate.command.entity;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loader of entity classes or of their provider that answers a class it could not find, asked again, at once.
 *
 * <p>The JPA provider asks for the same absent class once per entity and per package-level annotation it
 * supports ({@code bench.model.package-info} for each of 2,000 entities, five times each), through every loader it
 * knows; each miss walks every jar of the class path and builds an exception with a deep stack. Its classes
 * cannot appear while it lives (its jars and directories are read, never written), so a miss stays a miss.
 */
final class EntityClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    EntityClassLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /** An absent class asked for again: its first miss had the stack, the caller only looks at the type. */
    private static final class Missing extends ClassNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
