package dev.migrate;

/**
 * An applied migration's code no longer asks for what the database ran; nothing was run. The fix
 * is a new migration, or {@code acceptChecksums(true)} when the change is intended.
 *
 * <pre>{@code try { migrator.upgrade("head"); } catch (ChecksumMismatchException e) { page(e.getMessage()); } }</pre>
 */
public final class ChecksumMismatchException extends MigrateException {
    private static final long serialVersionUID = 1L;

    /** Example: {@code throw new ChecksumMismatchException("Applied migration has changed ...")} */
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
