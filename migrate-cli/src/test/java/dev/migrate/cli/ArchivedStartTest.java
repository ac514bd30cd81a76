package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs of {@code java -jar} start their command from a class-data archive, and with what command line. */
class ArchivedStartTest {
    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";

    @TempDir
    Path dir = Path.of("unset");

    private Path jar = Path.of("unset");
    private Path home = Path.of("unset");

    @BeforeEach
    void jarAndHome() throws IOException {
        jar = Files.write(dir.resolve("migrate-cli.jar"), new byte[] {1, 2, 3});
        home = Files.createDirectories(dir.resolve("home"));
    }

    private Optional<ArchivedStart> start(List<String> given, Map<String, String> environment) {
        return start(given, environment, "/opt/jdk-17", HOTSPOT);
    }

    private Optional<ArchivedStart> start(
            List<String> given, Map<String, String> environment, String javaHome, String vmName) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        env.putAll(environment);
        return ArchivedStart.of(given, env, "?", javaHome, vmName, "17.0.15+6", jar.toString(), 4242);
    }

    private List<String> plain(String... args) {
        return Stream.concat(Stream.of("-jar", jar.toString()), Stream.of(args)).toList();
    }

    @Test
    void aPlainJavaJarRunOfAShortCommandWritesItsArchiveFirstAndStartsFromItAfter() throws IOException {
        ArchivedStart first = start(plain("current", "--url", "postgresql://db/app"), Map.of())
                .orElseThrow();
        assertThat(first.writesArchive()).isTrue();
        Path cache = home.resolve(".cache/migrate");
        assertThat(cache).as("the cache bin/migrate keeps its archive in, made").isDirectory();
        List<String> line = first.command();
        assertThat(line.get(0)).isEqualTo("/opt/jdk-17/bin/java");
        assertThat(line.get(1)).startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve("migrate-cli-jar-"));
        assertThat(line.get(1)).endsWith("-current.jsa.4242");
        // as bin/migrate runs a short command (the jar as its class path), then the run's own arguments as given
        assertThat(line.subList(2, line.size()))
                .containsExactly(
                        "-XX:TieredStopAtLevel=1",
                        "-Xshare:auto",
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off",
                        "-XX:+UseSerialGC",
                        "-XX:CICompilerCount=1",
                        "-XX:-UsePerfData",
                        "-cp",
                        jar.toString(),
                        "dev.migrate.cli.Main",
                        "current",
                        "--url",
                        "postgresql://db/app");

        String archive = line.get(1)
                .substring("-XX:ArchiveClassesAtExit=".length(), line.get(1).length() - 5);
        Files.writeString(Path.of(archive), "archived");
        ArchivedStart after = start(plain("current"), Map.of()).orElseThrow();
        assertThat(after.writesArchive()).isFalse();
        assertThat(after.command().get(1)).isEqualTo("-XX:SharedArchiveFile=" + archive);

        // another command has an archive of its own: the classes a run loads are its command's
        ArchivedStart upgrade = start(plain("upgrade"), Map.of()).orElseThrow();
        assertThat(upgrade.writesArchive()).isTrue();
        assertThat(upgrade.command().get(1)).endsWith("-upgrade.jsa.4242");
    }

    @Test
    void anArchiveBelongsToOneJavaAndOneJar() throws IOException {
        String archive = archiveOf(start(plain("current"), Map.of()).orElseThrow());
        assertThat(archiveOf(start(plain("current"), Map.of()).orElseThrow()))
                .as("the same java and jar")
                .isEqualTo(archive);
        assertThat(archiveOf(start(plain("current"), Map.of(), "/opt/jdk-21", HOTSPOT)
                        .orElseThrow()))
                .as("another java")
                .isNotEqualTo(archive);
        Files.write(jar, new byte[] {1, 2, 3, 4});
        String rebuilt = archiveOf(start(plain("current"), Map.of()).orElseThrow());
        assertThat(rebuilt).as("the jar rebuilt").isNotEqualTo(archive);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
        assertThat(archiveOf(start(plain("current"), Map.of()).orElseThrow()))
                .as("the jar touched")
                .isNotEqualTo(rebuilt);
    }

    private static String archiveOf(ArchivedStart start) {
        String option = start.command().get(1);
        return option.substring(option.indexOf('=') + 1, option.lastIndexOf(".jsa"));
    }

    @Test
    void theCacheIsMigrateCacheThenXdgCacheHomeThenTheHomes() {
        Path own = dir.resolve("own-cache");
        assertThat(archiveOf(start(plain("current"), Map.of("MIGRATE_CACHE", own.toString()))
                        .orElseThrow()))
                .startsWith(own.resolve("migrate-cli-jar-").toString());
        Path xdg = dir.resolve("xdg");
        assertThat(archiveOf(start(plain("current"), Map.of("XDG_CACHE_HOME", xdg.toString()))
                        .orElseThrow()))
                .startsWith(xdg.resolve("migrate/migrate-cli-jar-").toString());
    }

    @Test
    void aRunWhoseEnvironmentNamesNoHomeKeepsItsArchiveInTheAccountsHome() {
        // env -i java -jar ...: no HOME, and the JVM's user.home read from the system's user database
        Path account = dir.resolve("account");
        Optional<ArchivedStart> start = ArchivedStart.of(
                plain("current"), Map.of(), account.toString(), "/opt/jdk-17", HOTSPOT, "17", jar.toString(), 7);
        assertThat(archiveOf(start.orElseThrow()))
                .startsWith(account.resolve(".cache/migrate/migrate-cli-jar-").toString());
        // a HOME given, even empty of files, is the one taken
        Optional<ArchivedStart> given = ArchivedStart.of(
                plain("current"),
                Map.of("HOME", home.toString()),
                account.toString(),
                "/opt/jdk-17",
                HOTSPOT,
                "17",
                jar.toString(),
                7);
        assertThat(archiveOf(given.orElseThrow()))
                .startsWith(home.resolve(".cache/migrate/").toString());
    }

    @Test
    void migrateJavaOptsAddOptionsToTheSecondJvm() {
        List<String> line = start(plain("upgrade"), Map.of("MIGRATE_JAVA_OPTS", "  -Xmx256m   -Dx=y "))
                .orElseThrow()
                .command();
        assertThat(line.subList(line.indexOf("-cp") - 2, line.indexOf("-cp"))).containsExactly("-Xmx256m", "-Dx=y");
    }

    @Test
    void aRunGivenItsJvmOrNotShortStaysInTheFirstJvm() throws IOException {
        // JVM options on the command line, or in the variables the launcher and the JVM read: left as given
        assertThat(start(List.of("-Xmx1g", "-jar", jar.toString(), "current"), Map.of()))
                .isEmpty();
        assertThat(start(plain("current"), Map.of("JDK_JAVA_OPTIONS", "-Xmx1g")))
                .isEmpty();
        assertThat(start(plain("current"), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g")))
                .isEmpty();
        assertThat(start(plain("current"), Map.of("MIGRATE_CDS", "false"))).isEmpty();
        // not java -jar: a class path and a main class
        assertThat(start(List.of("-cp", jar.toString(), "dev.migrate.cli.Main", "current"), Map.of()))
                .isEmpty();
        // the commands that stay, help, the version, no command, and what names none
        for (List<String> args : List.of(
                List.of("watch"),
                List.of("mcp"),
                List.of("current", "--help"),
                List.of("--help"),
                List.of("--version"),
                List.<String>of(),
                List.of("Current"),
                List.of("../current"))) {
            assertThat(start(plain(args.toArray(String[]::new)), Map.of()))
                    .as(String.join(" ", args))
                    .isEmpty();
        }
        // a JVM without dynamic archives
        assertThat(start(plain("current"), Map.of(), "/opt/j9", "Eclipse OpenJ9 VM"))
                .isEmpty();
        // no home to keep the archive in, or a file where the cache would be
        assertThat(ArchivedStart.of(plain("current"), Map.of(), "?", "/opt/jdk-17", HOTSPOT, "17", jar.toString(), 1))
                .isEmpty();
        assertThat(ArchivedStart.of(
                        plain("current"), Map.of("HOME", ""), "", "/opt/jdk-17", HOTSPOT, "17", jar.toString(), 1))
                .isEmpty();
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file");
        assertThat(start(
                        plain("current"),
                        Map.of("MIGRATE_CACHE", blocked.resolve("migrate").toString())))
                .isEmpty();
    }

    @Test
    void theSecondJvmsOptionsAreTheLaunchersForAShortCommand() throws IOException {
        String launcher = Files.readString(Path.of("src/main/dist/bin/migrate"));
        String first = "options=\"";
        String added = "options=\"$options ";
        List<String> options = new ArrayList<>();
        for (String line : launcher.lines().map(String::strip).toList()) {
            String prefix = line.startsWith(added) ? added : line.startsWith(first) ? first : null;
            if (prefix != null) {
                options.addAll(List.of(
                        line.substring(prefix.length(), line.length() - 1).split(" ")));
            }
        }
        assertThat(options)
                .as("bin/migrate's options for a command other than watch")
                .isEqualTo(ArchivedStart.OPTIONS);
    }

    @Test
    void theCommandsThatStayAreTheCommandTablesWatchAndMcp() {
        assertThat(ArchivedStart.RESIDENT)
                .containsExactlyInAnyOrder(CliCommand.WATCH.commandName(), CliCommand.MCP.commandName());
        assertThat(ArchivedStart.RESIDENT).allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)));
    }
}
