package dev.migrate.imports.flyway;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One of Flyway's configuration files read as Flyway reads it, flattened to dotted keys: a {@code .toml} file
 * (Flyway 10 and later: the {@code [flyway]} table as {@code flyway.<name>}, {@code [environments.<name>]} as
 * {@code environments.<name>.<setting>}, lists joined with commas, {@code ${env.NAME}} resolved), any other a
 * {@code .conf} properties file ({@code ${NAME}} replaced with the environment variable, backslashes kept).
 *
 * @param shown the file as messages name it, relative to the project where it lies in it
 * @param settings every setting the file gives, by its dotted key
 * @param unresolved the settings whose value names a resolver the import cannot call ({@code ${vault.x}}) or an
 *     environment variable that is not set, with a sentence that says which
 */
record FlywayConfigFile(String shown, Map<String, String> settings, Map<String, String> unresolved) {
    /** Flyway's own {@code ${resolver.key}} in a TOML value ({@code PropertyResolverContextImpl}). */
    private static final Pattern RESOLVER = Pattern.compile("\\${1,2}\\{([^.{}]+)\\.([^.{}]+?)}");

    /** An environment variable in a {@code .conf} file ({@code ConfigUtils.expandEnvironmentVariables}). */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    FlywayConfigFile {
        settings = Map.copyOf(settings);
        unresolved = Map.copyOf(unresolved);
    }

    /**
     * Reads {@code file}.
     *
     * @param encoding the encoding of a {@code .conf} file (Flyway's {@code configFileEncoding}); TOML is UTF-8
     * @param environment the environment variables
     * @throws MigrateException naming the file and the line when it cannot be read or parsed
     */
    static FlywayConfigFile read(Path file, String shown, Charset encoding, Map<String, String> environment) {
        boolean toml = file.getFileName().toString().endsWith(".toml");
        String text;
        try {
            text = Files.readString(file, toml ? java.nio.charset.StandardCharsets.UTF_8 : encoding);
        } catch (IOException e) {
            throw new MigrateException(
                    "The Flyway configuration file " + shown + " could not be read: " + e.getMessage()
                            + ". Check that it is readable"
                            + (toml ? " UTF-8." : " in the configFileEncoding (" + encoding.name() + ")."),
                    e);
        }
        return toml ? toml(text, shown, environment) : conf(text, shown, environment);
    }

    /**
     * A {@code .conf} file as Flyway's {@code ConfigUtils.loadConfigurationFromString} reads it: a backslash is
     * kept as written (Windows paths), except one that ends a line followed by more of the value; {@code ${NAME}}
     * is the environment variable {@code NAME}, or nothing when it is not set.
     */
    static FlywayConfigFile conf(String text, String shown, Map<String, String> environment) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().replace("\\", "\\\\");
            if (line.endsWith("\\\\") && i < lines.length - 1) {
                String next = lines[i + 1];
                boolean property = next.strip().startsWith("flyway.") && next.contains("=");
                if (!next.isEmpty() && !property) {
                    line = line.substring(0, line.length() - 2) + "\\";
                }
            }
            kept.append(line).append('\n');
        }
        Matcher m = VARIABLE.matcher(kept);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(expanded, Matcher.quoteReplacement(environment.getOrDefault(m.group(1), "")));
        }
        m.appendTail(expanded);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(expanded.toString()));
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrateException(
                    "The Flyway configuration file " + shown + " could not be read as a properties file: "
                            + e.getMessage() + ". Correct the file.",
                    e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return new FlywayConfigFile(shown, settings, Map.of());
    }

    /** A {@code flyway.toml} as Flyway's {@code TomlUtils} reads it, with Jackson's TOML parser as Flyway does. */
    static FlywayConfigFile toml(String text, String shown, Map<String, String> environment) {
        Map<String, Object> tree;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = new TomlMapper().readValue(text, Map.class);
            tree = read;
        } catch (JacksonException e) {
            throw new MigrateException(
                    "The Flyway configuration file " + shown + " is not valid TOML"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")") + ": "
                            + e.getOriginalMessage() + ". Correct the file; Flyway refuses it too.",
                    e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String root : List.of("flyway", "environments")) {
            flatten(root, tree.get(root), settings);
        }
        settings.replaceAll((key, value) -> resolve(key, value, shown, environment, unresolved));
        return new FlywayConfigFile(shown, settings, unresolved);
    }

    private static void flatten(String prefix, @Nullable Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix + "." + key, value, out));
        } else if (node instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null) {
            out.put(prefix, String.valueOf(node));
        }
    }

    /**
     * A value with Flyway's resolvers applied as far as the import can: {@code ${env.NAME}} from the environment,
     * {@code $${...}} as the escape for a literal {@code ${...}}, {@code !{...}} verbatim; anything else is recorded
     * in {@code unresolved}.
     */
    private static String resolve(
            String key, String value, String shown, Map<String, String> environment, Map<String, String> unresolved) {
        String stripped = value.strip();
        if (stripped.startsWith("!{") && stripped.endsWith("}")) {
            return stripped.substring(2, stripped.length() - 1);
        }
        Matcher m = RESOLVER.matcher(stripped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else if (m.group(1).strip().equalsIgnoreCase("env")) {
                String variable = m.group(2).strip();
                String set = environment.get(variable);
                if (set == null) {
                    unresolved.put(
                            key,
                            key + " in " + shown + " is " + m.group() + ", and the environment variable " + variable
                                    + " is not set for the import");
                }
                replacement = set == null ? m.group() : set;
            } else {
                unresolved.put(
                        key,
                        key + " in " + shown + " is " + m.group() + ", from Flyway's "
                                + m.group(1).strip() + " resolver, which the import cannot call");
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
