package dev.migrate;

/**
 * One row of the version table, as {@code current} shows it:
 * {@code migrator.current().forEach(row -> System.out.println(row.id() + (row.head() ? " (head)" : "")))}.
 *
 * @param id the revision id
 * @param message the revision's message
 * @param head whether it is a head of the revision graph
 */
public record CurrentRevision(String id, String message, boolean head) {
    /**
     * The form {@code mvn migrate:current} prints: {@code "20261122_101500 (head)"}.
     *
     * @return the id, followed by {@code (head)} when it is a head
     */
    @Override
    public String toString() {
        return head ? id + " (head)" : id;
    }
}
