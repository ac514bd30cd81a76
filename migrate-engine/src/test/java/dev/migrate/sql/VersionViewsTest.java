package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The schema of views' name, in Java and as the server computes it, for schemas whose {@code
 * <schema>_<revision>} PostgreSQL would cut at 63 bytes (a tenant's schema, a long revision id).
 */
class VersionViewsTest {
    private static final String TENANT = "tenant_acme_corporation_international_holdings_eu";

    @Test
    void aShortNameIsTheSchemaThenTheRevision() {
        assertThat(VersionViews.name("public", "20261126_090000")).isEqualTo("public_20261126_090000");
    }

    @Test
    void aLongNameKeepsTheRevisionWholeAndFitsIn63Bytes() {
        String name = VersionViews.name(TENANT, "20260302_000002");
        assertThat(name).endsWith("_20260302_000002").startsWith("tenant_acme_corporation_international");
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        // two tenants alike but for their end get two schemas of views
        assertThat(VersionViews.name(TENANT.replace("_eu", "_us"), "20260302_000002"))
                .isNotEqualTo(name);
    }

    @Test
    void theServerComputesTheSameNameAndKeepsItUncut() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("views_names");
        List<String> schemas = List.of(
                "public",
                TENANT,
                TENANT.replace("_eu", "_us"),
                "Kunden mit Überlänge und Umlauten äöü für den Test der Byte Grenze",
                "x".repeat(63),
                "e");
        List<String> revisions = List.of("20260302_000002", "r", "a_rather_long_revision_id_written_by_hand_0042");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String schema : schemas) {
                for (String revision : revisions) {
                    String expected = VersionViews.name(schema, revision);
                    assertThat(expected.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
                    String sql = VersionViews.sql(Literals.string(schema), revision);
                    try (ResultSet rs = s.executeQuery("SELECT " + sql + ", " + sql + "::name::text")) {
                        rs.next();
                        assertThat(rs.getString(1))
                                .as(schema + " / " + revision)
                                .isEqualTo(expected);
                        assertThat(rs.getString(2)).as("uncut by the server").isEqualTo(expected);
                    }
                }
            }
        }
    }
}
