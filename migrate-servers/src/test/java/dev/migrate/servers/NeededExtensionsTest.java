package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void theEmbeddedBinariesCarryTheContribModulesButNeitherVectorNorPostgis() throws Exception {
        URL archive = Objects.requireNonNull(getClass().getClassLoader().getResource("postgres-linux-x86_64.txz"));
        Path jar = Path.of(
                ((JarURLConnection) archive.openConnection()).getJarFileURL().toURI());
        Set<String> carried = NeededExtensions.inBinariesJar(jar);
        assertThat(carried).contains("pgcrypto", "hstore", "pg_trgm", "btree_gist");
        assertThat(carried).doesNotContain("vector", "postgis");
        // the contrib modules taken without reading the archive are all in it
        assertThat(carried).containsAll(NeededExtensions.CONTRIB);
        assertThat(NeededExtensions.contribCarries(Set.of("pgcrypto", "hstore", "pg_trgm")))
                .isTrue();
        assertThat(NeededExtensions.contribCarries(Set.of("pgcrypto", "vector")))
                .isFalse();
        assertThat(carried).containsAll(Set.of("pgcrypto", "hstore", "pg_trgm", "btree_gist", "citext", "uuid-ossp"));
    }
}
