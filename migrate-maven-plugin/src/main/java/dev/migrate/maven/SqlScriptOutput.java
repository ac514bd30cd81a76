package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Where offline mode ({@code -Dmigrate.sql=true}) sends its script: standard output, so that
 * {@code mvn -q migrate:upgrade -Dmigrate.sql > upgrade.sql} works, or a file.
 *
 * @param file the script file, or null for standard output
 */
record SqlScriptOutput(@Nullable Path file, PrintStream stdout) {

    void write(Consumer<Writer> script, Log log) {
        if (file == null) {
            StringWriter text = new StringWriter();
            script.accept(text);
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                script.accept(out);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the SQL script to " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable, or choose another sqlFile.",
                    e);
        }
        log.info("Wrote the SQL script to " + file.toAbsolutePath() + ".");
    }
}
