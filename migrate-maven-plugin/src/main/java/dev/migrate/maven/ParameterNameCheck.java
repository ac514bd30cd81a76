package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.NearestName;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Refuses a parameter that a goal would silently ignore: a {@code migrate.*} property on the command
 * line that no goal of the plugin reads ({@code -Dmigrate.taget=base}), or that only another goal
 * reads, and a {@code <configuration>} element that is not a parameter.
 *
 * <p>A parameter of another goal is accepted where it is shared on purpose: on a command line that
 * runs that goal too ({@code mvn migrate:upgrade migrate:check -Dmigrate.comparisonDatabase=embedded}),
 * in the pom's {@code <properties>} and in the plugin's own {@code <configuration>}, which every goal
 * reads. A {@code migrate.*} pom property that is no parameter at all fails only when it is a likely
 * misspelling of one: the pom may use the prefix for its own purposes, such as {@code migrate.version}.
 *
 * @param goal the goal that runs, such as {@code downgrade}
 * @param goalsByParameter every parameter of the plugin's goals (by its name, such as {@code target})
 *     to the goals that have it
 * @param propertiesByParameter the property of each parameter that has one, such as
 *     {@code target} to {@code migrate.target}
 * @param goalsInBuild the plugin's goals this Maven invocation runs, this one included
 */
record ParameterNameCheck(
        String goal,
        Map<String, Set<String>> goalsByParameter,
        Map<String, String> propertiesByParameter,
        Set<String> goalsInBuild) {

    static final String PREFIX = "migrate.";

    /** How far a name may be from a known one to be called its misspelling. */
    private static final int MISSPELLING = 2;

    /** Fails on a {@code -Dmigrate.*} property this goal does not read, unless another goal of this build does. */
    void verifyCommandLine(Collection<String> properties) {
        for (String given : new TreeSet<>(properties)) {
            String property = OldToolSettings.asParameter(given);
            if (!property.startsWith(PREFIX) || goalProperties().contains(property)) {
                continue;
            }
            Set<String> users = goalsUsingProperty(property);
            if (users.isEmpty()) {
                throw new MigrateException("-D" + given + " is not a parameter of migrate:" + goal + " nor of any "
                        + "other goal of this plugin, so it would be ignored." + suggestion(property)
                        + " Nothing was run.");
            }
            if (users.stream().noneMatch(goalsInBuild::contains)) {
                String own = NearestName.closest(property, goalProperties(), threshold(property))
                        .map(known -> " (or did you mean " + known + "?)")
                        .orElse("");
                throw new MigrateException(
                        "-D" + given + " is a parameter of " + GoalNames.and(users) + ", not of migrate:"
                                + goal + ", so it would be ignored. Remove it" + own + ", or run "
                                + GoalNames.or(users)
                                + " in the same command. Nothing was run.");
            }
        }
    }

    /** Fails on a {@code migrate.*} pom property that looks like a misspelt parameter. */
    void verifyPomProperties(Collection<String> properties) {
        for (String property : new TreeSet<>(properties)) {
            if (!property.startsWith(PREFIX) || !goalsUsingProperty(property).isEmpty()) {
                continue;
            }
            NearestName.closest(property, allProperties(), MISSPELLING).ifPresent(known -> {
                throw new MigrateException("The pom property " + property + " is not a parameter of any goal of this "
                        + "plugin, so it would be ignored. Did you mean " + known + "? Rename it. Nothing was run.");
            });
        }
    }

    /**
     * Fails on a {@code <configuration>} element that none of {@code readers} has as a parameter.
     *
     * @param where where the element is written, such as {@code the plugin's <configuration>}
     * @param readers the goals that read that configuration: all of them at plugin level, the
     *     execution's goals in an {@code <execution>}
     */
    void verifyConfiguration(Collection<String> elements, Collection<String> readers, String where) {
        for (String element : new TreeSet<>(elements)) {
            Set<String> users = goalsByParameter.getOrDefault(element, Set.of());
            if (users.stream().anyMatch(readers::contains)) {
                continue;
            }
            Set<String> candidates = new TreeSet<>();
            goalsByParameter.forEach((parameter, goals) -> {
                if (goals.stream().anyMatch(readers::contains)) {
                    candidates.add(parameter);
                }
            });
            String hint = NearestName.closest(element, candidates, Integer.MAX_VALUE)
                    .map(known -> " Did you mean <" + known + ">?")
                    .orElse("");
            throw new MigrateException("<" + element + "> in " + where + " is not a parameter of "
                    + (users.isEmpty()
                            ? "any goal of this plugin"
                            : GoalNames.and(readers) + " (only of " + GoalNames.and(users) + ")")
                    + ", so it would be ignored." + hint + " Nothing was run.");
        }
    }

    /** A sentence naming the known property closest to {@code property}, or the empty string. */
    private String suggestion(String property) {
        Optional<String> mine = NearestName.closest(property, goalProperties(), threshold(property));
        Optional<String> any =
                mine.isPresent() ? mine : NearestName.closest(property, allProperties(), threshold(property));
        if (any.isPresent()) {
            String known = any.get();
            return " Did you mean " + known
                    + (goalProperties().contains(known)
                            ? ""
                            : " (a parameter of " + GoalNames.and(goalsUsingProperty(known)) + ")")
                    + "?";
        }
        return " The properties of migrate:" + goal + " are " + String.join(", ", goalProperties()) + ".";
    }

    /** Lenient for long names: {@code migrate.lockTimout} and {@code migrate.locktimeout} are both misspellings. */
    private static int threshold(String property) {
        return Math.max(MISSPELLING, (property.length() - PREFIX.length()) / 3);
    }

    private Set<String> goalProperties() {
        return propertiesByParameter.entrySet().stream()
                .filter(entry ->
                        goalsByParameter.getOrDefault(entry.getKey(), Set.of()).contains(goal))
                .map(Map.Entry::getValue)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> allProperties() {
        return new TreeSet<>(propertiesByParameter.values());
    }

    private Set<String> goalsUsingProperty(String property) {
        return propertiesByParameter.entrySet().stream()
                .filter(entry -> entry.getValue().equals(property))
                .flatMap(entry -> goalsByParameter.getOrDefault(entry.getKey(), Set.of()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
