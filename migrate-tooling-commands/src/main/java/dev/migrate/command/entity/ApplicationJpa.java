package dev.migrate.command.entity;

import dev.migrate.command.settings.SettingsTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the application itself tells its Hibernate, read from its compiled resources without starting it: a Spring
 * Boot application's {@code spring.jpa.*} ({@link SpringJpaSettings}) and a Quarkus application's
 * {@code quarkus.hibernate-orm.*} ({@link QuarkusOrmSettings}), so that the entity DDL compared is the one the
 * application runs. A face's own settings win over these ({@link ProjectEntities#properties}).
 *
 * @param properties Hibernate properties, by Hibernate's name
 * @param packages the packages of the application's persistence unit, where it names them; empty: every entity
 */
public record ApplicationJpa(Map<String, String> properties, List<String> packages) {

    /**
     * Reads the application's settings in {@code classes}, each source announced to {@code info}.
     *
     * @param classes the classpath root holding {@code application.*} ({@code target/classes})
     * @param property a system property of the run ({@code spring.profiles.active}, {@code quarkus.profile}), or null
     * @param environment for the profiles' environment variables and {@code ${...}} placeholders
     */
    public static ApplicationJpa read(
            Path classes,
            Function<String, @Nullable String> property,
            Map<String, String> environment,
            Consumer<String> info) {
        SpringJpaSettings spring =
                SpringJpaSettings.read(classes, property.apply("spring.profiles.active"), environment);
        if (!spring.properties().isEmpty()) {
            info.accept("Using the Spring Boot JPA settings of " + String.join(", ", spring.sources())
                    + (spring.profiles().isEmpty() ? "" : " (profiles " + String.join(", ", spring.profiles()) + ")")
                    + ": " + String.join(", ", new TreeSet<>(spring.properties().keySet()))
                    + ". Settings given to migrate win over them.");
        }
        QuarkusOrmSettings quarkus = QuarkusOrmSettings.read(classes, property.apply("quarkus.profile"), environment);
        if (!quarkus.isEmpty()) {
            info.accept("Using the Quarkus Hibernate ORM settings of " + String.join(", ", quarkus.sources())
                    + " (profile " + quarkus.profile() + ")"
                    + (quarkus.properties().isEmpty()
                            ? ""
                            : ": "
                                    + String.join(
                                            ", ",
                                            new TreeSet<>(quarkus.properties().keySet())))
                    + (quarkus.packages().isEmpty() ? "" : "; the entities of " + String.join(", ", quarkus.packages()))
                    + ". Settings given to migrate win over them.");
        }
        Map<String, String> properties = new HashMap<>(spring.properties());
        properties.putAll(quarkus.properties());
        return new ApplicationJpa(Map.copyOf(properties), quarkus.packages());
    }

    /**
     * The packages of the migrations: {@code configured}, or, where it is left at its default, the packages the
     * application's settings in {@code classes} give migrate at run time (a Quarkus application's
     * {@code quarkus.migrate.packages}, a Spring Boot application's {@code migrate.packages} in
     * {@code application.properties} or {@code .yml}, each with its profiles), announced to {@code info}, so that a
     * face finds and writes the revisions where the application runs them from.
     */
    public static List<String> migrationPackages(
            List<String> configured,
            Path classes,
            Function<String, @Nullable String> property,
            Map<String, String> environment,
            Consumer<String> info) {
        if (!configured.equals(List.of(Objects.requireNonNull(SettingsTable.PACKAGES.defaultValue())))) {
            return configured;
        }
        QuarkusOrmSettings quarkus = QuarkusOrmSettings.read(classes, property.apply("quarkus.profile"), environment);
        if (!quarkus.migrationPackages().isEmpty()) {
            info.accept("Using the packages of quarkus.migrate.packages in application.properties (profile "
                    + quarkus.profile() + "): " + String.join(", ", quarkus.migrationPackages())
                    + ". The packages setting wins over them.");
            return quarkus.migrationPackages();
        }
        SpringJpaSettings spring =
                SpringJpaSettings.read(classes, property.apply("spring.profiles.active"), environment);
        if (!spring.migrationPackages().isEmpty()) {
            info.accept("Using the packages of migrate.packages in " + String.join(", ", spring.sources())
                    + (spring.profiles().isEmpty() ? "" : " (profiles " + String.join(", ", spring.profiles()) + ")")
                    + ": " + String.join(", ", spring.migrationPackages()) + ". The packages setting wins over them.");
            return spring.migrationPackages();
        }
        return configured;
    }

    /** The packages a face compares: its own when it names any, else the application's. */
    public List<String> packagesOr(List<String> configured) {
        return configured.isEmpty() ? packages : configured;
    }
}
