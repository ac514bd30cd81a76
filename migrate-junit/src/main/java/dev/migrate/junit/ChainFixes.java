package dev.migrate.junit;

import dev.migrate.text.Fixes;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fixes of the tests' migrators: where a message asks for a run given a setting that {@link MigrationChain}
 * takes, the annotation's element ({@code @MigrationChain(contexts = "test")}), since the tests' runs read that;
 * every other fix as the plugin's.
 */
final class ChainFixes implements Fixes {
    static final ChainFixes INSTANCE = new ChainFixes();

    /** The settings of the run that {@link MigrationChain} has an element for, under the same name. */
    private static final Set<String> ELEMENTS =
            Set.of("contexts", "packages", "schema", "versionTable", "historyTable");

    /** The elements that take several values, which a comma separates in a setting. */
    private static final Set<String> ARRAYS = Set.of("contexts", "packages");

    private ChainFixes() {}

    @Override
    public String runGiven(String name, String value) {
        if (!ELEMENTS.contains(name)) {
            return Fixes.GOALS.runGiven(name, value);
        }
        String[] values = ARRAYS.contains(name) ? value.split(",", -1) : new String[] {value};
        String written = Arrays.stream(values)
                .map(v -> "\"" + v.strip() + "\"")
                .collect(Collectors.joining(", ", values.length == 1 ? "" : "{", values.length == 1 ? "" : "}"));
        return "@MigrationChain(" + name + " = " + written + ")";
    }
}
