package dev.migrate.command;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases of a fleet as a face is given them: comma-separated URLs, or {@code @} and a file with one
 * URL a line (blank lines and lines starting with {@code #} skipped):
 * {@code DatabaseList.parse("@tenants.txt", Path.of("."), "--databases")}.
 */
public final class DatabaseList {
    private DatabaseList() {}

    /**
     * The URLs {@code setting} names.
     *
     * @param base the directory a relative file is read from
     * @param option how the face names the setting, for messages ({@code --databases}, {@code -Dmigrate.databases})
     * @throws MigrateException when the file cannot be read or no URL is named, naming the setting and the fix
     */
    public static List<String> parse(String setting, Path base, String option) {
        String text = setting.strip();
        List<String> urls = new ArrayList<>();
        if (text.startsWith("@")) {
            Path file = base.resolve(text.substring(1).strip());
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        urls.add(line.strip());
                    }
                }
            } catch (NoSuchFileException e) {
                throw new MigrateException("The databases file " + file + " (" + option + " @...) does not exist. "
                        + "Write one database URL a line in it, or fix the path (relative to " + base + ").");
            } catch (IOException e) {
                throw new MigrateException("Could not read the databases file " + file + ": " + e.getMessage(), e);
            }
        } else {
            for (String url : text.split(",", -1)) {
                if (!url.isBlank()) {
                    urls.add(url.strip());
                }
            }
        }
        if (urls.isEmpty()) {
            throw new MigrateException(option + " names no database. Give comma-separated database URLs, or @ and a "
                    + "file with one URL a line.");
        }
        return urls;
    }
}
