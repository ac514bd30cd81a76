package dev.migrate.maven;

import dev.migrate.MigrationLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the engine's progress lines to the Maven build log. */
record MavenMigrationLog(Log log) implements MigrationLog {
    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }
}
