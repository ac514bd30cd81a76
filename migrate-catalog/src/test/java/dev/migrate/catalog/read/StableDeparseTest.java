package dev.migrate.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expressions respelled so that PostgreSQL, parsing them again, deparses them as it did the first
 * time: held to the server itself on every major.
 */
class StableDeparseTest {
    /** What PostgreSQL shows for IN lists and arrays over several types, and for expressions around them. */
    private static final List<String> CHECKS = List.of(
            "v IN ('x', 'y')",
            "v IN ('it''s', 'a, b', 'c]', '(d)')",
            "v NOT IN ('z', 'w')",
            "c IN ('ab', 'cd')",
            "b IN (1, 2)",
            "n IN (1.5, 2)",
            "t IN ('a', 'b')",
            "v = ANY ('{p,q}')",
            "v IN ('x', 'y') OR (t IS NOT NULL AND v IN ('q', 'r'))",
            "vv IN (v, 'x')",
            "t = ANY (ARRAY['a', 'b'])");

    @Test
    void anArrayOfConstantsCoercedAsAWholeIsCastToItsElementTypeFirst() {
        assertThat(StableDeparse.of(
                        "CHECK (((v)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])::text[])))"))
                .isEqualTo("CHECK (((v)::text = ANY (((ARRAY['x'::character varying, 'y'::character varying])"
                        + "::character varying[])::text[])))");
    }

    @Test
    void whatIsAlreadyStableIsLeftAsItIs() {
        for (String stable : List.of(
                "CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])))",
                "CHECK ((b = ANY (ARRAY[(1)::bigint, (2)::bigint])))",
                "CHECK (((v)::text = ANY ('{p,q}'::text[])))",
                // elements that are not all constants of one type
                "CHECK ((x = ANY ((ARRAY[a, 'b'::character varying])::text[])))",
                "CHECK ((x = ANY ((ARRAY['1'::character varying, '2'::bpchar])::text[])))",
                // respelled already
                "CHECK (((v)::text = ANY (((ARRAY['x'::character varying])::character varying[])::text[])))")) {
            assertThat(StableDeparse.of(stable)).as(stable).isEqualTo(stable);
        }
    }

    /** Every check of {@link #CHECKS}, deparsed, respelled and created again, deparses as it did. */
    @OnEveryMajor
    void aRespelledCheckDeparsesAsTheOriginalDid(int major) throws SQLException {
        try (Connection c = TestPostgres.freshDatabase(major, "stable_deparse").getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE u (v varchar(5), vv varchar(10), c char(2), b bigint, n numeric, t text)");
            for (String check : CHECKS) {
                s.execute("ALTER TABLE u ADD CONSTRAINT original CHECK (" + check + ")");
                String original = definition(s, "original");
                s.execute("ALTER TABLE u ADD CONSTRAINT again " + StableDeparse.of(original));
                assertThat(definition(s, "again")).as(check).isEqualTo(original);
                s.execute("ALTER TABLE u DROP CONSTRAINT original, DROP CONSTRAINT again");
            }
            s.execute("CREATE INDEX original ON u (v) WHERE v IN ('x', 'y')");
            String original = indexDefinition(s, "original");
            s.execute(StableDeparse.of(original).replace("INDEX original", "INDEX again"));
            assertThat(indexDefinition(s, "again")).isEqualTo(original.replace("INDEX original", "INDEX again"));
        }
    }

    private static String definition(Statement s, String constraint) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = '" + constraint + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String indexDefinition(Statement s, String index) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_get_indexdef('" + index + "'::regclass)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
