package dev.migrate.autogen.write;

import com.palantir.javapoet.JavaFile;
import dev.migrate.Migration;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.catalog.diff.MigrationScript;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The steps of adopting a database as {@code migrate:baseline} takes them, for the tests that build a
 * new database from the baseline and compare it with the adopted one.
 */
final class Adoption {
    private Adoption() {}

    /** The migration written from a baseline: its source and the class compiled from it. */
    record Written(JavaFile file, Migration migration) {}

    /**
     * The baseline of the public schema of {@code legacy}, read as {@code migrate:baseline} reads it:
     * in one snapshot, in a read-only transaction; the connection is as it was afterwards.
     */
    static MigrationScript baseline(Connection legacy) throws SQLException {
        return baseline(legacy, "public");
    }

    /** The baseline of schema {@code managedSchema} of {@code legacy}, read as {@link #baseline(Connection)} reads. */
    static MigrationScript baseline(Connection legacy, String managedSchema) throws SQLException {
        boolean autoCommit = legacy.getAutoCommit();
        int isolation = legacy.getTransactionIsolation();
        legacy.setAutoCommit(false);
        legacy.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        legacy.setReadOnly(true);
        try {
            return Autogenerate.baseline(legacy, managedSchema, "migrate_version", "migrate_history");
        } finally {
            legacy.rollback();
            legacy.setReadOnly(false);
            legacy.setTransactionIsolation(isolation);
            legacy.setAutoCommit(autoCommit);
        }
    }

    /** The baseline migration {@code revision} as the writer renders it at {@code at}, compiled. */
    static Written written(MigrationScript script, String revision, Instant at) {
        NewMigration migration = NewMigration.baseline(revision, "baseline", script);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        JavaFile file = new MigrationWriter(Path.of("unused"), "db.migrations", clock).toJavaFile(migration);
        return new Written(
                file,
                GeneratedMigrations.compiled(List.of(file), file.typeSpec().name()));
    }
}
