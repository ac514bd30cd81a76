package dev.migrate;

/**
 * Where a run reports progress ({@code Running upgrade a -> b, message (12 ms)}) and warnings.
 * The Maven plugin sends these lines to the build log.
 */
public interface MigrationLog {
    void info(String line);

    void warn(String line);

    /**
     * Logs through {@link System.Logger} under the name {@code dev.migrate}, the default: it reaches
     * SLF4J, Logback or Log4j when the application routes {@code System.Logger} there (Spring Boot
     * does), and {@code java.util.logging} otherwise.
     * Example: {@code Migrator.builder().log(MigrationLog.system())}
     */
    static MigrationLog system() {
        System.Logger logger = System.getLogger("dev.migrate");
        return new MigrationLog() {
            @Override public void info(String line) {
                logger.log(System.Logger.Level.INFO, line);
            }

            @Override public void warn(String line) {
                logger.log(System.Logger.Level.WARNING, line);
            }
        };
    }

    /** Writes info lines to standard output and warnings to standard error. */
    static MigrationLog console() {
        return new MigrationLog() {
            @Override public void info(String line) {
                System.out.println(line);
            }

            @Override public void warn(String line) {
                System.err.println("WARNING: " + line);
            }
        };
    }
}
