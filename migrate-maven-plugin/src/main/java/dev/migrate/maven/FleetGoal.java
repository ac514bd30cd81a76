package dev.migrate.maven;

import dev.migrate.FleetResult;
import dev.migrate.command.DatabaseList;
import dev.migrate.command.FleetSettings;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.tooling.FleetJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What the goals that take a fleet share: the fleet of their tenants and databases settings, and its JSON. */
final class FleetGoal {
    private FleetGoal() {}

    static boolean isFleet(@Nullable String tenants, @Nullable Secret databases) {
        return tenants != null || databases != null;
    }

    /**
     * The fleet of the tenants and databases settings; the credentials, for database URLs that carry none,
     * are resolved only when databases are given.
     */
    static FleetSettings settings(
            @Nullable String tenants,
            @Nullable Secret databases,
            Supplier<ConnectionResolver.Credentials> credentials,
            Path basedir,
            @Nullable Integer parallel,
            boolean failFast,
            int canary) {
        if (databases == null) {
            return new FleetSettings(tenants, List.of(), null, null, parallel, failFast, canary);
        }
        ConnectionResolver.Credentials given = credentials.get();
        return new FleetSettings(
                tenants,
                DatabaseList.parse(databases.value(), basedir, "migrate.databases"),
                given.user(),
                given.password(),
                parallel,
                failFast,
                canary);
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
