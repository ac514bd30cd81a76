package dev.migrate.autogen;

import java.nio.file.Path;

/** Where {@link Autogenerate} says which way it compared: which caches answered, what it started and replayed. */
public interface AutogenerateLog {
    void info(String line);

    /** {@code path} as the log shows it, e.g. relative to the project; as it is by default. */
    default String shown(Path path) {
        return path.toString();
    }
}
