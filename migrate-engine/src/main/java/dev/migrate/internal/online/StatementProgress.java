package dev.migrate.internal.online;

/** Where a run is inside a step, for its progress lines and for the message of a failure. */
public interface StatementProgress {
    /** The statement that runs now. */
    void at(String sql);

    /** The statement at hand failed for good after {@code attempts} tries. */
    void failedAfter(int attempts);
}
