package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.command.database.ConnectionSettings;
import dev.migrate.connection.DatabaseUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database a command talks to, as the plugin decides it (SPEC 5), highest first: {@code --url},
 * the environment variable {@code MIGRATE_DATABASE_URL}, then {@code DATABASE_URL}. A variable that is
 * set but empty is an error, never a fall-through: a CI secret that is missing expands to an empty
 * string, and a deployment must not then succeed against another database. The user and password are
 * the URL's, else {@code --user} and {@code --password}.
 */
final class DatabaseChoice {
    private DatabaseChoice() {}

    /** The database of the command line and the environment; empty when neither names one. */
    static Optional<ConnectionSettings> resolve(
            @Nullable String url, @Nullable String user, @Nullable String password, Map<String, String> environment) {
        return first(
                List.of(
                        new Candidate("--url", url),
                        new Candidate(
                                "the environment variable MIGRATE_DATABASE_URL",
                                environment.get("MIGRATE_DATABASE_URL")),
                        new Candidate("the environment variable DATABASE_URL", environment.get("DATABASE_URL"))),
                user,
                password);
    }

    /**
     * The server where throwaway databases may be created, highest first: {@code --scratch-url}, then the
     * environment variable {@code MIGRATE_SCRATCH_URL}; empty when neither names one.
     */
    static Optional<ConnectionSettings> scratch(
            @Nullable String url, @Nullable String user, @Nullable String password, Map<String, String> environment) {
        return first(
                List.of(
                        new Candidate("--scratch-url", url),
                        new Candidate(
                                "the environment variable MIGRATE_SCRATCH_URL",
                                environment.get("MIGRATE_SCRATCH_URL"))),
                user,
                password);
    }

    private static Optional<ConnectionSettings> first(
            List<Candidate> candidates, @Nullable String user, @Nullable String password) {
        for (Candidate candidate : candidates) {
            String value = candidate.value();
            if (value == null) {
                continue;
            }
            if (value.isBlank()) {
                throw new MigrateException("The database URL from " + candidate.origin() + " is set but empty (a CI"
                        + " secret or variable that is missing expands to an empty value). Set it to the database's"
                        + " URL, for example jdbc:postgresql://host:5432/app, or unset it to use the next source."
                        + " Nothing was run.");
            }
            DatabaseUrl parsed = DatabaseUrl.parse(value, candidate.origin());
            return Optional.of(new ConnectionSettings(
                    parsed,
                    present(parsed.user()) ? parsed.user() : user,
                    present(parsed.password()) ? parsed.password() : password,
                    candidate.origin(),
                    "in the URL or --password"));
        }
        return Optional.empty();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private record Candidate(String origin, @Nullable String value) {}
}
