package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a Spring Boot application tells Hibernate through {@code spring.jpa.*}, read from its
 * {@code application.properties} / {@code application.yml} (and those of its active profiles)
 * without starting Spring, so that the entity DDL is the one the application's Hibernate builds.
 *
 * <p>Files are read as Spring Boot reads them from the classpath root: the base file, then the
 * documents and {@code application-<profile>} files of each active profile, later ones winning, and
 * a {@code .properties} file over a {@code .yml} of the same name. Profiles come from
 * {@code -Dspring.profiles.active}, else {@code SPRING_PROFILES_ACTIVE}, else the files'
 * {@code spring.profiles.active}. Keys bind as Spring binds them: {@code physical-strategy},
 * {@code physicalStrategy} and {@code physical_strategy} alike; {@code spring.jpa.properties.*}
 * (also {@code spring.jpa.properties[hibernate.x]}) passes through to Hibernate as written.
 *
 * @param properties Hibernate properties, by Hibernate's name
 * @param sources the files they came from, for the log
 * @param profiles the active profiles
 */
public record SpringJpaSettings(
        Map<String, String> properties, List<String> sources, List<String> profiles, List<String> migrationPackages) {
    private static final String PROPERTIES_PREFIX = "spring.jpa.properties";
    /** The starter's packages of migration classes, in {@link #canonical} form. */
    private static final String MIGRATION_PACKAGES = "migrate.packages";

    private static final Map<String, String> NAMING = Map.of(
            "spring.jpa.hibernate.naming.physicalstrategy", "hibernate.physical_naming_strategy",
            "spring.jpa.hibernate.naming.implicitstrategy", "hibernate.implicit_naming_strategy");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    static SpringJpaSettings none() {
        return new SpringJpaSettings(Map.of(), List.of(), List.of(), List.of());
    }

    /**
     * Reads the {@code spring.jpa.*} settings of {@code application.properties} and {@code application.yml} and of
     * their active profiles, placeholders resolved.
     *
     * @param root the classpath root holding {@code application.*} ({@code target/classes})
     * @param commandLineProfiles {@code -Dspring.profiles.active}, or null
     * @param environment for {@code SPRING_PROFILES_ACTIVE} and {@code ${...}} placeholders
     */
    public static SpringJpaSettings read(
            Path root, @Nullable String commandLineProfiles, Map<String, String> environment) {
        List<String> sources = new ArrayList<>();
        List<Document> base = new ArrayList<>();
        load(root, "application", sources, base);
        Map<String, String> unconditional = merge(base, List.of());
        String active = firstNonBlank(
                commandLineProfiles,
                environment.get("SPRING_PROFILES_ACTIVE"),
                unconditional.get("spring.profiles.active"));
        List<String> profiles = active == null
                ? List.of()
                : List.of(active.split(",")).stream()
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
        Map<String, String> merged = merge(base, profiles);
        for (String profile : profiles) {
            // a profile's own file wins over everything in the base file
            List<Document> specific = new ArrayList<>();
            load(root, "application-" + profile, sources, specific);
            merged.putAll(merge(specific, profiles));
        }
        Map<String, String> hibernate = new LinkedHashMap<>();
        List<String> migrationPackages = new ArrayList<>();
        merged.forEach((key, value) -> {
            String canonical = canonical(key);
            if (canonical.equals(MIGRATION_PACKAGES) || canonical.matches(MIGRATION_PACKAGES + "\\[\\d+]")) {
                // the starter's migrate.packages, as a list or comma-separated, relaxed as Spring binds it
                for (String each : resolve(value, merged, environment, key).split(",", -1)) {
                    if (!each.isBlank()) {
                        migrationPackages.add(each.trim());
                    }
                }
            }
            if (NAMING.containsKey(canonical)) {
                hibernate.put(NAMING.get(canonical), resolve(value, merged, environment, key));
            } else if (key.startsWith(PROPERTIES_PREFIX + ".")
                    || (key.startsWith(PROPERTIES_PREFIX + "[") && key.endsWith("]"))) {
                String rest = key.substring(PROPERTIES_PREFIX.length());
                String name = rest.startsWith("[") ? rest.substring(1, rest.length() - 1) : rest.substring(1);
                hibernate.put(name, resolve(value, merged, environment, key));
            }
        });
        return new SpringJpaSettings(
                Map.copyOf(hibernate), List.copyOf(sources), profiles, List.copyOf(migrationPackages));
    }

    /** One set of keys and, for a YAML document, the profile it applies to. */
    private record Document(
            Map<String, String> values, @Nullable String onProfile) {}

    private static void load(Path root, String name, List<String> sources, List<Document> into) {
        // Spring reads .properties after .yml of the same name, so its values win
        for (String extension : List.of(".yml", ".yaml", ".properties")) {
            Path file = root.resolve(name + extension);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            sources.add(file.getFileName().toString());
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                if (extension.equals(".properties")) {
                    Properties properties = new Properties();
                    properties.load(reader);
                    Map<String, String> values = new LinkedHashMap<>();
                    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
                    into.add(new Document(values, values.get("spring.config.activate.on-profile")));
                } else {
                    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        Map<String, String> values = new LinkedHashMap<>();
                        flatten("", document, values);
                        String on =
                                values.getOrDefault("spring.config.activate.on-profile", values.get("spring.profiles"));
                        into.add(new Document(values, on));
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new MigrateException(
                        "Could not read the Spring Boot settings in " + file + ": " + e.getMessage()
                                + ". Fix the file, or set the Hibernate settings in the plugin's <hibernateProperties>.",
                        e);
            }
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                // "[hibernate.x]" keeps its dots as one key, as Spring's map binding does
                String key = String.valueOf(k);
                flatten(prefix.isEmpty() ? key : prefix + (key.startsWith("[") ? "" : ".") + key, v, into);
            });
        } else if (node instanceof List<?> list) {
            into.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    /** The unconditional documents, then those of each active profile in order; later keys win. */
    private static Map<String, String> merge(List<Document> documents, List<String> profiles) {
        Map<String, String> merged = new LinkedHashMap<>();
        documents.stream().filter(d -> d.onProfile() == null).forEach(d -> merged.putAll(d.values()));
        for (String profile : profiles) {
            documents.stream()
                    .filter(d -> d.onProfile() != null
                            && List.of(d.onProfile().split(",")).stream()
                                    .map(String::trim)
                                    .anyMatch(profile::equals))
                    .forEach(d -> merged.putAll(d.values()));
        }
        return merged;
    }

    /** Spring's relaxed form: lower case, without dashes and underscores, brackets kept. */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /**
     * {@code value} with its {@code ${name}} and {@code ${name:default}} placeholders resolved from the other
     * settings, then the environment (as {@code NAME_IN_CAPITALS} too), as Spring Boot and Quarkus resolve them.
     */
    static String resolve(String value, Map<String, String> settings, Map<String, String> environment, String key) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        Function<String, String> lookup = name -> settings.containsKey(name)
                ? settings.get(name)
                : environment.getOrDefault(
                        name,
                        environment.get(
                                name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
        while (m.find()) {
            String found = lookup.apply(m.group(1));
            if (found == null && m.group(2) == null) {
                throw new MigrateException("The setting " + key + " refers to ${" + m.group(1) + "}, which is not "
                        + "set. Set it in the environment, or give the setting in the plugin's <hibernateProperties>.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found != null ? found : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first of {@code values} that is set and not blank, as the first source that sets a setting wins. */
    static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
