package dev.migrate.catalog.kind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.SchemaObject;
import dev.migrate.op.ObjectKind;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A read plans the query of a kind only where its {@link KindReading#presence} holds: none on a schema of tables
 * alone, and each kind's, with the object read, on a schema that has one object of it (a presence that missed its
 * kind would lose the object).
 */
class KindPresenceTest {
    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, a int, b int)";

    @Test
    void aSchemaOfTablesAloneHasNoKindToPlanAndNothingToRead() throws Exception {
        try (Connection c = TestPostgres.freshDatabase("presence_none").getConnection();
                Statement s = c.createStatement()) {
            s.execute(TABLE);
            s.execute("CREATE SEQUENCE counter");
            s.execute("CREATE TYPE mood AS ENUM ('calm', 'busy')");

            assertThat(ObjectReader.presentKinds(c, List.of("public"))).isEmpty();
            assertThat(ObjectReader.read(c, List.of("public"))).isEmpty();
        }
    }

    static Stream<Arguments> oneObjectOfEachKind() {
        return Stream.of(
                Arguments.of(ObjectKind.EXTENSION, "CREATE EXTENSION hstore"),
                Arguments.of(ObjectKind.COLLATION, "CREATE COLLATION plain FROM \"C\""),
                Arguments.of(ObjectKind.DOMAIN, "CREATE DOMAIN positive AS int CHECK (VALUE > 0)"),
                Arguments.of(ObjectKind.TYPE, "CREATE TYPE pair AS (x int, y int)"),
                Arguments.of(ObjectKind.TYPE, "CREATE TYPE span AS RANGE (subtype = float8)"),
                Arguments.of(ObjectKind.FUNCTION, "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'"),
                Arguments.of(ObjectKind.PROCEDURE, "CREATE PROCEDURE nothing() LANGUAGE sql AS 'SELECT 1'"),
                Arguments.of(ObjectKind.AGGREGATE, "CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int)"),
                Arguments.of(ObjectKind.VIEW, "CREATE VIEW v AS SELECT id FROM t"),
                Arguments.of(ObjectKind.MATERIALIZED_VIEW, "CREATE MATERIALIZED VIEW m AS SELECT id FROM t"),
                Arguments.of(
                        ObjectKind.TRIGGER,
                        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                                + " CREATE TRIGGER touched BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()"),
                Arguments.of(
                        ObjectKind.EVENT_TRIGGER,
                        "CREATE FUNCTION noted() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';"
                                + " CREATE EVENT TRIGGER presence_noted ON ddl_command_end EXECUTE FUNCTION noted()"),
                Arguments.of(ObjectKind.POLICY, "CREATE POLICY own ON t USING (a > 0)"),
                Arguments.of(ObjectKind.RULE, "CREATE RULE quiet AS ON DELETE TO t DO INSTEAD NOTHING"),
                Arguments.of(ObjectKind.STATISTICS, "CREATE STATISTICS ab ON a, b FROM t"),
                Arguments.of(
                        ObjectKind.PARTITION_INDEX,
                        "CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);"
                                + " CREATE TABLE p_1 PARTITION OF p FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
                                + " CREATE INDEX p_1_id ON p_1 (id)"),
                Arguments.of(
                        ObjectKind.PARTITION_CONSTRAINT,
                        "CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);"
                                + " CREATE TABLE p_1 PARTITION OF p FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
                                + " ALTER TABLE p_1 ADD CONSTRAINT p_1_id CHECK (id > 0)"),
                Arguments.of(ObjectKind.ROW_LEVEL_SECURITY, "ALTER TABLE t ENABLE ROW LEVEL SECURITY"),
                Arguments.of(ObjectKind.COLUMN_OPTIONS, "ALTER TABLE t ALTER COLUMN a SET (n_distinct = 10)"),
                Arguments.of(ObjectKind.GRANT, "GRANT SELECT ON t TO presence_reader"),
                Arguments.of(ObjectKind.GRANT, "GRANT SELECT (a) ON t TO presence_reader"),
                Arguments.of(ObjectKind.GRANT, "GRANT USAGE ON SCHEMA public TO presence_reader"),
                Arguments.of(
                        ObjectKind.GRANT,
                        "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                                + " REVOKE EXECUTE ON FUNCTION one() FROM PUBLIC"),
                Arguments.of(
                        ObjectKind.DEFAULT_PRIVILEGES,
                        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO presence_reader"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oneObjectOfEachKind")
    void aSchemaWithOneObjectOfAKindPlansThatKindAndReadsTheObject(ObjectKind kind, String ddl) throws Exception {
        String database =
                "presence_" + kind.name().toLowerCase(Locale.ROOT) + "_" + Math.floorMod(ddl.hashCode(), 100_000);
        try (Connection c = TestPostgres.freshDatabase(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "DO $$ BEGIN CREATE ROLE presence_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            s.execute(TABLE);
            s.execute(ddl);
            try {
                assertThat(ObjectReader.presentKinds(c, List.of("public"))).contains(kind);
                assertThat(ObjectReader.read(c, List.of("public")))
                        .extracting(SchemaObject::id)
                        .anySatisfy(id -> assertThat(id.kind()).isEqualTo(kind));
                // the schema's rows reached through the index (a few schemas of many) read the same
                assertThat(ObjectReader.readThrough(c, List.of("public"), true))
                        .isEqualTo(ObjectReader.readThrough(c, List.of("public"), false));
            } finally {
                // the event trigger and the default privileges outlive nothing but their database; the
                // role is the cluster's, kept for the next case
                s.execute("DROP EVENT TRIGGER IF EXISTS presence_noted");
            }
        }
    }
}
