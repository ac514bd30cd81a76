package dev.migrate.servers;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.testing.LongSuite;
import dev.migrate.tooling.MigratorTools;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a schema needs from its throwaway server: the extensions its statements create, and those whose types its
 * columns use (entity DDL creates no extension); and what the embedded binaries carry, read from their jar.
 */
@LongSuite
class NeededExtensionsTest {
    @Test
    void theExtensionsCreatedAndThoseWhoseTypesTheColumnsUse() {
        assertThat(NeededExtensions.in(List.of(
                        "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public VERSION '0.8.1'",
                        "create extension \"uuid-ossp\"",
                        "CREATE EXTENSION plpgsql")))
                .containsExactly("uuid-ossp", "vector");
        // Hibernate's DDL for @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = 3) and a JTS Point with its SRID
        assertThat(NeededExtensions.in(
                        List.of("create table document (id bigint not null, embedding vector(3), primary key (id))")))
                .containsExactly("vector");
        assertThat(NeededExtensions.in(List.of(
                        "create table place (id bigint not null, location geometry(Point,4326), primary key (id))",
                        "create table area (id bigint not null, shape geography not null)")))
                .containsExactly("postgis");
        assertThat(NeededExtensions.in(List.of("CREATE TABLE t (summary halfvec(768), tags sparsevec(1000))")))
                .containsExactly("vector");
    }

    @Test
    void wordsThatAreNoTypeNeedNothing() {
        assertThat(NeededExtensions.in(List.of(
                        "CREATE TABLE shapes (geometry text, vector int, bits bit(8))",
                        "COMMENT ON TABLE shapes IS 'a vector of geometry'",
                        "SELECT 1")))
                .isEmpty();
    }

    /** A chain that creates extensions every way a migration can, and uses their types without creating them. */
    @Revision(id = "20261129_100000", message = "extensions")
    public static class Extensions implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createObject(
                    ObjectKind.EXTENSION,
                    "\"uuid-ossp\"",
                    "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public");
            op.execute("create extension if not exists pgcrypto");
            op.createTable("doc", column("id", "bigint").primaryKey(), column("embedding", "vector(3)"));
            op.createTable("shapes", column("geometry", "text"), column("vector", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("shapes");
            op.dropTable("doc");
        }
    }

    @Revision(id = "20261129_110000", revises = "20261129_100000", message = "places")
    public static class Places implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("shapes", column("area", "geography"));
            op.alterColumnType("doc", "embedding", "halfvec(3)");
            op.createObject(ObjectKind.DOMAIN, "public.summary", "CREATE DOMAIN public.summary AS sparsevec(1000)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("CREATE EXTENSION btree_gist");
        }
    }

    @Test
    void theOperationsNeedWhatTheirRenderedStatementsNeedWithoutRenderingThem() {
        MigratorTools chain = MigratorTools.of(
                Migrator.builder().migrations(Extensions.class, Places.class).build());
        assertThat(NeededExtensions.of(chain.operations()))
                .containsExactly("btree_gist", "pgcrypto", "postgis", "uuid-ossp", "vector")
                .isEqualTo(NeededExtensions.in(chain.renderedStatements()));
        assertThat(NeededExtensions.of(List.of(new ObjectOp.CreateObject(
                        new ObjectDefinition(ObjectKind.EXTENSION, "plpgsql", "CREATE EXTENSION plpgsql")))))
                .isEmpty();
    }

    @Test
    void theEmbeddedBinariesCarryTheContribModulesButNeitherVectorNorPostgis() throws Exception {
        URL archive = Objects.requireNonNull(getClass().getClassLoader().getResource("postgres-linux-x86_64.txz"));
        Path jar = Path.of(
                ((JarURLConnection) archive.openConnection()).getJarFileURL().toURI());
        Set<String> carried = NeededExtensions.inBinariesJar(jar);
        assertThat(carried).contains("pgcrypto", "hstore", "pg_trgm", "btree_gist");
        assertThat(carried).doesNotContain("vector", "postgis");
        // the contrib modules taken without reading the archive are all in it
        assertThat(carried).containsAll(PostgresBinaries.CONTRIB);
        assertThat(PostgresBinaries.contribCarries(Set.of("pgcrypto", "hstore", "pg_trgm")))
                .isTrue();
        assertThat(PostgresBinaries.contribCarries(Set.of("pgcrypto", "vector")))
                .isFalse();
        assertThat(carried).containsAll(Set.of("pgcrypto", "hstore", "pg_trgm", "btree_gist", "citext", "uuid-ossp"));
    }
}
