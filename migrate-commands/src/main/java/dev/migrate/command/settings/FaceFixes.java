package dev.migrate.command.settings;

import dev.migrate.text.Fixes;
import java.util.function.UnaryOperator;

/**
 * The fixes of an application's face, the starter: where a message asks for a run given a setting, the
 * application's own property ({@code migrate.contexts=test}),
 * since the application's runs read that and no {@code -Dmigrate.} option; every other fix as the plugin's, whose
 * goals such an application runs beside it.
 *
 * @param face the application's face
 * @param spelling how the face names a property in one place, as {@link GivenSettings#spelledAs} takes it
 */
record FaceFixes(Face face, UnaryOperator<String> spelling) implements Fixes {

    /**
     * Whether these fixes are a face's: an application's, whose runs read its properties, and which spells no fixes of
     * its own (the Quarkus extension gives its builders its own, which name its settings throughout).
     */
    static boolean speaksFor(Face face) {
        return face == Face.SPRING_BOOT;
    }

    @Override
    public String runGiven(String name, String value) {
        Setting<?> setting = SettingsTable.named(name);
        if (setting == null || !setting.takenBy(face)) {
            return Fixes.GOALS.runGiven(name, value);
        }
        return spelling.apply(setting.spelled(face)) + "=" + value;
    }
}
