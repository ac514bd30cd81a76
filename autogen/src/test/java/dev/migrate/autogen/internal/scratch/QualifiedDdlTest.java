package dev.migrate.autogen.internal.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which schema names of entity DDL move to the scratch stand-ins: every name in code, none inside a
 * literal or a comment, whatever its quoting. A name missed here would be built in the real schema.
 */
class QualifiedDdlTest {
    /** As the scratch layout holds them. */
    private static final Map<String, String> STAND_INS = new HashMap<>(Map.of("audit", "migrate_scratch_1_audit"));

    @Test
    void theSchemasTablesAreCreatedInAreThoseCreatedNotThoseReferredTo() {
        List<String> ddl = List.of(
                "CREATE SCHEMA audit",
                "create unlogged table if not exists \"Stage\".load (id int)",
                "create table billing.invoice (id int, customer int references auth.users (id))",
                "create table plain (id int)",
                "create index on reporting.x (id)",
                "create table s.\"t(x)\"(id int)");
        assertThat(QualifiedDdl.tableSchemas(ddl)).containsExactly("audit", "Stage", "billing", "s");
        assertThat(QualifiedDdl.createdSchemas(ddl)).containsExactly("audit");
    }

    @Test
    void aReferenceAfterAnEscapeStringWithABackslashedQuoteMoves() {
        List<String> ddl = List.of(
                "create table audit.parent (id bigint primary key)",
                "create table audit.child (note text default E'it\\'s audit.parent',"
                        + " parent_id bigint references audit.parent)");

        assertThat(QualifiedDdl.rewrite(ddl, STAND_INS))
                .containsExactly(
                        "create table migrate_scratch_1_audit.parent (id bigint primary key)",
                        "create table migrate_scratch_1_audit.child (note text default E'it\\'s audit.parent',"
                                + " parent_id bigint references migrate_scratch_1_audit.parent)");
    }

    @Test
    void aReferenceAfterADollarQuotedStringMoves() {
        List<String> ddl = List.of(
                "create table audit.parent (id bigint primary key)",
                "create table audit.child (note text default $q$it's audit.parent$q$ check (note <> 'x'),"
                        + " parent_id bigint references audit.parent)");

        assertThat(QualifiedDdl.rewrite(ddl, STAND_INS).get(1))
                .isEqualTo("create table migrate_scratch_1_audit.child (note text default $q$it's audit.parent$q$"
                        + " check (note <> 'x'), parent_id bigint references migrate_scratch_1_audit.parent)");
    }

    @Test
    void namesInCommentsAndLiteralsStayAndQuotedNamesMove() {
        List<String> ddl = List.of("create table \"audit\".t (a text default 'audit.t' /* references audit.t */,"
                + " b bigint -- references audit.t\n references AUDIT.t, c bit(2) default B'10')");

        assertThat(QualifiedDdl.rewrite(ddl, STAND_INS))
                .containsExactly("create table migrate_scratch_1_audit.t (a text default 'audit.t'"
                        + " /* references audit.t */, b bigint -- references audit.t\n"
                        + " references migrate_scratch_1_audit.t, c bit(2) default B'10')");
    }

    @Test
    void theSchemasNamedAreReadAsTheServerStoresThem() {
        assertThat(QualifiedDdl.schemas(List.of(
                        "create table Audit.t (a text default E'x\\' create table other.t')",
                        "create sequence \"Ledger\".s",
                        "create table U&\"d!0061ta\" UESCAPE '!'.t (id int)",
                        "create schema if not exists extra")))
                .containsExactly("audit", "Ledger", "data", "extra");
    }
}
