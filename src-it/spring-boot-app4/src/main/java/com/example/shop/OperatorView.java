package com.example.shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * What an operator reads of the running application over HTTP: /actuator/migrate and /actuator/health/migrate,
 * each answer's status and body written to target/actuator/ for the verify script; then the application stops.
 */
@Configuration
@Profile("operator")
class OperatorView {
    /** After the application's own runners, which the at-head run checks too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner readActuator(Environment environment, ConfigurableApplicationContext context) {
        return args -> {
            String base = "http://localhost:" + environment.getProperty("local.server.port") + "/actuator/";
            HttpClient http = HttpClient.newHttpClient();
            Path out = Files.createDirectories(Path.of("target", "actuator",
                    environment.matchesProfiles("behind") ? "behind" : "at-head"));
            for (String path : new String[] {"migrate", "health/migrate", "health"}) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Files.writeString(out.resolve(path.replace('/', '-') + ".json"), response.body());
                Files.writeString(out.resolve(path.replace('/', '-') + ".status"), Integer.toString(response.statusCode()));
                System.out.println("GET /actuator/" + path + " -> " + response.statusCode());
            }
            System.exit(SpringApplication.exit(context, () -> 0));
        };
    }
}
