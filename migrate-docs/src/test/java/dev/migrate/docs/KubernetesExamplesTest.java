package dev.migrate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests of examples/kubernetes read as Kubernetes reads them: each a Job or a Deployment whose pod runs the
 * command line's image with a command it has and options settings.md documents, and the application's containers
 * set only starter properties settings.md documents (as environment variables, Spring Boot's relaxed spelling).
 */
class KubernetesExamplesTest {
    private static final Path EXAMPLES = Manual.ROOT.resolve("examples/kubernetes");
    private static final List<String> COMMANDS = List.of("upgrade", "downgrade", "current", "stamp", "complete");

    @Test
    void eachManifestRunsTheCommandLineImageWithDocumentedCommandsOptionsAndProperties() throws IOException {
        String settings = Manual.read(Manual.ROOT.resolve("docs/reference/settings.md"));
        List<Path> manifests;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            manifests =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(manifests)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("app-init-container.yaml", "app-validating.yaml", "migrate-job.yaml");
        int migrateContainers = 0;
        for (Path manifest : manifests) {
            Map<String, Object> document =
                    map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(manifest)));
            assertThat(document.get("kind")).as(manifest.toString()).isIn("Job", "Deployment");
            Map<String, Object> pod =
                    map(map(map(document.get("spec")).get("template")).get("spec"));
            List<Map<String, Object>> containers = new ArrayList<>(list(pod.get("containers")));
            if (pod.get("initContainers") != null) {
                containers.addAll(list(pod.get("initContainers")));
            }
            for (Map<String, Object> container : containers) {
                String image = String.valueOf(container.get("image"));
                List<String> env = environment(container);
                if (image.contains("/migrate-cli:")) {
                    migrateContainers++;
                    List<String> args = strings(container.get("args"));
                    assertThat(COMMANDS).as(manifest + ": " + args).contains(args.get(0));
                    args.stream()
                            .filter(a -> a.startsWith("--"))
                            .forEach(option -> assertThat(settings)
                                    .as(manifest + ": " + option + " in settings.md")
                                    .contains("`" + option + "`"));
                    assertThat(env).as(manifest + ": the URL from a secret").contains("MIGRATE_DATABASE_URL");
                } else {
                    env.stream()
                            .filter(name -> name.startsWith("MIGRATE_"))
                            .forEach(name -> assertThat(settings)
                                    .as(manifest + ": " + name + " as a starter property in settings.md")
                                    .contains("`" + property(name, settings) + "`"));
                }
            }
        }
        assertThat(migrateContainers).isEqualTo(2);
    }

    /** The documented starter property {@code MIGRATE_VALIDATE_WAIT_TIMEOUT} spells, by Spring Boot's relaxed rule. */
    private static String property(String variable, String settings) {
        java.util.regex.Matcher spring =
                java.util.regex.Pattern.compile("`(migrate\\.[a-z][a-z.-]*)`").matcher(settings);
        while (spring.find()) {
            String name = spring.group(1);
            if (name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT).equals(variable)) {
                return name;
            }
        }
        return "a property spelt " + variable;
    }

    private static List<String> environment(Map<String, Object> container) {
        List<String> names = new ArrayList<>();
        if (container.get("env") != null) {
            for (Map<String, Object> variable : list(container.get("env"))) {
                names.add(String.valueOf(variable.get("name")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked") // SnakeYAML's safe constructor gives maps of strings for mappings
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked") // and lists for sequences
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
