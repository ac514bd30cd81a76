package dev.migrate.cli;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readies, on a thread of its own from the command's first moment, what the first login to PostgreSQL needs in a
 * fresh JVM, while the main thread reads the command's settings.
 *
 * <p>A login with a password (SCRAM-SHA-256, PostgreSQL's default since 14) first loads the driver, the JDK's security
 * providers (searched in order until one offers PBKDF2), the Unicode normalization tables the password is prepared
 * with, and the random source of its nonce, then derives its key in 4,096 rounds of HMAC-SHA-256, which a fresh JVM
 * runs in its interpreter until compiled. The connection opened ahead of the command starts only once the settings
 * name the database, about a tenth of a second in; on a machine of two cores or more this thread has done that
 * loading by then, and the JIT has compiled the HMAC. Nothing it does touches a server or a setting: a run whose
 * login takes no password loses only the second core's time.
 */
final class LoginWarmup {
    /** The commands that log in to the database the settings name (not the throwaway servers of lint and verify). */
    static final Set<String> LOGGING_IN =
            Set.of("upgrade", "downgrade", "current", "history", "stamp", "complete", "drift");

    private LoginWarmup() {}

    /**
     * Starts the warm-up when {@code args} name a command that logs in and the machine has a core to spare.
     *
     * @return whether it started
     */
    static boolean startFor(String[] args) {
        if (args.length == 0
                || !LOGGING_IN.contains(args[0])
                || Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        Thread thread = new Thread(LoginWarmup::warm, "migrate-login-warmup");
        thread.setDaemon(true); // never holds the command's end
        thread.start();
        return true;
    }

    /** What a SCRAM login loads and computes first, on values of its own. */
    static void warm() {
        try {
            Class.forName("org.postgresql.Driver", true, LoginWarmup.class.getClassLoader());
            new Socket().close();
            new SecureRandom().nextBytes(new byte[18]);
            Normalizer.normalize("warm-up", Normalizer.Form.NFKC);
            byte[] salt = new byte[16];
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec("warm-up".toCharArray(), salt, 4096, 256))
                    .getEncoded();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salted, "HmacSHA256"));
            MessageDigest.getInstance("SHA-256").digest(mac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8)));
        } catch (ClassNotFoundException | GeneralSecurityException | java.io.IOException | RuntimeException e) {
            // a head start only: the login itself says what fails
        }
    }
}
