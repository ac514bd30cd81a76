package dev.migrate;

/**
 * One row of the version table, as {@code current} shows it:
 * {@code migrator.current().forEach(row -> System.out.println(row.id() + (row.head() ? " (head)" : "")))}.
 *
 * @param id the revision id
 * @param message the revision's message; empty for a revision this build does not define
 * @param head whether it is a head of the revision graph
 * @param known whether a migration class of this build defines the revision; false only with
 *     {@link Migrator.Builder#acceptFutureRevisions(boolean)}, for a database a newer build migrated
 * @param inProgress whether it is an online revision in its expand phase: both its shape and the one
 *     before it work, until {@link Migrator#complete()} runs its contract phase
 */
public record CurrentRevision(String id, String message, boolean head, boolean known, boolean inProgress) {

    /**
     * A row of a revision that is not in progress: {@code new CurrentRevision("20261122_101500", "", true, true)}.
     *
     * @param id the revision id
     * @param message the revision's message
     * @param head whether it is a head of the revision graph
     * @param known whether a migration class of this build defines the revision
     */
    public CurrentRevision(String id, String message, boolean head, boolean known) {
        this(id, message, head, known, false);
    }

    /**
     * A row of a revision this build defines:
     * {@code new CurrentRevision("20261122_101500", "add status column", true)}.
     *
     * @param id the revision id
     * @param message the revision's message
     * @param head whether it is a head of the revision graph
     */
    public CurrentRevision(String id, String message, boolean head) {
        this(id, message, head, true, false);
    }

    /**
     * A row naming a revision no migration class of this build defines, as a newer build left it.
     *
     * <pre>{@code
     * CurrentRevision row = CurrentRevision.ahead("20261201_080000");
     * }</pre>
     *
     * @param id the revision id
     * @return the row, with no message and not a head of this build
     */
    public static CurrentRevision ahead(String id) {
        return new CurrentRevision(id, "", false, false, false);
    }

    /**
     * The form {@code mvn migrate:current} prints: {@code "20261122_101500 (head)"}, or
     * {@code "20261122_101500 (head) (expand)"} for an online revision in progress.
     *
     * @return the id, followed by {@code (head)} when it is a head and {@code (expand)} while it is in
     *     progress, or by a note when this build does not define it
     */
    @Override
    public String toString() {
        if (!known) {
            return id + " (newer than this build: no migration class of it defines this revision)";
        }
        return id + (head ? " (head)" : "") + (inProgress ? " (expand)" : "");
    }
}
