package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What a Quarkus application tells Hibernate through {@code quarkus.hibernate-orm.*}, read from its
 * {@code application.properties} without starting Quarkus, so that the entity DDL is the one the application's
 * Hibernate builds: its naming strategies, default schema and catalog, time zone storage, the packages of its
 * default persistence unit, and its {@code unsupported-properties} passed to Hibernate as written.
 *
 * <p>Values are read as Quarkus reads them for a profile: a {@code %<profile>.} key wins over the plain one. The
 * profile is {@code -Dquarkus.profile}, else {@code QUARKUS_PROFILE}, else the file's {@code quarkus.profile}, else
 * {@code prod}, the profile of the packaged application whose database the migrations change ({@code quarkus dev}
 * runs {@code dev}: give {@code -Dquarkus.profile=dev} to compare what dev mode builds).
 *
 * @param properties Hibernate properties, by Hibernate's name
 * @param packages the packages of the default persistence unit ({@code quarkus.hibernate-orm.packages}); empty: all
 * @param sources the files they came from, for the log
 * @param profile the profile read
 * @param migrationPackages the packages of the default datasource's revisions, as the extension reads them
 *     ({@code quarkus.migrate.packages}); empty when the file does not set them
 */
public record QuarkusOrmSettings(
        Map<String, String> properties,
        List<String> packages,
        List<String> sources,
        String profile,
        List<String> migrationPackages) {
    private static final String MIGRATION_PACKAGES = "quarkus.migrate.packages";
    private static final String ORM = "quarkus.hibernate-orm.";
    private static final String UNSUPPORTED = ORM + "unsupported-properties.";
    private static final Map<String, String> HIBERNATE = Map.of(
            ORM + "physical-naming-strategy", "hibernate.physical_naming_strategy",
            ORM + "implicit-naming-strategy", "hibernate.implicit_naming_strategy",
            ORM + "database.default-schema", "hibernate.default_schema",
            ORM + "database.default-catalog", "hibernate.default_catalog",
            ORM + "mapping.timezone.default-storage", "hibernate.timezone.default_storage");

    /**
     * Reads the {@code quarkus.hibernate-orm.*} settings of {@code application.properties} for the profile in use,
     * placeholders resolved.
     *
     * @param root the classpath root holding {@code application.properties} ({@code target/classes})
     * @param commandLineProfile {@code -Dquarkus.profile}, or null
     * @param environment for {@code QUARKUS_PROFILE} and {@code ${...}} placeholders
     */
    public static QuarkusOrmSettings read(
            Path root, @Nullable String commandLineProfile, Map<String, String> environment) {
        Path file = root.resolve("application.properties");
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            Properties read = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                read.load(reader);
            } catch (IOException | RuntimeException e) {
                throw new MigrateException(
                        "Could not read the Quarkus settings in " + file + ": " + e.getMessage()
                                + ". Fix the file, or set the Hibernate settings in the plugin's <hibernateProperties>.",
                        e);
            }
            read.stringPropertyNames().forEach(k -> values.put(k, read.getProperty(k)));
        }
        String profile = Objects.requireNonNullElse(
                        SpringJpaSettings.firstNonBlank(
                                commandLineProfile, environment.get("QUARKUS_PROFILE"), values.get("quarkus.profile")),
                        "prod")
                .strip();
        // the profile's keys win over the plain ones
        Map<String, String> active = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("%")) {
                active.put(key, value);
            }
        });
        String prefix = "%" + profile + ".";
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                active.put(key.substring(prefix.length()), value);
            }
        });
        Map<String, String> hibernate = new LinkedHashMap<>();
        List<String> packages = List.of();
        List<String> migrationPackages = List.of();
        for (Map.Entry<String, String> entry : active.entrySet()) {
            String key = entry.getKey();
            if (key.equals(MIGRATION_PACKAGES)) {
                migrationPackages = list(SpringJpaSettings.resolve(entry.getValue(), active, environment, key));
            }
            if (!key.startsWith(ORM)) {
                continue;
            }
            String value = SpringJpaSettings.resolve(entry.getValue(), active, environment, key);
            if (HIBERNATE.containsKey(key)) {
                hibernate.put(HIBERNATE.get(key), hibernateValue(key, value));
            } else if (key.startsWith(UNSUPPORTED)) {
                hibernate.put(unquoted(key.substring(UNSUPPORTED.length())), value);
            } else if (key.equals(ORM + "packages")) {
                packages = list(value);
            }
        }
        return new QuarkusOrmSettings(
                Map.copyOf(hibernate),
                packages,
                hibernate.isEmpty() && packages.isEmpty()
                        ? List.of()
                        : List.of(file.getFileName().toString()),
                profile,
                migrationPackages);
    }

    private static List<String> list(String value) {
        return List.of(value.split(",", -1)).stream()
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** Whether the application told Hibernate anything through Quarkus. */
    public boolean isEmpty() {
        return properties.isEmpty() && packages.isEmpty();
    }

    /** Quarkus spells the time zone storage in kebab case ({@code normalize-utc}); Hibernate reads its enum's name. */
    private static String hibernateValue(String key, String value) {
        return key.endsWith("timezone.default-storage")
                ? value.trim().toUpperCase(Locale.ROOT).replace('-', '_')
                : value.trim();
    }

    /** {@code "hibernate.x"}, as Quarkus quotes a map key holding dots, is {@code hibernate.x}. */
    private static String unquoted(String key) {
        return key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")
                ? key.substring(1, key.length() - 1)
                : key;
    }
}
