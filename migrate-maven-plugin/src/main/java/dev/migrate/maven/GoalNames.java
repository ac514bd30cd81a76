package dev.migrate.maven;

import java.util.Collection;
import java.util.List;

/** The goals of this plugin named in a message: {@code migrate:autogenerate and migrate:watch}. */
final class GoalNames {
    private GoalNames() {}

    /** {@code migrate:autogenerate and migrate:watch}. */
    static String and(Collection<String> goals) {
        return joined(goals, "and");
    }

    /** {@code migrate:autogenerate or migrate:watch}. */
    static String or(Collection<String> goals) {
        return joined(goals, "or");
    }

    /** The goals, sorted and joined with commas and, before the last, {@code conjunction}. */
    private static String joined(Collection<String> goals, String conjunction) {
        List<String> names = goals.stream().sorted().map(g -> "migrate:" + g).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                + names.get(names.size() - 1);
    }
}
