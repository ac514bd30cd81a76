package dev.migrate.command;

import dev.migrate.MigrateException;
import dev.migrate.tooling.FleetReports;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where offline mode sends a script: to standard output, so that {@code mvn -q migrate:upgrade -Dmigrate.sql >
 * upgrade.sql} works, or to a file.
 *
 * @param file the script file, or null for standard output
 */
public record SqlScript(@Nullable Path file) {
    /** A script to standard output. */
    public static final SqlScript STANDARD_OUTPUT = new SqlScript(null);

    /**
     * Writes what {@code script} writes to the writer it is handed.
     *
     * @return the file it was written to, as the project shows it; null for standard output
     */
    @Nullable
    String write(Consumer<Writer> script, CommandContext context) {
        if (file == null) {
            StringWriter text = new StringWriter();
            script.accept(text);
            context.output().script(text.toString());
            return null;
        }
        try {
            createParent(file);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                script.accept(out);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the SQL script to " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable, or choose another "
                            + context.fixes().parameter("sqlFile") + ".",
                    e);
        }
        context.output().info("Wrote the SQL script to " + file.toAbsolutePath() + ".");
        return context.shown(file);
    }

    /** Where the script of {@code tenant} goes: beside the file, or in the build directory for standard output. */
    Path ofTenant(String tenant, String command, CommandContext context) {
        if (file != null) {
            return FleetReports.beside(file, tenant);
        }
        Path directory = context.project()
                .kept("sql")
                .orElseThrow(() -> new MigrateException("A fleet writes a script per tenant, into files: give "
                        + context.fixes().setting("sqlFile", "<file>") + ", and each tenant's is written beside it."));
        return FleetReports.scriptFile(null, directory, command, tenant);
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
