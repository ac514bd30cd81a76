package creds;

import dev.migrate.CredentialsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A secrets store whose password lives one connection: each time it is asked, it sets a new password on the
 * server (as the trusted superuser) and gives it, so a connection that did not ask is refused. Writes each password
 * it gave to target/rotated-passwords.txt for the verify script.
 */
public final class RotatingPassword implements CredentialsProvider {
    @Override
    public Credentials credentials(Server server) {
        String next = "rotated-" + UUID.randomUUID();
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres");
        admin.setUser("postgres");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + server.user() + " PASSWORD '" + next + "'");
            Files.writeString(Path.of("target", "rotated-passwords.txt"), next + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The password could not be changed: " + e.getMessage(), e);
        }
        return new Credentials(server.user(), next);
    }
}
