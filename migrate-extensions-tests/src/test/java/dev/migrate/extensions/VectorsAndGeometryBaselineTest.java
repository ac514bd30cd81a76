package dev.migrate.extensions;

import static dev.migrate.extensions.ExtensionsServer.execute;
import static dev.migrate.extensions.ExtensionsServer.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Autogenerate;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog reads what pgvector and PostGIS bring exactly and builds it again: a database built by hand with
 * vector, halfvec, sparsevec and bit columns, geometry and geography columns with their subtype and SRID, and the
 * indexes people build on them (HNSW and IVFFlat with operator classes, GiST, SP-GiST, BRIN) gives
 * a baseline whose replay on a fresh database is the same database (fresh equals adopted): the same column types,
 * the same index definitions, no drift; what PostGIS brings itself (its table spatial_ref_sys, the rules and grants
 * of its views) stays out of the baseline, as the extension creates it. The cases follow pgvector's own regression
 * tests for its index methods (test/sql/hnsw_vector.sql, ivfflat_vector.sql: the operator classes) and PostGIS's
 * for typmods (regress/core/typmod.sql).
 */
@ExtendWith(ExtensionsServer.class)
class VectorsAndGeometryBaselineTest {
    static final String[] BY_HAND = {
        "CREATE TABLE documents (id bigint PRIMARY KEY, content text, embedding vector(3),"
                + " summary halfvec(3), keywords sparsevec(5), signature bit(8))",
        // with the storage parameters of pgvector's README: HNSW's m and ef_construction, IVFFlat's lists
        "CREATE INDEX documents_embedding_idx ON documents USING hnsw (embedding vector_cosine_ops)"
                + " WITH (m = 16, ef_construction = 64)",
        "CREATE INDEX documents_embedding_l2 ON documents USING ivfflat (embedding vector_l2_ops) WITH (lists = 100)",
        "CREATE INDEX documents_summary_ip ON documents USING hnsw (summary halfvec_ip_ops)",
        "CREATE INDEX documents_signature_hamming ON documents USING hnsw (signature bit_hamming_ops)",
        "CREATE TABLE places (id bigint PRIMARY KEY, name text, location geometry(Point,4326),"
                + " area geography(Polygon,4326), outline geometry, seen timestamptz)",
        "CREATE INDEX places_location_idx ON places USING gist (location)",
        "CREATE INDEX places_area_idx ON places USING gist (area)",
        "CREATE INDEX places_outline_spgist ON places USING spgist (outline)",
        "CREATE INDEX places_seen_brin ON places USING brin (seen)",
    };

    private static ExtensionsServer.Started server;
    private static DataSource adopted;

    @BeforeAll
    static void builtByHand(ExtensionsServer.Started started) {
        server = started;
        adopted = server.freshDatabase("adopted");
        execute(adopted, BY_HAND);
    }

    @Test
    void theBaselineCreatesTheExtensionsFirstAndAFreshDatabaseBuiltFromItIsTheSame() throws SQLException {
        MigrationScript script = baseline(adopted);
        List<String> sql = new ArrayList<>();
        for (Op op : script.upgrade()) {
            sql.addAll(OpSql.render(op));
        }
        String all = String.join("\n", sql);
        assertThat(all)
                .contains("vector(3)")
                .contains("halfvec(3)")
                .contains("sparsevec(5)")
                .contains("geometry(Point,4326)")
                .contains("geography(Polygon,4326)")
                .contains("vector_cosine_ops) WITH (m = 16, ef_construction = 64)")
                .contains("USING ivfflat (embedding) WITH (lists = 100)")
                .contains("USING spgist (outline)")
                .contains("USING brin (seen)")
                .doesNotContain("spatial_ref_sys")
                .doesNotContain("geometry_columns");
        assertThat(firstIndexOf(sql, "CREATE EXTENSION"))
                .as("the extensions come before the tables that use their types")
                .isLessThan(firstIndexOf(sql, "CREATE TABLE"));

        DataSource fresh = server.freshDatabase("fresh", true);
        execute(fresh, sql.toArray(String[]::new));
        assertThat(shape(fresh)).isEqualTo(shape(adopted));
        assertThat(drift(adopted, fresh).differences()).isEmpty();
    }

