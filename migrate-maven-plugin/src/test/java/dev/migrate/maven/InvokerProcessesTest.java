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
 * share of the build"), so two consecutive invocations that are both expected to succeed are one invocation with both
 * goals ({@code invoker.goals.1 = compile migrate:autogenerate compile migrate:check -Dmigrate.message=initial}), as a
 * user types them, wherever their properties agree: none set to two values, and none set by one of them that a goal of
 * the other takes (as its descriptor says; a goal of another plugin takes every property, a phase every one outside
 * {@code migrate.}), since one command shares its properties among its goals. Where the step is the new process
 * itself (a cache read back by the next JVM, an embedded server's data outliving the process that started it, a log
 * to tell apart), a comment line starting with {@value #OWN_PROCESS} right above the second invocation says why.
 */
class InvokerProcessesTest {
    static final String OWN_PROCESS = "# own mvn process:";
    /** How a goal of this plugin is named on a goal line: {@code migrate:check}, {@code migrate:check@execution}. */
    private static final String PREFIX = "migrate:";

    private static final Path PROJECTS = Path.of("..", "src-it");
    /** Run by migrate-junit, the starter and the Quarkus extension (the plugin's pomExcludes). */
    private static final List<String> RUN_ELSEWHERE = List.of("junit-", "spring-boot-", "quarkus-");

    private static final Pattern INDEXED = Pattern.compile("invoker\\.([\\w.]+)\\.(\\d+)\\s*=\\s*(.*)");
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|[^\\s\"]+(?:\"[^\"]*\")?");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * One {@code invoker.goals.N} line: its goals, its {@code -D} properties and other options, whether it has settings
     * of its own (an expected failure, a profile, an environment), whether its process is the point.
     */
    private record Invocation(
            int index,
            List<String> goals,
            Map<String, String> properties,
            Set<String> options,
            boolean settingsOfItsOwn,
            boolean ownProcess) {

        /** Whether one command could run both: the properties each sets are the other's too, or none of its goals takes them. */
        boolean agreesWith(Invocation other, Map<String, Set<String>> takenByGoal) {
            if (!options.equals(other.options)) {
                return false;
            }
            Set<String> names = new TreeSet<>(properties.keySet());
            names.addAll(other.properties.keySet());
            for (String name : names) {
                String mine = properties.get(name);
                String theirs = other.properties.get(name);
                boolean agree = mine != null && theirs != null
                        ? mine.equals(theirs)
                        : !(mine == null ? takes(name, takenByGoal) : other.takes(name, takenByGoal));
                if (!agree) {
                    return false;
                }
            }
            return true;
        }

        private boolean takes(String property, Map<String, Set<String>> takenByGoal) {
            for (String goal : goals) {
                boolean takes = goal.startsWith(PREFIX)
                        ? takenByGoal
                                .getOrDefault(goal.substring(PREFIX.length()).split("@")[0], Set.of())
                                .contains(property)
                        : goal.contains(":") || !property.startsWith("migrate.");
                if (takes) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void consecutiveInvocationsWhosePropertiesAgreeShareOneProcess() throws Exception {
        Map<String, Set<String>> takenByGoal = propertiesTakenByGoal();
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
                            && first.agreesWith(second, takenByGoal)) {
                        mergeable.add(name + ": invoker.goals." + first.index() + " and ." + second.index() + " ("
                                + String.join(" ", first.goals()) + " | " + String.join(" ", second.goals()) + ")");
                    }
                }
            }
        }
        assertThat(projects).as("Invoker projects in " + PROJECTS).isGreaterThan(10);
        assertThat(mergeable)
                .as("Consecutive invocations both expected to succeed whose properties agree (none set to two values,"
                        + " none set by one that a goal of the other takes): write their goals and properties on one"
                        + " invoker.goals line (one mvn process, about 2.5 s of CPU less), or, where"
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
        assertThat(invocations.get(0).properties()).containsEntry("migrate.message", "held orders");
        assertThat(invocations.get(0).properties()).isEqualTo(invocations.get(1).properties());
        assertThat(invocations.get(1).ownProcess()).isFalse();
        assertThat(invocations.get(2).ownProcess()).isTrue();
        assertThat(invocations.get(3).properties()).containsEntry("migrate.source.command", "sh schema-v2.sh");
        assertThat(invocations.get(3).settingsOfItsOwn())
                .as("an expected failure")
                .isTrue();
    }

    @Test
    void propertiesAgreeWhereTheGoalThatLacksOneDoesNotTakeIt() {
        Map<String, Set<String>> taken = Map.of(
                "autogenerate", Set.of("migrate.message", "migrate.url", "migrate.target"),
                "check", Set.of("migrate.url"),
                "upgrade", Set.of("migrate.url", "migrate.target"));
        List<Invocation> invocations = invocations(List.of(
                "invoker.goals.1 = compile migrate:autogenerate -Dmigrate.message=initial",
                "invoker.goals.2 = compile migrate:check",
                "invoker.goals.3 = migrate:upgrade -Dmigrate.target=base",
                "invoker.goals.4 = migrate:autogenerate -Dmigrate.target=heads",
                "invoker.goals.5 = exec:java",
                "invoker.goals.6 = compile -Dexec.args=add",
                "invoker.goals.7 = compile -X"));
        assertThat(invocations.get(0).agreesWith(invocations.get(1), taken))
                .as("check takes no message")
                .isTrue();
        assertThat(invocations.get(1).agreesWith(invocations.get(2), taken))
                .as("check takes no target")
                .isTrue();
        assertThat(invocations.get(2).agreesWith(invocations.get(3), taken))
                .as("two targets")
                .isFalse();
        assertThat(invocations.get(0).agreesWith(invocations.get(2), taken))
                .as("autogenerate takes the target that upgrade sets")
                .isFalse();
        assertThat(invocations.get(2).agreesWith(invocations.get(4), taken))
                .as("another plugin's goal takes every property")
                .isFalse();
        assertThat(invocations.get(1).agreesWith(invocations.get(5), taken))
                .as("a phase takes every property outside migrate.")
                .isFalse();
        assertThat(invocations.get(5).agreesWith(invocations.get(6), taken))
                .as("options other than properties differ")
                .isFalse();
    }

    /** The {@code -D} properties each goal of this plugin takes, from its descriptor: {@code migrate.url} for upgrade. */
    private static Map<String, Set<String>> propertiesTakenByGoal() throws Exception {
        Map<String, Set<String>> taken = new TreeMap<>();
        for (PluginXml.Goal goal : PluginXml.goals()) {
            Set<String> properties = new TreeSet<>();
            for (var parameter : goal.parameters()) {
                var configuration = goal.configuration(PluginXml.text(parameter, "name"));
                Matcher expression = configuration == null
                        ? null
                        : EXPRESSION.matcher(configuration.getTextContent().strip());
                if (expression != null && expression.matches()) {
                    properties.add(expression.group(1));
                }
            }
            taken.put(goal.name(), properties);
        }
        return taken;
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
            Map<String, String> properties = new TreeMap<>();
            Set<String> options = new TreeSet<>();
            Matcher token = TOKEN.matcher(line);
            while (token.find()) {
                String t = token.group().replace("\"", "");
                if (t.startsWith("-D")) {
                    int equals = t.indexOf('=');
                    properties.put(
                            t.substring(2, equals < 0 ? t.length() : equals),
                            equals < 0 ? "" : t.substring(equals + 1));
                } else if (t.startsWith("-")) {
                    options.add(t);
                } else {
                    names.add(t);
                }
            }
            invocations.add(new Invocation(
                    index, names, properties, options, ownSettings.contains(index), ownProcess.contains(index)));
        });
        return invocations;
    }
}
