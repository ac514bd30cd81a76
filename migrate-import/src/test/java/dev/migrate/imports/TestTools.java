package dev.migrate.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The old tools' jars as the build resolved them (target/tool-jars.classpath), for a {@link ToolLoader}. */
public final class TestTools {
    private TestTools() {}

    /** Liquibase 4.33 and Flyway with what they need (YAML included), from the local repository. */
    public static List<Path> jars() {
        try {
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(Path.of("target/tool-jars.classpath"))
                    .strip()
                    .split(java.io.File.pathSeparator, -1)) {
                jars.add(Path.of(entry));
            }
            jars.add(Path.of(org.yaml.snakeyaml.Yaml.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ToolLoader loader(OldTool tool) {
        return ToolLoader.of(tool, jars());
    }

    static List<String> lines(String... lines) {
        return Arrays.asList(lines);
    }
}
