package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.ItDatabase;
import dev.migrate.testing.LongSuite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials that expire: each new connection asks the provider again, so a password changed on the
 * server between two connections (as an IAM token or a secrets store's lease is replaced) does not stop a
 * run, and neither the password nor the token is ever printed. The server checks passwords for every role
 * but {@code postgres}, which the test uses to change them.
 */
@LongSuite
class CredentialsProviderTest {
    private static EmbeddedPostgres server;
    private static int database;

    @Revision(id = "c1", message = "create orders")
    public static class C1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "add total")
    public static class C2 implements Migration {
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
        Path data = Files.createTempDirectory("migrate-credentials-test").resolve("data");
        server = ItDatabase.passwordChecked(data, freePort()).start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** A database owned by a new role {@code deployer_N} whose password is {@code password}; returns the role. */
    private static String roleAndDatabase(String password) throws SQLException {
        database++;
        String role = "deployer_" + database;
        admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        admin("CREATE DATABASE " + role + " OWNER " + role);
        return role;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /** A secrets store: what it holds now, and each time it was asked. */
    private static final class Store implements CredentialsProvider {
        final AtomicReference<String> secret;
        final List<Server> asked = Collections.synchronizedList(new ArrayList<>());

        Store(String secret) {
            this.secret = new AtomicReference<>(secret);
        }

        @Override
        public Credentials credentials(Server server) {
            asked.add(server);
            return new Credentials(Objects.requireNonNull(server.user()), Objects.requireNonNull(secret.get()));
        }

        /** A new secret, which the server takes at once and the old one no longer opens. */
        void rotate(String role, String next) throws SQLException {
            admin("ALTER ROLE " + role + " PASSWORD '" + next + "'");
            secret.set(next);
        }
    }

    @Test
    void eachNewConnectionAsksAgainSoAPasswordChangedBetweenConnectionsKeepsWorking() throws Exception {
        String first = "first-" + UUID.randomUUID();
        String role = roleAndDatabase(first);
        Store store = new Store(first);
        List<String> log = new ArrayList<>();
        Migrator migrator = Migrator.builder()
                .url(url(role), role, null)
                .credentials(store)
                .migrations(C1.class, C2.class)
                .log(into(log))
                .build();
        // the same migrator with the first password fixed, as without a provider
        Migrator fixed = Migrator.builder()
                .url(url(role), role, first)
                .migrations(C1.class, C2.class)
                .log(into(log))
                .build();

        migrator.upgrade("c1");
        int askedForC1 = store.asked.size();
        assertThat(askedForC1).as("connections opened for the first upgrade").isGreaterThanOrEqualTo(2);
        assertThat(store.asked.get(0))
                .isEqualTo(new CredentialsProvider.Server("localhost", server.getPort(), role, role));

        String second = "second-" + UUID.randomUUID();
        store.rotate(role, second);

        assertThatThrownBy(fixed::current)
                .as("the first password no longer opens a connection")
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("rejected the credentials of user " + role);
        assertThat(migrator.upgrade("head").applied())
                .extracting(AppliedStep::revision)
                .containsExactly("c2");
        assertThat(store.asked.size()).isGreaterThan(askedForC1);
        assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactly("c2");
        assertThat(String.join("\n", log)).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void aFleetOfDatabasesByUrlAsksForEachConnectionOfEachTenant() throws Exception {
        String secret = "fleet-" + UUID.randomUUID();
        Store store = new Store(secret);
        String one = roleAndDatabase(secret);
        String two = roleAndDatabase(secret);
        // the tokens change while the fleet runs: every connection is given a new one the server takes
        CredentialsProvider rotating = requested -> {
            String next = "token-" + UUID.randomUUID();
            try {
                admin("ALTER ROLE " + Objects.requireNonNull(requested.user()) + " PASSWORD '" + next + "'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            store.asked.add(requested);
            return new CredentialsProvider.Credentials(Objects.requireNonNull(requested.user()), next);
        };
        FleetResult result = Fleet.builder(Migrator.builder()
                        .migrations(C1.class, C2.class)
                        .log(into(new ArrayList<>()))
                        .credentials(rotating))
                .databases(List.of(url(one) + "?user=" + one, url(two) + "?user=" + two), null, null)
                .parallel(1)
                .build()
                .upgrade("head");

        assertThat(result.failed()).isEmpty();
        assertThat(result.tenants()).hasSize(2);
        assertThat(store.asked).extracting(CredentialsProvider.Server::user).contains(one, two);
        assertThat(store.asked.stream().filter(s -> one.equals(s.user())).count())
                .isGreaterThanOrEqualTo(2);
        for (String role : List.of(one, two)) {
            try (Connection c = server.getDatabase("postgres", role).getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("c2");
            }
        }
    }

    @Test
    void aRejectedTokenIsNeverPrintedAndTheMessageNamesTheProvider() throws Exception {
        String role = roleAndDatabase("right-" + UUID.randomUUID());
        String wrong = "wrong-token-" + UUID.randomUUID();
        List<String> log = new ArrayList<>();
        CredentialsProvider stale =
                requested -> new CredentialsProvider.Credentials(Objects.requireNonNull(requested.user()), wrong);
        Migrator migrator = Migrator.builder()
                .url(url(role), role, null)
                .credentials(stale)
                .migrations(C1.class)
                .log(into(log))
                .build();

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("rejected the credentials of user " + role)
                .hasMessageContaining("Fix the password the credentials provider ")
                .satisfies(e -> assertThat(everything(e)).doesNotContain(wrong));
        assertThat(String.join("\n", log)).doesNotContain(wrong);
        assertThat(new CredentialsProvider.Credentials(role, wrong).toString()).doesNotContain(wrong);
    }

    @Test
    void aProviderThatFailsIsNamedWithTheConnection() throws Exception {
        String role = roleAndDatabase("p-" + UUID.randomUUID());
        CredentialsProvider broken = requested -> {
            throw new IllegalStateException("The lease of secret/db/app expired.");
        };
        Migrator migrator = Migrator.builder()
                .url(url(role), role, null)
                .credentials(broken)
                .migrations(C1.class)
                .build();

        assertThatThrownBy(migrator::current)
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith("Could not get the credentials to connect to PostgreSQL at localhost:"
                        + server.getPort() + ", database " + role + ", user " + role + " from the credentials "
                        + "provider ")
                .hasMessageContaining("The lease of secret/db/app expired.");
    }

    @Test
    void aDataSourceBringsItsOwnCredentials() {
        Migrator.Builder builder = Migrator.builder()
                .dataSource(server.getPostgresDatabase())
                .credentials(requested -> new CredentialsProvider.Credentials("x", "y"))
                .migrations(C1.class);
        assertThatThrownBy(builder::build)
                .isInstanceOf(MigrateException.class)
                .hasMessage("Migrator.builder().credentials(...) gives the credentials of connections migrate opens "
                        + "from a URL, and this builder has a DataSource, which brings its own. Give the database with "
                        + ".url(url, user, null) instead.");
    }

    /**
     * The AWS provider signs a real IAM token with the SDK's RdsUtilities (a local computation, no account
     * and no network), and a stand-in for RDS takes each token as the role's password: the migration runs on
     * the tokens, a new one for each connection.
     */
    @Test
    void rdsIamTokensSignedByTheSdkLogIn() throws Exception {
        String keyId = "AKIDEXAMPLE" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String previousKey = System.setProperty("aws.accessKeyId", keyId);
        String previousSecret = System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            CredentialsProvider.Server rds =
                    new CredentialsProvider.Server("app.abc123.eu-west-1.rds.amazonaws.com", 5432, "app", "deployer");
            CredentialsProvider loaded =
                    CredentialsProvider.load("RdsIamCredentials", CredentialsProviderTest.class.getClassLoader());
            assertThat(loaded).isInstanceOf(RdsIamCredentials.class);
            CredentialsProvider.Credentials signed = loaded.credentials(rds);
            assertThat(signed.user()).isEqualTo("deployer");
            assertThat(signed.password())
                    .startsWith("app.abc123.eu-west-1.rds.amazonaws.com:5432/?")
                    .contains("Action=connect", "DBUser=deployer", keyId + "%2F", "%2Feu-west-1%2Frds-db%2F")
                    .contains("X-Amz-Signature=");

            String role = roleAndDatabase("before-iam-" + UUID.randomUUID());
            RdsIamCredentials iam = new RdsIamCredentials("eu-west-1");
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            // what RDS does with a token, done by the test: the server takes it as the role's password
            CredentialsProvider standIn = requested -> {
                CredentialsProvider.Credentials token = iam.credentials(requested);
                try {
                    admin("ALTER ROLE " + Objects.requireNonNull(requested.user()) + " PASSWORD '" + token.password()
                            + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                tokens.add(token.password());
                return token;
            };
            List<String> log = new ArrayList<>();
            Migrator migrator = Migrator.builder()
                    .url(url(role), role, null)
                    .credentials(standIn)
                    .migrations(C1.class, C2.class)
                    .log(into(log))
                    .build();
            migrator.upgrade("c1");
            Thread.sleep(1100); // a token's X-Amz-Date counts seconds
            migrator.upgrade("head");

            assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
            assertThat(tokens.get(0))
                    .startsWith("localhost:" + server.getPort() + "/?")
                    .contains("DBUser=" + role);
            assertThat(tokens.get(0)).isNotEqualTo(tokens.get(tokens.size() - 1));
            assertThat(migrator.current()).extracting(CurrentRevision::id).containsExactly("c2");
            String printed = String.join("\n", log);
            tokens.forEach(t -> assertThat(printed).doesNotContain(t));
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    @Test
    void aProviderNotOnTheClassPathIsNamedWithTheOnesThatAre() {
        assertThatThrownBy(() ->
                        CredentialsProvider.load("com.example.Vault", CredentialsProviderTest.class.getClassLoader()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("No credentials provider named com.example.Vault is on the class path (found: "
                        + "dev.migrate.RdsIamCredentials). Check the spelling of its fully qualified class name, and "
                        + "add the jar or directory that holds it to the class path.");
    }

    /** A provider on the class path, not registered: found by its full name, made with its constructor. */
    public static final class FixedSecret implements CredentialsProvider {
        @Override
        public Credentials credentials(Server server) {
            return new Credentials("fixed", "fixed-secret");
        }
    }

    @Test
    void aClassOnTheClassPathIsFoundByItsFullNameAndAnyOtherClassIsRefusedNamingTheFix() {
        ClassLoader loader = CredentialsProviderTest.class.getClassLoader();
        assertThat(CredentialsProvider.load(FixedSecret.class.getName(), loader))
                .isInstanceOf(FixedSecret.class);
        assertThatThrownBy(() -> CredentialsProvider.load("java.lang.String", loader))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The class java.lang.String is not a credentials provider: make it implement "
                        + "dev.migrate.CredentialsProvider, or name the class that does.");
        assertThatThrownBy(() -> CredentialsProvider.load(Store.class.getName(), loader))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The credentials provider " + Store.class.getName() + " cannot be made: give "
                        + "it a public constructor without arguments");
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    private static String everything(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (StackTraceElement element : t.getStackTrace()) {
                text.append(element).append('\n');
            }
        }
        return text.toString();
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
