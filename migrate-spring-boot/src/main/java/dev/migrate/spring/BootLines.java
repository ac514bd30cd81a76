package dev.migrate.spring;

import dev.migrate.MigrateException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Spring Boot lines the starter is built for, 3.2 to 4.1: an application on an older line is refused at
 * startup with its line named (the starter calls what those lines lack), one on a newer line is told that the
 * starter was not tested there.
 */
final class BootLines {
    /** The lines, as messages name them. */
    static final String SUPPORTED = "3.2 to 4.1";

    private static final Pattern LINE = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private BootLines() {}

    /**
     * Checks the Spring Boot version the application runs.
     *
     * @param version {@code SpringBootVersion.getVersion()}: null when the jar's manifest does not say
     * @return a warning for a line newer than those tested; empty for a supported line or an unknown version
     * @throws MigrateException for a line older than 3.2, naming it and the fix
     */
    static Optional<String> check(@Nullable String version) {
        int[] line = line(version);
        if (line == null) {
            return Optional.empty();
        }
        if (line[0] < 3 || (line[0] == 3 && line[1] < 2)) {
            throw new MigrateException("The migrate starter supports Spring Boot " + SUPPORTED + ", and this"
                    + " application runs Spring Boot " + version + " (line " + line[0] + "." + line[1] + "): upgrade"
                    + " Spring Boot to 3.2 or later, or migrate this application with the command line or the Maven"
                    + " plugin.");
        }
        if (line[0] > 4 || (line[0] == 4 && line[1] > 1)) {
            return Optional.of("The migrate starter is tested on Spring Boot " + SUPPORTED + "; this application runs"
                    + " Spring Boot " + version + " (line " + line[0] + "." + line[1] + "), on which it was not.");
        }
        return Optional.empty();
    }

    /** The major and minor of {@code version}; null when it does not start with them. */
    private static int @Nullable [] line(@Nullable String version) {
        if (version == null) {
            return null;
        }
        Matcher line = LINE.matcher(version);
        return line.lookingAt() ? new int[] {Integer.parseInt(line.group(1)), Integer.parseInt(line.group(2))} : null;
    }
}
