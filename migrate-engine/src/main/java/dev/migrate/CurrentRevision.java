package dev.migrate;

/**
 * One row of the version table, as {@code current} shows it.
 *
 * @param id the revision id
 * @param message the revision's message
 * @param head whether it is a head of the revision graph
 */
public record CurrentRevision(String id, String message, boolean head) {
    @Override public String toString() {
        return head ? id + " (head)" : id;
    }
}
