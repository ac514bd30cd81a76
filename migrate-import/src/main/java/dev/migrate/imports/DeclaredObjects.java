package dev.migrate.imports;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the old chain builds beside its tables, as declared object files: compared and updated as declared objects
 * are from now on, so that {@code autogenerate} and {@code check} find no difference at the import point.
 */
final class DeclaredObjects {
    private DeclaredObjects() {}

    /** One file per object of {@code built}, {@code <kind>/<name>.sql}, the statements as the server spells them. */
    static List<Path> write(Path directory, OldTool tool, DatabaseSchema built) {
        List<Path> written = new ArrayList<>();
        for (SchemaObject object : built.objects().values()) {
            Path file = directory
                    .resolve(object.id().kind().name().toLowerCase(Locale.ROOT))
                    .resolve(fileName(object.id().identity()));
            String sql = object.sql().strip();
            written.add(write(
                    file,
                    "-- Built by the " + tool.displayName() + " migrations imported into revisions: change it here from"
                            + " now on, and autogenerate writes the revision.\n"
                            + sql + (sql.endsWith(";") ? "" : ";") + "\n"));
        }
        return written;
    }

    /** A repeatable migration's statements, as it ran them. */
    static Path write(Path file, OldMigration migration) {
        StringBuilder text = new StringBuilder("-- Imported from ")
                .append(migration.tool().displayName())
                .append(' ')
                .append(migration.source())
                .append(": change the objects here from now on, and autogenerate writes the revision.\n");
        for (String statement : migration.upgrade()) {
            text.append(statement.strip()).append(";\n\n");
        }
        return write(file, text.toString());
    }

    /** A file name of plain characters for an object's name: {@code public.touch()} gives {@code public.touch_.sql}. */
    static String fileName(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return (plain.length() > 120 ? plain.substring(0, 120) + "_" + Integer.toHexString(name.hashCode()) : plain)
                + ".sql";
    }

    private static Path write(Path file, String text) {
        if (Files.exists(file)) {
            throw new MigrateException("The declared object file " + file + " already exists, so the import would "
                    + "overwrite it. Move it aside and import again.");
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
