package dev.migrate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which statements state an extension's version, and which leave it to the server. */
class ExtensionVersionsTest {
    private static final List<String> STATEMENTS = List.of(
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "create extension \"uuid-ossp\" with schema public",
            "CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8'",
            "ALTER EXTENSION citext UPDATE TO '1.6'",
            "ALTER EXTENSION pg_trgm UPDATE",
            "CREATE TABLE version (id int)");

    @Test
    void aVersionIsStatedByCreateWithVersionOrByUpdateTo() {
        assertThat(ExtensionVersions.stated(STATEMENTS)).containsExactly("citext", "hstore");
    }

    @Test
    void anExtensionCreatedWithoutAVersionLeavesItToTheServer() {
        assertThat(ExtensionVersions.unstated(STATEMENTS)).containsExactlyInAnyOrder("pgcrypto", "\"uuid-ossp\"");
    }
}
