package dev.migrate.command.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept checksums hold only while the compiled code they came from is unchanged. */
class ChecksumCacheFileTest {
    @TempDir
    Path dir;

    private Path classes;
    private Path jar;

    @BeforeEach
    void project() throws Exception {
        classes = dir.resolve("target/classes");
        Files.createDirectories(classes.resolve("db/migrations"));
        Files.write(classes.resolve("db/migrations/V1.class"), new byte[] {1, 2, 3});
        jar = Files.write(dir.resolve("helper-1.0.jar"), new byte[] {9});
    }

    private ChecksumCacheFile cache(String version) {
        return new ChecksumCacheFile(
                dir.resolve("target/migrate/checksum-cache"), List.of(classes.toString(), jar.toString()), version);
    }

    @Test
    void keptChecksumsComeBackWhileNothingChanged() throws Exception {
        cache("1.0").store(Map.of("v1", "v2:abc", "v2", "v2:def"));
        assertThat(cache("1.0").checksums()).containsExactlyInAnyOrderEntriesOf(Map.of("v1", "v2:abc", "v2", "v2:def"));
    }

    @Test
    void anEditedClassAnotherJarOrAnotherMigrateMakeThemVanish() throws Exception {
        cache("1.0").store(Map.of("v1", "v2:abc"));

        Path v1 = classes.resolve("db/migrations/V1.class");
        FileTime compiled = Files.getLastModifiedTime(v1);
        Files.write(v1, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(v1, compiled);
        assertThat(cache("1.0").checksums())
                .as("a class with other bytes of the same length and time")
                .isEmpty();

        cache("1.0").store(Map.of("v1", "v2:abc"));
        Files.move(v1, classes.resolve("db/migrations/V2.class"));
        assertThat(cache("1.0").checksums()).as("a class renamed").isEmpty();

        cache("1.0").store(Map.of("v1", "v2:abc"));
        Files.write(classes.resolve("db/migrations/Helper.class"), new byte[] {7});
        assertThat(cache("1.0").checksums()).as("a new class").isEmpty();

        cache("1.0").store(Map.of("v1", "v2:abc"));
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(cache("1.0").checksums()).as("a rebuilt jar").isEmpty();

        cache("1.0").store(Map.of("v1", "v2:abc"));
        assertThat(cache("1.1").checksums()).as("another build of migrate").isEmpty();
    }

    @Test
    void aDamagedFileIsIgnored() throws Exception {
        Path file = Files.createDirectories(dir.resolve("target/migrate")).resolve("checksum-cache");
        Files.writeString(file, "garbage\n");
        assertThat(cache("1.0").checksums()).isEmpty();
    }
}
