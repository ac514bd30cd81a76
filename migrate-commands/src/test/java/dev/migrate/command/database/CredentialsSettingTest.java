package dev.migrate.command.database;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CredentialsProvider;
import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.command.FleetSettings;
import dev.migrate.testing.ItDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credentials provider the plugin's and the command line's setting name by its class: made from the goal's
 * classes, asked for each new connection of the one database and of a fleet's databases, on a server that checks
 * passwords. The provider here changes the role's password on the server each time it is asked, so a connection
 * logs in only with the password asked for it, and a password kept from an earlier connection is refused.
 */
class CredentialsSettingTest {
    private static EmbeddedPostgres server;

    /** Every password {@link RotatingPassword} gave, in order. */
    static final List<String> GIVEN = Collections.synchronizedList(new ArrayList<>());

    /** A secrets store whose password changes each time it is read, as a token that lives one connection. */
    public static final class RotatingPassword implements CredentialsProvider {
        @Override
        public Credentials credentials(Server asked) {
            String user = Objects.requireNonNull(asked.user(), "the configured user");
            String next = "rotated-" + UUID.randomUUID();
            admin("ALTER ROLE " + user + " PASSWORD '" + next + "'");
            GIVEN.add(next);
            return new Credentials(user, next);
        }
    }

    @Revision(id = "r1", message = "create orders")
    public static class R1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "add total")
    public static class R2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("total", "numeric(10,2)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "total");
        }
    }

    @BeforeAll
    static void passwordCheckedServer() throws IOException {
        server = ItDatabase.passwordChecked(
                        Files.createTempDirectory("migrate-credentials-setting").resolve("data"), freePort())
                .start();
        admin("CREATE ROLE deployer LOGIN PASSWORD 'initial-password'");
        for (String database : List.of("app", "shop_eu", "shop_us")) {
            admin("CREATE DATABASE " + database + " OWNER deployer");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static void admin(String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private static CredentialsProvider named(String className) {
        return Objects.requireNonNull(CredentialsSetting.load(
                className,
                CredentialsSettingTest.class.getClassLoader(),
                "--credentials-provider",
                "the test's class path"));
    }

    @Test
    void theDatabaseOfAGoalAsksTheNamedProviderForEachNewConnectionWhileThePasswordRotates() throws SQLException {
        Properties command = new Properties();
        command.setProperty("migrate.url", url("app"));
        ConnectionResolver resolver = new ConnectionResolver(Map.of(), command, id -> {
            throw new AssertionError("no server id is given");
        });
        CredentialsProvider provider = named(RotatingPassword.class.getName());
        ConnectionSettings settings = resolver.resolve(
                        new ConnectionResolver.Parameters(null, "deployer", "initial-password", null, provider))
                .orElseThrow();
        assertThat(settings.password())
                .as("the provider's password replaces the fixed one")
                .isNull();
        List<String> log = new ArrayList<>();
        int before = GIVEN.size();

        Migrator.builder()
                .dataSource(settings.dataSource().connectAhead())
                .migrations(R1.class)
                .log(into(log))
                .build()
                .upgrade("head");
        List<String> firstRun = List.copyOf(GIVEN.subList(before, GIVEN.size()));
        assertThat(firstRun).as("a password for each connection of the run").hasSizeGreaterThanOrEqualTo(2);
        assertThat(firstRun).doesNotHaveDuplicates();
        String stale = firstRun.get(0);
        assertThatThrownBy(() -> DriverManager.getConnection(url("app"), "deployer", stale)
                        .close())
                .as("the first connection's password no longer opens one")
                .isInstanceOf(SQLException.class);

        Migrator second = Migrator.builder()
                .dataSource(settings.dataSource())
                .migrations(R1.class, R2.class)
                .log(into(log))
                .build();
        second.upgrade("head");
        assertThat(second.current()).extracting(CurrentRevision::id).containsExactly("r2");
        String printed = String.join("\n", log);
        assertThat(GIVEN).allSatisfy(password -> assertThat(printed).doesNotContain(password));
        assertThat(settings.toString() + settings.dataSource()).doesNotContain("rotated-");
    }

    @Test
    void aFleetsDatabasesGivenByUrlAskTheProviderToo() {
        int before = GIVEN.size();
        FleetSettings fleet = new FleetSettings(
                        null, List.of(url("shop_eu"), url("shop_us")), "deployer", null, 1, false, 0)
                .withCredentials(named(RotatingPassword.class.getName()));

        fleet.over(Migrator.builder().migrations(R1.class, R2.class)).upgrade("head");

        assertThat(GIVEN.size() - before)
                .as("passwords given to the two databases")
                .isGreaterThanOrEqualTo(4);
        assertThat(fleet.over(Migrator.builder().migrations(R1.class, R2.class)).current())
                .hasSize(2)
                .allSatisfy((name, current) ->
                        assertThat(current).extracting(CurrentRevision::id).containsExactly("r2"));
    }

    @Test
    void aProviderThatRefusesIsNamedWithTheServerAndItsOwnMessage() {
        ConnectionSettings settings = new ConnectionSettings(
                        dev.migrate.connection.DatabaseUrl.parse(url("app"), "--url"),
                        "deployer",
                        null,
                        "--url",
                        "in the URL or --password")
                .withCredentials(asked -> {
                    throw new IllegalStateException("the vault is sealed");
                });
        assertThatThrownBy(() -> settings.dataSource().getConnection())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Could not get the credentials to connect to PostgreSQL at localhost:"
                        + server.getPort() + ", database app, user deployer from the credentials provider ")
                // its message ended as a sentence before the advice, not run into it
                .hasMessageContaining(": the vault is sealed. Check the provider's own configuration");
    }

    @Test
    void aClassThatIsNotThereOrIsNoProviderIsNamedWithTheSettingAndTheFix() {
        assertThatThrownBy(() -> named("com.example.NoSuchVault"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("No credentials provider named com.example.NoSuchVault is on the class path")
                .hasMessageContaining("Check the spelling of its fully qualified class name")
                .hasMessageEndingWith(
                        "(--credentials-provider names it; the classes are looked for in the test's class path."
                                + " Nothing was run.)");
        assertThatThrownBy(() -> named(R1.class.getName()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The class " + R1.class.getName() + " is not a credentials provider: make it "
                        + "implement dev.migrate.CredentialsProvider");
        assertThat(CredentialsSetting.load(null, getClass().getClassLoader(), "--credentials-provider", "here"))
                .isNull();
    }

    private static MigrationLog into(List<String> lines) {
        return new MigrationLog() {
            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add(line);
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
