package dev.migrate;

/**
 * Where a run reports progress ({@code Running upgrade a -> b, message (12 ms)}) and warnings.
 * The Maven plugin sends these lines to the build log.
 */
public interface MigrationLog {
    void info(String line);

    void warn(String line);

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