    @Test
    void driftNamesAnIndexMethodOrADimensionChangedByHand() throws SQLException {
        DataSource live = server.freshDatabase("live");
        DataSource chain = server.freshDatabase("chain");
        execute(live, BY_HAND);
        execute(chain, BY_HAND);
        execute(
                live,
                "DROP INDEX documents_embedding_idx",
                "CREATE INDEX documents_embedding_idx ON documents USING ivfflat (embedding vector_cosine_ops)",
                "ALTER TABLE documents ALTER COLUMN embedding TYPE vector(4)");
        DriftReport report = drift(live, chain);
        assertThat(String.join("\n", report.differences()))
                .contains("documents_embedding_idx")
                .contains("embedding");
        execute(live, report.sql().toArray(String[]::new));
        assertThat(drift(live, chain).differences()).isEmpty();
        assertThat(shape(live)).isEqualTo(shape(chain));
    }

    /**
     * A changed storage parameter is a difference: the index is built again with it (a parameter of the build,
     * as HNSW's m, takes effect only when the index is built), and back with the old one on the way down.
     */
    @Test
    void aChangedStorageParameterOfAnHnswIndexIsADifferenceThatBuildsTheIndexAgain() throws SQLException {
        DataSource live = server.freshDatabase("live_options");
        DataSource chain = server.freshDatabase("chain_options");
        execute(live, BY_HAND);
        execute(chain, BY_HAND);
        execute(
                live,
                "DROP INDEX documents_embedding_idx",
                "CREATE INDEX documents_embedding_idx ON documents USING hnsw (embedding vector_cosine_ops)"
                        + " WITH (m = 32)",
                "ALTER INDEX documents_embedding_l2 RESET (lists)");
        DriftReport report = drift(live, chain);
        assertThat(String.join("\n", report.differences()))
                .contains("documents_embedding_idx")
                .contains("documents_embedding_l2")
                .contains("WITH");
        assertThat(String.join("\n", report.sql()))
                .contains("WITH (m = 16, ef_construction = 64)")
                .contains("WITH (lists = 100)");
        execute(live, report.sql().toArray(String[]::new));
        assertThat(drift(live, chain).differences()).isEmpty();
        assertThat(shape(live)).isEqualTo(shape(chain));
    }

    /** The columns' types and the indexes' definitions, as PostgreSQL spells them. */
    static List<String> shape(DataSource database) {
        List<String> shape = new ArrayList<>(query(
                database,
                "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
                        + " AND c.relname IN ('documents', 'places') ORDER BY 1"));
        shape.addAll(query(
                database,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                        + " AND tablename IN ('documents', 'places') ORDER BY indexname"));
        shape.addAll(
                query(database, "SELECT extname FROM pg_extension WHERE extname IN ('vector', 'postgis') ORDER BY 1"));
        return shape;
    }

    private static int firstIndexOf(List<String> sql, String start) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The baseline of the public schema, read as {@code migrate:baseline} reads it: in a read-only snapshot. */
    static MigrationScript baseline(DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return Autogenerate.baseline(c, "public", "migrate_version", "migrate_history");
            } finally {
                c.rollback();
            }
        }
    }

    static DriftReport drift(DataSource database, DataSource chain) throws SQLException {
        try (Connection live = database.getConnection();
                Connection built = chain.getConnection()) {
            return SchemaDrift.compare(
                    "live",
                    "public",
                    "chain",
                    live,
                    SchemaDrift.read(live, "public", Exclusions.versionTables()),
                    SchemaDrift.read(built, "public", Exclusions.versionTables()),
                    Exclusions.versionTables());
        }
    }
}
