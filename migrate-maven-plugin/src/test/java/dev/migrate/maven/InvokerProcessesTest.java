package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the Invoker projects of {@code src-it} that the plugin runs to one {@code mvn} process per step that needs
 * one: each process pays about 2.5 s of processor time before its first goal starts (CONTRIBUTING, "Each module's
 * share of the build"), so two consecutive invocations that pass the same properties and are both expected to
 * succeed are one invocation with both goals ({@code invoker.goals.1 = compile migrate:upgrade migrate:check}), as a
 * user types them. Where the step is the new process itself (a cache read back by the next JVM, an embedded server's
 * data outliving the process that started it), a comment line starting with {@value #OWN_PROCESS} right above the
 * second invocation says why.
 */
class InvokerProcessesTest {
    static final String OWN_PROCESS = "# own mvn process:";
    private static final Path PROJECTS = Path.of("..", "src-it");
    /** Run by migrate-junit, the starter and the Quarkus extension (the plugin's pomExcludes). */
    private static final List<String> RUN_ELSEWHERE = List.of("junit-", "spring-boot-", "quarkus-");

    private static final Pattern INDEXED = Pattern.compile("invoker\\.([\\w.]+)\\.(\\d+)\\s*=\\s*(.*)");
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|[^\\s\"]+(?:\"[^\"]*\")?");

    /** One {@code invoker.goals.N} line: its goals and properties, whether it may fail, why it has a process. */
    private record Invocation(
            int index, List<String> goals, Set<String> options, boolean settingsOfItsOwn, boolean ownProcess) {}

    @Test
    void consecutiveInvocationsWithTheSamePropertiesShareOneProcess() throws IOException {
        List<String> mergeable = new ArrayList<>();
        int projects = 0;
        try (Stream<Path> dirs = Files.list(PROJECTS)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                Path properties = dir.resolve("invoker.properties");
                if (RUN_ELSEWHERE.stream().anyMatch(name::startsWith) || !Files.isRegularFile(properties)) {
                    continue;
                }
                projects++;
                List<Invocation> invocations = invocations(properties);
                for (int i = 1; i < invocations.size(); i++) {
                    Invocation first = invocations.get(i - 1);
                    Invocation second = invocations.get(i);
                    if (!first.settingsOfItsOwn()
                            && !second.settingsOfItsOwn()
                            && !second.ownProcess()
                            && first.options().equals(second.options())) {
                        mergeable.add(name + ": invoker.goals." + first.index() + " and ." + second.index() + " ("
                                + String.join(" ", first.goals()) + " | " + String.join(" ", second.goals()) + ")");
                    }
                }
            }
        }
        assertThat(projects).as("Invoker projects in " + PROJECTS).isGreaterThan(10);
        assertThat(mergeable)
                .as("Consecutive invocations that pass the same properties and are both expected to succeed: write"
                        + " their goals on one invoker.goals line (one mvn process, about 2.5 s of CPU less), or, where"
                        + " the second process is the point of the step, say why on a comment line starting with '"
                        + OWN_PROCESS + "' right above the second")
                .isEmpty();
    }

    @Test
    void theRuleSeesTheShapesItJudges() {
        List<Invocation> invocations = invocations(List.of(
                "invoker.goals.1 = compile migrate:upgrade -Dmigrate.message=\"held orders\"",
                "invoker.goals.2 = migrate:check -Dmigrate.message=\"held orders\"",
                OWN_PROCESS + " the warm cache is read by a new JVM",
                "invoker.goals.3 = migrate:check -Dmigrate.message=\"held orders\"",
                "invoker.goals.4 = migrate:check \"-Dmigrate.source.command=sh schema-v2.sh\"",
                "invoker.buildResult.4 = failure"));
        assertThat(invocations).extracting(Invocation::index).containsExactly(1, 2, 3, 4);
        assertThat(invocations.get(0).goals()).containsExactly("compile", "migrate:upgrade");
        assertThat(invocations.get(0).options()).isEqualTo(invocations.get(1).options());
        assertThat(invocations.get(1).ownProcess()).isFalse();
        assertThat(invocations.get(2).ownProcess()).isTrue();
        assertThat(invocations.get(3).options()).containsExactly("\"-Dmigrate.source.command=sh schema-v2.sh\"");
        assertThat(invocations.get(3).settingsOfItsOwn())
                .as("an expected failure")
                .isTrue();
    }

    private static List<Invocation> invocations(Path properties) throws IOException {
        return invocations(Files.readAllLines(properties, StandardCharsets.UTF_8));
    }

    private static List<Invocation> invocations(List<String> lines) {
        Map<Integer, String> goals = new TreeMap<>();
        Set<Integer> ownSettings = new TreeSet<>();
        Set<Integer> ownProcess = new TreeSet<>();
        String previous = "";
        for (String raw : lines) {
            String line = raw.strip();
            Matcher indexed = INDEXED.matcher(line);
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(2));
                if (indexed.group(1).equals("goals")) {
                    goals.put(index, indexed.group(3));
                    if (previous.startsWith(OWN_PROCESS)) {
                        ownProcess.add(index);
                    }
                } else {
                    // an expected failure, a profile, an environment of its own: not the same invocation
                    ownSettings.add(index);
                }
            }
            previous = line;
        }
        List<Invocation> invocations = new ArrayList<>();
        goals.forEach((index, line) -> {
            List<String> names = new ArrayList<>();
            Set<String> options = new TreeSet<>();
            Matcher token = TOKEN.matcher(line);
            while (token.find()) {
                String t = token.group();
                if (t.startsWith("-") || t.startsWith("\"-")) {
                    options.add(t);
                } else {
                    names.add(t);
                }
            }
            invocations.add(
                    new Invocation(index, names, options, ownSettings.contains(index), ownProcess.contains(index)));
        });
        return invocations;
    }
}
