package dev.migrate.imports;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The proof that the written chain builds what the old one built: the old tool replays its own migrations on one
 * empty database, migrate the written revisions on another, and both catalogs are compared with migrate's own
 * comparison. Every difference is named; none is expected.
 *
 * @param schema the schema both chains build
 * @param oldTables the old tool's own tables, left out of the comparison
 */
public record ImportProof(String schema, List<String> oldTables) {
    /** The replay's steps are the proof's business, not the user's: only its result is reported. */
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    /** The old tool, replaying its own chain on an empty database. */
    @FunctionalInterface
    public interface OldReplay {
        void replay(DataSource empty);
    }

    /**
     * What the proof found: the differences, and the schema the old tool built, which the import keeps as a snapshot
     * of the imported head for {@code verify}.
     */
    public record Result(List<String> differences, DatabaseSchema built) {
        public Result {
            differences = List.copyOf(differences);
        }
    }

    /**
     * Replays both chains and compares them.
     *
     * @param revisions the revisions as written, compiled here against {@code classpath}
     * @param packageName the package they are written in
     * @param work a directory for the compiled classes
     * @return the differences, each a sentence (none when both chains build the same schema), and the schema the old
     *     tool built
     */
    public Result prove(
            OldReplay old,
            DataSource forOld,
            List<ImportedRevisions.Written> revisions,
            String packageName,
            List<Path> classpath,
            Path work,
            DataSource forOurs) {
        old.replay(forOld);
        ClassLoader loader = WrittenClasses.compile(revisions, classpath, work, ImportProof.class.getClassLoader());
        Migrator.builder()
                .dataSource(forOurs)
                .classLoader(loader)
                .packages(packageName)
                .schema(schema)
                .log(QUIET)
                .build()
                .upgrade("heads");
        Exclusions exclusions = exclusions();
        try (Connection oldSide = forOld.getConnection();
                Connection ours = forOurs.getConnection()) {
            DatabaseSchema built = SchemaDrift.read(oldSide, schema, exclusions);
            DatabaseSchema written = SchemaDrift.read(ours, schema, exclusions);
            DriftReport report =
                    SchemaDrift.compare("the written chain", schema, "heads", ours, written, built, exclusions);
            return new Result(report.differences(), built);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the replayed schemas for the import's proof: " + e.getMessage(), e);
        }
    }

    /** What no side compares: migrate's own tables and the old tool's. */
    public Exclusions exclusions() {
        return Exclusions.versionTables().and(oldTables);
    }
}
