package dev.migrate.maven;

import dev.migrate.autogen.entity.ProviderLog;
import java.util.logging.Level;
import org.apache.maven.plugin.logging.Log;

/**
 * The JPA provider's log lines in the build log, with their own levels, only under {@code mvn -X};
 * otherwise only its errors.
 */
record MavenProviderLog(Log log) implements ProviderLog {
    @Override
    public boolean verbose() {
        return log.isDebugEnabled();
    }

    @Override
    public void line(Level level, String message) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            log.error(message);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            log.warn(message);
        } else if (level.intValue() >= Level.INFO.intValue()) {
            log.info(message);
        } else {
            log.debug(message);
        }
    }
}
