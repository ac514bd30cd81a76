package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A Liquibase changelog imported without refusal and compiled, for the databases Liquibase leaves at points of it
 * to move in.
 *
 * @param chain the chain as the import read it
 * @param revisions the revisions written for it
 * @param prerequisites the statements that make, on each fresh database, the tables the changelog expects to find
 *     (those of the application it extends); none for a changelog that starts from an empty database
 */
record ImportedLiquibaseChain(
        ToolLoader liquibase,
        LiquibaseProject project,
        String packageName,
        OldChain chain,
        List<ImportedRevisions.Written> revisions,
        ClassLoader classes,
        List<String> prerequisites) {
    static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    static ImportedLiquibaseChain of(ToolLoader liquibase, LiquibaseProject project, String packageName, Path work) {
        return of(liquibase, project, packageName, work, List.of());
    }

    static ImportedLiquibaseChain of(
            ToolLoader liquibase, LiquibaseProject project, String packageName, Path work, List<String> prerequisites) {
        OldChain chain = LiquibaseChangelog.read(liquibase, project);
        assertThat(chain.refusals()).isEmpty();
        List<ImportedRevisions.Written> revisions = new ImportedRevisions(packageName).of(chain, null);
        return new ImportedLiquibaseChain(
                liquibase,
                project,
                packageName,
                chain,
                revisions,
                WrittenClasses.compile(revisions, List.of(), work, ImportedLiquibaseChain.class.getClassLoader()),
                List.copyOf(prerequisites));
    }

    /** A new database with the {@link #prerequisites}, and nothing else; its name. */
    String createDatabase(String prefix) {
        String database = TestPostgres.createDatabase(prefix);
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            for (String statement : prerequisites) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The prerequisites of " + database + " failed: " + e.getMessage(), e);
        }
        return database;
    }

    int chainLength() {
        return revisions.size();
    }

    Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(packageName)
                .build();
    }

    /** The same, its info lines added to {@code lines}. */
    Migrator migrator(DataSource database, List<String> lines) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(packageName)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void warn(String line) {}
                })
                .build();
    }

    /** A fresh database Liquibase updated through {@code count} changesets it ran or marked ran. */
    String liquibaseDatabase(int count) {
        String database = createDatabase("liquibase_at_" + count);
        updateWithLiquibase(database, new LiquibaseUpdate.Stop.Count(count));
        return database;
    }

    /** Liquibase's own update of {@code database}, as far as {@code stop}. */
    void updateWithLiquibase(String database, LiquibaseUpdate.Stop stop) {
        LiquibaseUpdate.run(liquibase, TestPostgres.jdbcUrl(database), "postgres", null, project, stop);
    }

    /** The chain's upgrade of a fresh database, to compare with. */
    DataSource freshUpgraded() {
        DataSource fresh = TestPostgres.dataSource(createDatabase("fresh"));
        migrator(fresh).upgrade("heads");
        return fresh;
    }

    /**
     * One upgrade moves {@code database} in: each changeset of the chain Liquibase ran or marked ran is imported as
     * it was (a row of a changeset outside the chain passed over), the rest of the chain upgraded, and the schema
     * ends as {@code fresh}'s.
     */
    void movesInAndEndsAs(DataSource fresh, String database) throws SQLException {
        DataSource old = TestPostgres.dataSource(database);
        Set<String> keys = new HashSet<>();
        for (OldMigration m : chain.migrations()) {
            keys.add(m.key());
        }
        long recorded = rows(old, "SELECT filename || '::' || id || '::' || author FROM databasechangelog").stream()
                .filter(keys::contains)
                .count();

        migrator(old).upgrade("heads");

        assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                .as("database %s", database)
                .isEmpty();
        String history = String.join(
                "\n",
                rows(old, "SELECT direction || ' ' || revision || ': ' || message FROM migrate_history ORDER BY id"));
        // by message, not direction: a revision moved in from a MARK_RAN row, or marked ran by its guard, may be
        // recorded with a direction of its own
        assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE message LIKE 'imported:%'"))
                .as("database %s, history:%n%s", database, history)
                .containsExactly(String.valueOf(recorded));
        assertThat(rows(
                        old,
                        "SELECT count(*) FROM migrate_history WHERE direction <> 'downgrade'"
                                + " AND message NOT LIKE 'imported:%'"))
                .as("database %s, history:%n%s", database, history)
                .containsExactly(String.valueOf(chainLength() - recorded));
    }
}
