package dev.migrate;

import dev.migrate.graph.RevisionGraph;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies and inspects migrations on one database.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder().dataSource(ds).packages("db.migrations").build();
 * migrator.upgrade("head");
 * migrator.assertUpToDate();
 * }</pre>
 */
public final class Migrator {
    // API skeleton; the runner fills it in.

    public static Builder builder() {
        return new Builder();
    }

    /** The revision graph of the discovered migrations. */
    public RevisionGraph graph() {
        throw new UnsupportedOperationException();
    }

    /** Applies migrations up to {@code target} ({@code head}, {@code heads}, an id, {@code +N}, ...). */
    public void upgrade(String target) {
        throw new UnsupportedOperationException();
    }

    /** Reverts migrations down to {@code target} ({@code -1}, {@code base}, an id, ...). */
    public void downgrade(String target) {
        throw new UnsupportedOperationException();
    }

    /** Sets the version table to {@code target} without running migrations; {@code purge} empties it first. */
    public void stamp(String target, boolean purge) {
        throw new UnsupportedOperationException();
    }

    /** The database's current revisions; empty when none is applied. */
    public List<CurrentRevision> current() {
        throw new UnsupportedOperationException();
    }

    /** Fails with a {@link MigrateException} unless the database is at every head. */
    public void assertUpToDate() {
        throw new UnsupportedOperationException();
    }

    /** Writes the SQL script of an upgrade over {@code range} ({@code to} or {@code from:to}); needs no database. */
    public void upgradeSql(String range, Writer out) {
        throw new UnsupportedOperationException();
    }

    /** Writes the SQL script of a downgrade over {@code range} ({@code from:to}); needs no database. */
    public void downgradeSql(String range, Writer out) {
        throw new UnsupportedOperationException();
    }

    /** Writes the SQL that stamps {@code target}; needs no database. */
    public void stampSql(String target, boolean purge, Writer out) {
        throw new UnsupportedOperationException();
    }

    /** Configures a {@link Migrator}. Only {@link #dataSource} or {@link #url} is needed for online use. */
    public static final class Builder {
        public Builder dataSource(DataSource dataSource) { return this; }
        public Builder url(String jdbcUrl, String user, String password) { return this; }
        public Builder packages(String... packages) { return this; }
        public Builder classLoader(ClassLoader classLoader) { return this; }
        public Builder schema(String schema) { return this; }
        public Builder versionTable(String table) { return this; }
        public Builder historyTable(String table) { return this; }
        public Builder transactionMode(TransactionMode mode) { return this; }
        public Builder lockTimeout(Duration timeout) { return this; }
        public Builder statementTimeout(Duration timeout) { return this; }
        public Builder acceptChecksums(boolean accept) { return this; }
        public Builder log(MigrationLog log) { return this; }
        public Migrator build() { return new Migrator(); }
    }
}
