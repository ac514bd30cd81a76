package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.mcp.UserCommands;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every row of the settings table the plugin takes is a parameter of each goal the row names, spelled as the row
 * spells it ({@code -Dmigrate.x} as its property, {@code <x>} as its name), with the row's default (for the goal,
 * where the row's default differs by command: {@code head} for {@code upgrade}); a row the
 * plugin does not take says why.
 */
class PluginSettingsParityTest {
    @Test
    void eachGoalTakesEachOfItsSettingsOfTheTable() throws Exception {
        Map<String, PluginXml.Goal> goals = new HashMap<>();
        for (PluginXml.Goal goal : PluginXml.goals()) {
            goals.put(goal.name(), goal);
        }
        int checked = 0;
        for (Setting<?> setting : SettingsTable.ALL) {
            if (!setting.takenBy(Face.MAVEN)) {
                assertThat(setting.absent().get(Face.MAVEN))
                        .as("why the plugin does not take %s", setting.name())
                        .isNotBlank();
                continue;
            }
            for (String name : UserCommands.taking(setting)) {
                PluginXml.Goal goal = goals.get(name);
                assertThat(goal)
                        .as("the goal %s that %s names", name, setting.name())
                        .isNotNull();
                if (goal == null) {
                    continue;
                }
                Set<String> spelled = new HashSet<>();
                for (Element parameter : goal.parameters()) {
                    String parameterName = PluginXml.text(parameter, "name");
                    Element configuration = goal.configuration(parameterName);
                    spelled.add("<" + parameterName + ">");
                    if (configuration != null) {
                        String expression = configuration.getTextContent().trim();
                        if (expression.startsWith("${migrate.")) {
                            spelled.add("-D" + expression.substring(2, expression.length() - 1));
                        }
                        if (parameterName.equals(setting.name())
                                && setting.defaults().containsKey(name)) {
                            // an annotation's default is a constant: held to the row's default for the goal
                            assertThat(configuration.getAttribute("default-value"))
                                    .as("the default of %s in %s", setting.name(), name)
                                    .isEqualTo(setting.defaultIn(name));
                        }
                        if (setting.run() != null && parameterName.equals(setting.name())) {
                            assertThat(configuration.getAttribute("default-value"))
                                    .as("the default of %s in %s", setting.name(), name)
                                    .isEqualTo(setting.defaultValue() == null ? "" : setting.defaultValue());
                        }
                    }
                }
                assertThat(spelled)
                        .as("migrate:%s's spellings of %s", name, setting.name())
                        .containsAll(setting.spellings().get(Face.MAVEN));
                checked++;
            }
        }
        assertThat(checked).as("settings checked on goals").isGreaterThan(100);
    }
}
