package dev.migrate.imports;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repeatable migration as a declared object file, compared and updated as declared objects are from now on. */
final class DeclaredObjects {
    private DeclaredObjects() {}

    static Path write(Path file, OldMigration migration) {
        if (Files.exists(file)) {
            throw new MigrateException("The declared object file " + file + " already exists, so the import would "
                    + "overwrite it. Move it aside and import again.");
        }
        StringBuilder text = new StringBuilder("-- Imported from ")
                .append(migration.tool().displayName())
                .append(' ')
                .append(migration.source())
                .append(": change the objects here from now on, and autogenerate writes the revision.\n");
        for (String statement : migration.upgrade()) {
            text.append(statement.strip()).append(";\n\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write " + file + ": " + e.getMessage() + ". Check that it is writable.", e);
        }
    }
}
