package dev.migrate;

/** How a run groups migrations into transactions: {@code Migrator.builder().transactionMode(TransactionMode.ALL)}. */
public enum TransactionMode {
    /**
     * One transaction per migration, with its version-table update inside it (the default):
     * {@code builder.transactionMode(TransactionMode.PER_MIGRATION)}.
     */
    PER_MIGRATION,
    /**
     * Every migration of the run in one transaction; migrations marked non-transactional still run in
     * autocommit: {@code builder.transactionMode(TransactionMode.ALL)}.
     */
    ALL
}
