package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The plugin's parameters of the run settings are generated from {@link SettingsTable}: a row added there is a
 * parameter of every database goal once the generated part of {@code DatabaseMojo.java} is written again, which this test does when
 * {@code -Dmigrate.regenerate=true} is given, and fails without it while the file is out of date.
 */
class RunParametersSourceTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/migrate/maven/DatabaseMojo.java");
    static final String BEGIN =
            "    // The run settings, generated from SettingsTable by RunParametersSourceTest (-Dmigrate.regenerate=true).\n";
    static final String END = "    // End of the run settings generated from SettingsTable.\n";

    @Test
    void theRunParametersAreTheTablesRunSettings() throws IOException {
        String expected = render();
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        int begin = source.indexOf(BEGIN) + BEGIN.length();
        int end = source.indexOf(END);
        assertThat(begin)
                .as("the generated part of %s begins with %s", SOURCE, BEGIN)
                .isGreaterThan(BEGIN.length());
        assertThat(end).as("and ends with %s", END).isGreaterThan(begin);
        if (Boolean.getBoolean("migrate.regenerate")) {
            source = source.substring(0, begin) + expected + source.substring(end);
            Files.writeString(SOURCE, source, StandardCharsets.UTF_8);
        }
        // as the formatter leaves it: the same words, however the lines break
        assertThat(words(source.substring(begin, source.indexOf(END))))
                .as(
                        "%s is generated from SettingsTable: run mvn test -pl migrate-maven-plugin"
                                + " -Dtest=RunParametersSourceTest -Dmigrate.regenerate=true, then spotless:apply",
                        SOURCE)
                .isEqualTo(words(expected));
    }

    static String render() {
        StringBuilder fields = new StringBuilder();
        StringBuilder given = new StringBuilder();
        for (Setting<?> setting : SettingsTable.run()) {
            // a run setting of some goals only is a parameter of those goals, which hand it over themselves
            if (!setting.takenBy(Face.MAVEN) || !SettingsTable.DATABASE.contains(setting)) {
                continue;
            }
            String name = setting.name();
            String defaultValue = setting.defaultValue();
            String type = setting.type().equals(SettingType.FLAG)
                    ? "boolean"
                    : setting.type().equals(SettingType.COUNT) ? "@Nullable Integer" : "@Nullable String";
            fields.append("\n    /** ")
                    .append(javadoc(setting.doc()))
                    .append(" */\n")
                    .append("    @Parameter(property = \"migrate.")
                    .append(name)
                    .append('"')
                    .append(defaultValue == null ? "" : ", defaultValue = \"" + defaultValue + "\"")
                    .append(")\n    protected ")
                    .append(type)
                    .append(' ')
                    .append(name)
                    .append(";\n");
            given.append("\n                .with(\"")
                    .append(name)
                    .append("\", ")
                    .append(name)
                    .append(')');
        }
        return fields + "\n    /** The run settings as they were given, for the command layer to read. */\n"
                + "    protected final GivenSettings runSettings() {\n"
                + "        return GivenSettings.on(Face.MAVEN)" + given + ";\n    }\n";
    }

    private static String words(String source) {
        return source.replaceAll("\\s+", " ")
                .replaceAll("\\s*([().,;])\\s*", "$1")
                .strip();
    }

    /** The reference page's Markdown as Javadoc: code as code, a link as its text. */
    private static String javadoc(String markdown) {
        return markdown.replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1")
                .replaceAll("`([^`]+)`", "{@code $1}")
                .replace("*/", "*&#47;");
    }
}
