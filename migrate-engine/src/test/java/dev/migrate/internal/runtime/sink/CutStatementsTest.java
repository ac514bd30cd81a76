package dev.migrate.internal.runtime.sink;

import static dev.migrate.Ddl.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.internal.runtime.script.Script;
import dev.migrate.op.IndexOp;
import dev.migrate.op.QualifiedName;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What each statement of a {@code transactional = false} migration leaves when cut, from its op or its SQL. */
class CutStatementsTest {

    private static QualifiedName name(@Nullable String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Test
    void aConcurrentIndexOpLeavesItsIndexInItsTablesSchema() {
        IndexOp.CreateIndex create = index("ix_a", "app.accounts", "email").concurrently();
        assertThat(CutStatements.of(new Script.Statement("(rendered)", create)))
                .containsExactly(new Leftover.InvalidIndex(name("app", "accounts"), "ix_a"));
        assertThat(CutStatements.of(new Script.Statement("(rendered)", index("ix_a", "accounts", "email"))))
                .isEmpty();
        assertThat(CutStatements.of(
                        new Script.Statement("(rendered)", new IndexOp.DropIndex(name(null, "ix_a"), true, null))))
                .containsExactly(new Leftover.IndexNotDropped(name(null, "ix_a")));
    }

    @Test
    void createIndexConcurrentlyInSqlIsReadWithItsNameSchemaAndQuotes() {
        assertThat(CutStatements.ofSql("create unique index concurrently IX_A on App.Accounts (email)"))
                .containsExactly(new Leftover.InvalidIndex(name("app", "accounts"), "ix_a"));
        assertThat(CutStatements.ofSql(
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"Ix \"\"A\"\"\" ON ONLY \"My Schema\".\"T\" (a)"))
                .containsExactly(new Leftover.InvalidIndex(name("My Schema", "T"), "Ix \"A\""));
        assertThat(CutStatements.ofSql("CREATE INDEX CONCURRENTLY ON db.public.t USING gin (doc)"))
                .containsExactly(new Leftover.InvalidIndex(name("public", "t"), null));
        assertThat(CutStatements.ofSql("CREATE INDEX CONCURRENTLY \"on\" ON t (a)"))
                .containsExactly(new Leftover.InvalidIndex(name(null, "t"), "on"));
    }

    @Test
    void reindexConcurrentlyInEitherSpellingLeavesCopies() {
        assertThat(CutStatements.ofSql("REINDEX INDEX CONCURRENTLY app.ix_a"))
                .containsExactly(new Leftover.ReindexCopies(Leftover.ReindexScope.INDEX, name("app", "ix_a")));
        assertThat(CutStatements.ofSql("reindex (verbose, concurrently) table \"T\""))
                .containsExactly(new Leftover.ReindexCopies(Leftover.ReindexScope.TABLE, name(null, "T")));
        assertThat(CutStatements.ofSql("REINDEX (CONCURRENTLY true) SCHEMA app"))
                .containsExactly(new Leftover.ReindexCopies(Leftover.ReindexScope.SCHEMA, name(null, "app")));
        assertThat(CutStatements.ofSql("REINDEX DATABASE CONCURRENTLY"))
                .containsExactly(new Leftover.ReindexCopies(Leftover.ReindexScope.DATABASE, null));
        assertThat(CutStatements.ofSql("REINDEX (CONCURRENTLY false) INDEX ix_a"))
                .isEmpty();
        assertThat(CutStatements.ofSql("REINDEX INDEX ix_a")).isEmpty();
    }

    @Test
    void dropIndexConcurrentlyProceduresAndTheRest() {
        assertThat(CutStatements.ofSql("DROP INDEX CONCURRENTLY IF EXISTS app.\"Ix\""))
                .containsExactly(new Leftover.IndexNotDropped(name("app", "Ix")));
        assertThat(CutStatements.ofSql("CALL backfill(1000)")).containsExactly(new Leftover.PartlyCommitted());
        assertThat(CutStatements.ofSql("DO $$ BEGIN COMMIT; END $$")).containsExactly(new Leftover.PartlyCommitted());
        assertThat(CutStatements.ofSql("ALTER TYPE mood ADD VALUE 'cross'")).isEmpty();
        assertThat(CutStatements.ofSql("VACUUM (ANALYZE) accounts")).isEmpty();
        assertThat(CutStatements.ofSql("DROP INDEX ix_a")).isEmpty();
    }

    @Test
    void literalsAndCommentsAreNoStatementsAndSemicolonsSeparateThem() {
        assertThat(CutStatements.ofSql(
                        "SELECT 'CREATE INDEX CONCURRENTLY x ON t (a)' /* REINDEX INDEX CONCURRENTLY y */"))
                .isEmpty();
        assertThat(CutStatements.ofSql("-- CREATE INDEX CONCURRENTLY x ON t (a)\nSELECT 1"))
                .isEmpty();
        assertThat(CutStatements.ofSql("SET lock_timeout = '1s'; CREATE INDEX CONCURRENTLY ix_b ON t (b);"))
                .containsExactly(new Leftover.InvalidIndex(name(null, "t"), "ix_b"));
    }
}
