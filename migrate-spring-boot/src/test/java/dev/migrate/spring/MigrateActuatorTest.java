package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.Migrator;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;

/**
 * The application as an operator sees it over HTTP: {@code /actuator/migrate} and the {@code migrate} health
 * of a Boot application on a random port, its database left one revision behind head at startup
 * ({@code migrate.target=s1}) and then upgraded through the {@code Migrator} bean.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "migrate.packages=dev.migrate.spring.fixtures",
            "migrate.target=s1",
            "management.endpoints.web.exposure.include=health,migrate",
            "management.endpoint.health.show-details=always",
            "spring.application.name=shop"
        })
class MigrateActuatorTest {
    private static final String DATABASE = TestPostgres.createDatabase("starter_actuator");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        DataSource dataSource() {
            return TestPostgres.dataSource(DATABASE);
        }

        @Bean
        M2SeedThings seed() {
            return new M2SeedThings("from-spring");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Migrator migrator;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theEndpointAndTheHealthShowADatabaseBehindHeadThenAtHead() throws Exception {
        ResponseEntity<String> migrate =
                http.getForEntity("http://localhost:" + port + "/actuator/migrate", String.class);
        assertThat(migrate.getStatusCode().value()).isEqualTo(200);
        JsonNode bean = json.readTree(migrate.getBody())
                .path("contexts")
                .path("shop")
                .path("migrateBeans")
                .path("migrateStatus");
        assertThat(bean.path("database").asText())
                .isEqualTo("PostgreSQL at localhost:" + TestPostgres.port() + ", database " + DATABASE
                        + ", user postgres");
        assertThat(bean.path("current").get(0).path("revision").asText()).isEqualTo("s1");
        assertThat(bean.path("current").get(0).path("message").asText()).isEqualTo("create things");
        assertThat(bean.path("current").get(0).path("head").asBoolean()).isFalse();
        assertThat(bean.path("heads").toString()).isEqualTo("[\"s2\"]");
        assertThat(bean.path("pending").toString()).isEqualTo("[\"s2\"]");
        assertThat(absent(bean.path("expand"))).isTrue();
        assertThat(absent(bean.path("drift"))).as("drift validation is off").isTrue();
        assertThat(bean.path("history").get(0).path("revision").asText()).isEqualTo("s1");
        assertThat(bean.path("history").get(0).path("direction").asText()).isEqualTo("upgrade");
        assertThat(bean.path("history").get(0).path("appliedBy").asText()).isEqualTo("postgres");
        assertThat(absent(bean.path("tenants"))).isTrue();

        ResponseEntity<String> behind =
                http.getForEntity("http://localhost:" + port + "/actuator/health", String.class);
        assertThat(behind.getStatusCode().value())
                .as("a DOWN application answers 503")
                .isEqualTo(503);
        JsonNode health = json.readTree(behind.getBody()).path("components").path("migrate");
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("details").path("reason").asText())
                .isEqualTo(
                        "The database is behind the application's head: 1 revision is pending (s2). Upgrade it to head.");
        assertThat(health.path("details").path("pending").toString()).isEqualTo("[\"s2\"]");

        migrator.upgrade("head");

        JsonNode atHead = json.readTree(
                        http.getForEntity("http://localhost:" + port + "/actuator/migrate", String.class)
                                .getBody())
                .path("contexts")
                .path("shop")
                .path("migrateBeans")
                .path("migrateStatus");
        assertThat(atHead.path("current").get(0).path("revision").asText()).isEqualTo("s2");
        assertThat(atHead.path("pending").toString()).isEqualTo("[]");
        assertThat(atHead.path("history").get(0).path("revision").asText()).isEqualTo("s2");
        assertThat(atHead.path("history").get(1).path("revision").asText()).isEqualTo("s1");

        ResponseEntity<String> up =
                http.getForEntity("http://localhost:" + port + "/actuator/health/migrate", String.class);
        assertThat(up.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(up.getBody()).path("status").asText()).isEqualTo("UP");
    }

    /** Null, or left out as Actuator's JSON leaves nulls out. */
    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    @Test
    void theEndpointIsReadOnly() {
        ResponseEntity<String> post =
                http.postForEntity("http://localhost:" + port + "/actuator/migrate", null, String.class);
        assertThat(post.getStatusCode().value()).isEqualTo(405);
    }
}
