package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test void jdbcUrlKeepsItsParametersButNotTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.internal:6543/orders?sslmode=require&user=app&password=s3cret", "-Dmigrate.url");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
        assertThat(url.hosts()).isEqualTo("db.internal:6543");
        assertThat(url.database()).isEqualTo("orders");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test void libpqUrlBecomesJdbcWithDecodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p%40ss%3Aword@localhost/app?sslmode=disable", "DATABASE_URL");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app?sslmode=disable");
        assertThat(url.hosts()).isEqualTo("localhost:5432");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:word");
    }

    @Test void postgresSchemeAndMultipleHosts() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u@h1:5433,h2/app", "DATABASE_URL");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5433,h2/app");
        assertThat(url.hosts()).isEqualTo("h1:5433,h2:5432");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isNull();
    }

    @Test void otherSchemesAreRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost/db", "MIGRATE_DATABASE_URL"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("MIGRATE_DATABASE_URL is not a PostgreSQL URL")
                .message().doesNotContain("hunter2");
    }
}
