package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the shape of the goals: a goal builds on at most two base classes of its own, and does the rest through
 * classes it composes; no source file of the plugin's package grows past {@value #MAX_LINES} lines.
 */
class MojoShapeTest {
    static final int MAX_LINES = 150;
    private static final int MAX_BASES = 2;
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "migrate", "maven");

    @Test
    void everyGoalHasAtMostTwoBaseClassesOfItsOwn() throws Exception {
        List<String> tooDeep = new ArrayList<>();
        List<PluginXml.Goal> goals = PluginXml.goals();
        for (PluginXml.Goal goal : goals) {
            List<String> chain = new ArrayList<>();
            for (Class<?> c = Class.forName(goal.implementation()).getSuperclass();
                    c != null && c.getPackageName().startsWith("dev.migrate");
                    c = c.getSuperclass()) {
                chain.add(c.getSimpleName());
            }
            if (chain.size() > MAX_BASES) {
                tooDeep.add(goal.implementation() + " extends " + String.join(" extends ", chain));
            }
        }
        assertThat(goals).as("the goals of the plugin descriptor").isNotEmpty();
        assertThat(tooDeep)
                .as("Goals with more than " + MAX_BASES + " base classes of the plugin's own above them: give the"
                        + " behaviour of the bases to a class the goal composes, and keep at most " + MAX_BASES
                        + " levels that hold parameters")
                .isEmpty();
    }

    @Test
    void everySourceFileOfTheGoalsIsShort() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                int lines = countedLines(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (lines >= MAX_LINES) {
                    tooLong.add(file + " has " + lines + " lines");
                }
            }
        }
        assertThat(tooLong)
                .as(
                        "Source files of " + SOURCES + " with " + MAX_LINES + " lines or more, besides the Javadoc of"
                                + " their @Parameter fields and what is generated from the settings table: move behaviour into a smaller class the goal composes")
                .isEmpty();
    }

    /**
     * The lines of a source file less the Javadoc of its {@code @Parameter} fields: that Javadoc is the goals'
     * documentation for their users ({@code mvn help:describe}, the plugin's site), which Maven reads from the
     * field itself, so it stays on the mojo and its bases however long it is. Nor the part generated from the
     * settings table (RunParametersSourceTest), which grows with the table and is written by no one.
     */
    static int countedLines(List<String> lines) {
        int begin = lines.indexOf(RunParametersSourceTest.BEGIN.stripTrailing());
        int end = lines.indexOf(RunParametersSourceTest.END.stripTrailing());
        int counted = lines.size() - (begin >= 0 && end > begin ? end - begin + 1 : 0);
        int javadocStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("/**")) {
                javadocStart = i;
            }
            if (javadocStart >= 0 && line.endsWith("*/")) {
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next < lines.size() && lines.get(next).trim().startsWith("@Parameter")) {
                    counted -= i - javadocStart + 1;
                }
                javadocStart = -1;
            }
        }
        return counted;
    }
}
