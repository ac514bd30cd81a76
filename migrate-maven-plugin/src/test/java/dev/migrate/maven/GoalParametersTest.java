package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Holds what a user sees of the goals in {@code mvn help:describe} and the docs: per goal, its phase, class path
 * and configurator, and each parameter with its type, {@code -D} property, default value, whether it is required
 * or read-only, and its alias. A change in the mojos' classes that is no change to a user leaves this text as it
 * is; a deliberate change is reviewed in the expected file.
 */
class GoalParametersTest {
    private static final String EXPECTED = "goal-parameters.txt";
    private static final Path ACTUAL = Path.of("target", "goal-parameters.actual.txt");

    @Test
    void theGoalsAndTheirParametersAreTheExpectedOnes() throws Exception {
        String actual = describe(PluginXml.goals());
        Files.createDirectories(ACTUAL.getParent());
        Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
        String expected;
        try (InputStream in = GoalParametersTest.class.getResourceAsStream("/" + EXPECTED)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("The goals or their parameters differ from src/test/resources/" + EXPECTED
                        + ", which a user would see in mvn help:describe and the docs. If the change is intended,"
                        + " copy " + ACTUAL + " (the descriptor as built now) over src/test/resources/" + EXPECTED
                        + " and review the difference in the commit.")
                .isEqualTo(expected);
    }

    /**
     * Maven injects a parameter only into a field of the goal's class or of its base classes, so a parameter that
     * goals of two hierarchies share is declared twice, with its Javadoc: those every goal has (on {@code
     * MigrateMojo} and {@code DatabaseMojo}), and those {@code watch} takes from {@code autogenerate}. The two
     * copies must tell a user the same thing.
     */
    @Test
    void aParameterDeclaredTwiceReadsTheSameInEveryGoal() throws Exception {
        List<PluginXml.Goal> goals = PluginXml.goals();
        Map<String, Map<String, String>> described = new TreeMap<>();
        for (PluginXml.Goal goal : goals) {
            Map<String, String> parameters = new TreeMap<>();
            goal.parameters().forEach(p -> parameters.put(PluginXml.text(p, "name"), PluginXml.text(p, "description")));
            described.put(goal.name(), parameters);
        }
        Map<String, Set<String>> copies = new TreeMap<>();
        for (String everyGoalHas : List.of("skip", "packages", "optimizingCompiler", "output", "outputFile")) {
            copies.put(everyGoalHas, new TreeSet<>(described.keySet()));
            copies.get(everyGoalHas).remove("help");
        }
        for (String fromAutogenerate : List.of("message", "sourceDirectory", "safe", "online")) {
            copies.put(fromAutogenerate, new TreeSet<>(List.of("autogenerate", "watch")));
        }
        copies.forEach((parameter, inGoals) -> {
            Map<String, Set<String>> goalsByText = new TreeMap<>();
            for (String goal : inGoals) {
                String text = described.getOrDefault(goal, Map.of()).get(parameter);
                assertThat(text)
                        .as("goal %s has no parameter %s, which the test expects there", goal, parameter)
                        .isNotNull();
                goalsByText.computeIfAbsent(text, t -> new TreeSet<>()).add(goal);
            }
            assertThat(goalsByText)
                    .as(
                            "the parameter %s is declared in two places and reads differently in these goals: make its"
                                    + " Javadoc the same in both declarations",
                            parameter)
                    .hasSize(1);
        });
    }

    /** One block per goal, sorted by name, with one line per parameter, sorted by name. */
    static String describe(List<PluginXml.Goal> goals) {
        StringBuilder text = new StringBuilder();
        List<PluginXml.Goal> sorted = new ArrayList<>(goals);
        sorted.sort(Comparator.comparing(PluginXml.Goal::name));
        for (PluginXml.Goal goal : sorted) {
            text.append("goal ")
                    .append(goal.name())
                    .append(" phase=")
                    .append(goal.text("phase"))
                    .append(" requiresDependencyResolution=")
                    .append(goal.text("requiresDependencyResolution"))
                    .append(" threadSafe=")
                    .append(goal.text("threadSafe"))
                    .append(" configurator=")
                    .append(goal.text("configurator"))
                    .append('\n');
            List<String> lines = new ArrayList<>();
            for (Element parameter : goal.parameters()) {
                String name = PluginXml.text(parameter, "name");
                Element configuration = goal.configuration(name);
                lines.add("  " + name
                        + " type=" + PluginXml.text(parameter, "type")
                        + " property="
                        + (configuration == null
                                ? ""
                                : configuration.getTextContent().trim())
                        + " default=" + (configuration == null ? "" : configuration.getAttribute("default-value"))
                        + " required=" + PluginXml.text(parameter, "required")
                        + " editable=" + PluginXml.text(parameter, "editable")
                        + " alias=" + PluginXml.text(parameter, "alias")
                        + "\n");
            }
            lines.sort(null);
            lines.forEach(text::append);
        }
        return text.toString();
    }
}
