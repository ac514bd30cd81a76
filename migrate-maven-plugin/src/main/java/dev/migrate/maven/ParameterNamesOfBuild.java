package dev.migrate.maven;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.jspecify.annotations.Nullable;

/**
 * The names a build sets for a goal, checked by {@link ParameterNameCheck}: the {@code -D} properties, the pom's
 * properties and {@code <configuration>} elements. The goals and their parameters are read from the plugin
 * descriptor, so the check cannot drift from the {@code @Parameter} fields.
 */
final class ParameterNamesOfBuild {
    private ParameterNamesOfBuild() {}

    /**
     * Refuses, before anything connects or starts, a parameter this goal would ignore: a misspelt
     * {@code -Dmigrate.*} property, another goal's, or a {@code <configuration>} element that is none.
     */
    static void check(MojoExecution execution, MavenProject project, MavenSession session) {
        String goal = execution.getGoal();
        PluginDescriptor plugin = execution.getMojoDescriptor().getPluginDescriptor();
        Map<String, Set<String>> goalsByParameter = new TreeMap<>();
        Map<String, String> propertiesByParameter = new TreeMap<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters() == null
                    ? List.<org.apache.maven.plugin.descriptor.Parameter>of()
                    : mojo.getParameters()) {
                if (!parameter.isEditable()) {
                    continue; // ${project} and the like: not the user's to set
                }
                goalsByParameter
                        .computeIfAbsent(parameter.getName(), name -> new TreeSet<>())
                        .add(mojo.getGoal());
                String expression = parameter.getExpression();
                if (expression != null
                        && expression.startsWith("${" + ParameterNameCheck.PREFIX)
                        && expression.endsWith("}")) {
                    propertiesByParameter.put(parameter.getName(), expression.substring(2, expression.length() - 1));
                }
            }
        }
        Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
        ParameterNameCheck check = new ParameterNameCheck(
                goal, goalsByParameter, propertiesByParameter, goalsInBuild(goal, session, plugin, declared));
        Set<String> commandLine = new TreeSet<>(session.getUserProperties().stringPropertyNames());
        commandLine.addAll(session.getSystemProperties().stringPropertyNames());
        check.verifyCommandLine(commandLine);
        check.verifyPomProperties(project.getProperties().stringPropertyNames());
        if (declared != null) {
            check.verifyConfiguration(
                    elementNames(declared.getConfiguration()),
                    plugin.getMojos().stream().map(MojoDescriptor::getGoal).toList(),
                    "the plugin's <configuration>");
            PluginExecution declaredExecution = declared.getExecutionsAsMap().get(execution.getExecutionId());
            if (declaredExecution != null) {
                check.verifyConfiguration(
                        elementNames(declaredExecution.getConfiguration()),
                        declaredExecution.getGoals().isEmpty() ? List.of(goal) : declaredExecution.getGoals(),
                        "the <configuration> of the execution '" + declaredExecution.getId() + "'");
            }
        }
    }

    /**
     * The plugin's goals this invocation runs: those on the command line ({@code migrate:upgrade}
     * or by full coordinates) and, when it names a lifecycle phase, those the pom binds to phases.
     */
    private static Set<String> goalsInBuild(
            String goal, MavenSession session, PluginDescriptor plugin, @Nullable Plugin declared) {
        Set<String> goals = new TreeSet<>(Set.of(goal));
        boolean phase = false;
        for (String task : session.getGoals()) {
            String[] parts = task.split(":", -1);
            if (parts.length == 1) {
                phase = true;
            } else if (parts.length == 2
                    ? parts[0].equals(plugin.getGoalPrefix())
                    : parts[0].equals(plugin.getGroupId()) && parts[1].equals(plugin.getArtifactId())) {
                goals.add(parts[parts.length - 1]);
            }
        }
        if (phase && declared != null) {
            declared.getExecutions().forEach(execution -> goals.addAll(execution.getGoals()));
        }
        return goals;
    }

    private static List<String> elementNames(@Nullable Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return List.of();
        }
        return Arrays.stream(dom.getChildren()).map(Xpp3Dom::getName).toList();
    }
}
