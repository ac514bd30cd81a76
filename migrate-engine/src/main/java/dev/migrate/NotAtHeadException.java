package dev.migrate;

/**
 * The database is not at every head of the migrations: thrown by {@link Migrator#assertUpToDate()}.
 *
 * <pre>{@code try { migrator.assertUpToDate(); } catch (NotAtHeadException e) { refuseTraffic(); } }</pre>
 */
public final class NotAtHeadException extends MigrateException {
    private static final long serialVersionUID = 1L;

    /** Example: {@code throw new NotAtHeadException("The database is not at head: ...")} */
    public NotAtHeadException(String message) {
        super(message);
    }
}
