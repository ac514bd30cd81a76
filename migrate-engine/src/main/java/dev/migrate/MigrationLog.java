package dev.migrate;

import org.jspecify.annotations.Nullable;

/**
 * Where a run reports progress ({@code Running upgrade a -> b, message} when a step starts, a
 * {@code Still running ...} line every progress interval of a long one, {@code Finished upgrade a -> b in 12 ms.})
 * and warnings.
 * The Maven plugin sends these lines to the build log.
 *
 * <pre>{@code
 * Logger logger = Logger.getLogger("migrate");   // java.util.logging, or any other
 * Migrator.builder().log(new MigrationLog() {
 *     public void info(String line) { logger.info(line); }
 *     public void warn(String line) { logger.warning(line); }
 * });
 * }</pre>
 */
public interface MigrationLog {
    /**
     * Reports progress: {@code log.info("Running upgrade <base> -> 20261120_093000, create agents")}.
     *
     * @param line one line, without a line end
     */
    void info(String line);

    /**
     * Reports something the user should look at: {@code log.warn("Accepted the changed checksum of 20261120_093000.")}.
     *
     * @param line one line, without a line end
     */
    void warn(String line);

    /**
     * Logs through {@link System.Logger} under the name {@code dev.migrate}, the default: it reaches
     * SLF4J, Logback or Log4j when the application routes {@code System.Logger} there (Spring Boot
     * does), and {@code java.util.logging} otherwise: {@code builder.log(MigrationLog.system())}.
     *
     * @return the log over {@code System.Logger}
     */
    static MigrationLog system() {
        return new MigrationLog() {
            // asked for at the first line, not here: finding the platform's logger finder searches the class path (7 ms
            // of a command line's start), and a run given a log of its own never logs here; asked again by a thread
            // that raced the first, the same logger
            private System.@Nullable Logger logger;

            private System.Logger logger() {
                System.Logger found = logger;
                if (found == null) {
                    found = System.getLogger("dev.migrate");
                    logger = found;
                }
                return found;
            }

            @Override
            public void info(String line) {
                logger().log(System.Logger.Level.INFO, line);
            }

            @Override
            public void warn(String line) {
                logger().log(System.Logger.Level.WARNING, line);
            }
        };
    }

    /**
     * Writes info lines to standard output and warnings to standard error: {@code builder.log(MigrationLog.console())}.
     *
     * @return the console log
     */
    static MigrationLog console() {
        return new MigrationLog() {
            @Override
            public void info(String line) {
                System.out.println(line);
            }

            @Override
            public void warn(String line) {
                System.err.println("WARNING: " + line);
            }
        };
    }
}
