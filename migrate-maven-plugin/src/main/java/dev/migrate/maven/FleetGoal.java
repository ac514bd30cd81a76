package dev.migrate.maven;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.internal.fleet.FleetJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the goals that take a fleet share: the databases setting, the fleet, its script files and its JSON. */
final class FleetGoal {
    private FleetGoal() {}

    static boolean isFleet(String tenants, Secret databases) {
        return tenants != null || databases != null;
    }

    /** The fleet of the tenants and databases settings over {@code builder}'s migrations and settings. */
    static Fleet fleet(
            Migrator.Builder builder,
            String tenants,
            Secret databases,
            ConnectionResolver.Credentials credentials,
            Path basedir,
            Integer parallel,
            boolean failFast,
            int canary) {
        Fleet.Builder fleet = Fleet.builder(builder).failFast(failFast).canary(canary);
        if (tenants != null) {
            fleet.tenants(tenants);
        }
        if (databases != null) {
            fleet.databases(urls(Secret.valueOf(databases), basedir), credentials.user(), credentials.password());
        }
        if (parallel != null) {
            fleet.parallel(parallel);
        }
        return fleet.build();
    }

    /**
     * The URLs of the databases setting: comma-separated, or {@code @file} with one a line (blank
     * lines and lines starting with # skipped), a relative file from the project's directory.
     */
    static List<String> urls(String setting, Path basedir) {
        String text = setting.trim();
        List<String> urls = new ArrayList<>();
        if (text.startsWith("@")) {
            Path file = basedir.resolve(text.substring(1).trim());
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        urls.add(line.strip());
                    }
                }
            } catch (NoSuchFileException e) {
                throw new MigrateException("The databases file " + file + " (migrate.databases=@...) does not exist. "
                        + "Write one database URL a line in it, or fix the path (relative to " + basedir + ").");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the databases file " + file, e);
            }
        } else {
            for (String url : text.split(",", -1)) {
                if (!url.isBlank()) {
                    urls.add(url.strip());
                }
            }
        }
        if (urls.isEmpty()) {
            throw new MigrateException("The databases setting (-Dmigrate.databases or <databases>) names no database. "
                    + "Set it to comma-separated database URLs, or to @file with one URL a line.");
        }
        return urls;
    }

    static void writeJson(Path json, String command, String target, FleetResult result) {
        try {
            Files.createDirectories(json.getParent());
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                FleetJson.write(command, target, result, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + json, e);
        }
    }
}
