package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which binaries a throwaway server starts from when the schema needs extensions ({@link NeededExtensions}): the
 * embedded ones when they carry every extension needed and no installation is configured; else a PostgreSQL
 * installation on this machine, the configured one ({@code migrate.postgres.home}) or the first found that has them
 * all; else none, with one message naming the extensions, what was tried and the way out. A configured scratch
 * server ({@code scratchUrl}) comes before all of these, as {@link ScratchServer#orEmbedded} picks it.
 *
 * <pre>{@code
 * ExtensionServers.Choice choice = ExtensionServers.choose(Set.of("vector"), embedded, "18.6.0", null, found);
 * }</pre>
 */
public final class ExtensionServers {
    private ExtensionServers() {}

    /** Where a throwaway server comes from. */
    public sealed interface Choice {
        /** The embedded binaries. */
        record Embedded() implements Choice {}

        /**
         * An installation on this machine.
         *
         * @param why what the log says of it: configured, or found with the extensions the embedded binaries lack
         */
        record Installed(PostgresInstallation installation, String why) implements Choice {}
    }

    /**
     * Picks the binaries, or fails with the message that names the extension and the way out.
     *
     * @param needed the extensions the chain or the entities need
     * @param embedded the extensions the embedded binaries carry
     * @param embeddedVersion the embedded binaries' version, as the message shows it
     * @param home the configured installation ({@code migrate.postgres.home}); null: none
     * @param found the installations found on this machine when none is configured
     */
    public static Choice choose(
            Set<String> needed,
            Set<String> embedded,
            String embeddedVersion,
            @Nullable Path home,
            List<PostgresInstallation> found) {
        Set<String> lacking = new TreeSet<>(needed);
        lacking.removeAll(embedded);
        if (home != null) {
            PostgresInstallation configured = found.isEmpty() ? null : found.get(0);
            if (configured == null) {
                throw new MigrateException("migrate.postgres.home is " + home + ", which holds no PostgreSQL "
                        + "installation. Set it to an installation's prefix or bin directory, such as "
                        + "/usr/lib/postgresql/15.");
            }
            Set<String> missing = lacking.stream()
                    .filter(name -> !configured.has(name))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!missing.isEmpty()) {
                throw new MigrateException("The chain or the entities need the extension" + plural(missing) + " "
                        + String.join(", ", missing)
                        + ", which the PostgreSQL " + configured.version() + " of migrate.postgres.home ("
                        + home + ") lacks (no " + String.join(", ", controls(missing)) + " in "
                        + configured.share().resolve("extension") + "). Install "
                        + (missing.size() == 1 ? "it" : "them") + " into that installation, point "
                        + "migrate.postgres.home at one that has " + (missing.size() == 1 ? "it" : "them")
                        + ", or set scratchUrl to a server that has " + (missing.size() == 1 ? "it" : "them")
                        + ". Nothing was compared.");
            }
            return new Choice.Installed(configured, "configured by migrate.postgres.home");
        }
        if (lacking.isEmpty()) {
            return new Choice.Embedded();
        }
        for (PostgresInstallation installation : found) {
            if (lacking.stream().allMatch(installation::has)) {
                return new Choice.Installed(
                        installation,
                        "it has " + String.join(", ", lacking) + ", which the embedded PostgreSQL " + embeddedVersion
                                + " lacks");
            }
        }
        String them = lacking.size() == 1 ? "it" : "them";
        String looked = found.isEmpty()
                ? "no PostgreSQL installation was found (pg_config on the PATH, /usr/lib/postgresql/*)"
                : "the installation" + (found.size() == 1 ? " " : "s ")
                        + found.stream()
                                .map(i -> i.home() + " (PostgreSQL " + i.version() + ")")
                                .collect(Collectors.joining(", "))
                        + (found.size() == 1 ? " lacks " : " lack ") + them;
        throw new MigrateException("The chain or the entities need the extension" + plural(lacking) + " "
                + String.join(", ", lacking) + ", which the embedded PostgreSQL " + embeddedVersion + " lacks (its "
                + "binaries carry PostgreSQL's contrib modules only). Tried: no scratchUrl is configured, "
                + "migrate.postgres.home is not set, and " + looked + ". Install " + them + " into a local "
                + "PostgreSQL and set -Dmigrate.postgres.home to it (such as /usr/lib/postgresql/15), or set "
                + "scratchUrl to a PostgreSQL server that has " + them + ". Nothing was compared.");
    }

    /** The version a throwaway server of {@code installation} reports, known without starting it. */
    public static ThrowawayVersion version(PostgresInstallation installation) {
        String[] parts = installation.version().split("\\.", -1);
        int minor = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
        return new ThrowawayVersion(
                installation.version(),
                Integer.toString(installation.major() * 10000 + minor),
                "PostgreSQL " + installation.version() + " installed in " + installation.bin());
    }

    private static String plural(Set<String> names) {
        return names.size() == 1 ? "" : "s";
    }

    private static List<String> controls(Set<String> names) {
        return names.stream().map(n -> n + ".control").toList();
    }
}
