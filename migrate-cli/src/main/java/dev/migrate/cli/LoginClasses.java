package dev.migrate.cli;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivilegedExceptionAction;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;

/**
 * Loads and initializes what a login to PostgreSQL runs, on a thread of its own while the command line is read: the
 * driver and the reflective call it reads its defaults through, the security providers and the Unicode normalizer of a
 * SCRAM exchange, and the default time zone, number format and calendar the driver's connection reads (the JDK's
 * locale data, 19 ms of a first login). A command connects as soon as it knows where to, on a thread of its own; what
 * its login would load first is then loaded.
 */
final class LoginClasses {
    private LoginClasses() {}

    /** Starts loading them on a daemon thread. */
    static void loadAhead() {
        Thread thread = new Thread(LoginClasses::load, "migrate-login-classes");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            Class.forName("org.postgresql.Driver", true, LoginClasses.class.getClassLoader());
            // the driver reads its default properties through AccessController.doPrivileged, called by reflection:
            // the first reflective call of that caller-sensitive method reads its annotations and makes a proxy
            // class for them
            Class.forName("java.security.AccessController")
                    .getMethod("doPrivileged", PrivilegedExceptionAction.class)
                    .invoke(null, (PrivilegedExceptionAction<Object>) () -> "");
            // what the driver's SCRAM client asks for: a key derived by PBKDF2, HMACs and digests, a nonce, SASLprep
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            Mac.getInstance("HmacSHA256");
            MessageDigest.getInstance("SHA-256");
            new SecureRandom().nextInt();
            Normalizer.normalize("migrate", Normalizer.Form.NFKC);
            // the startup message's time zone, the server version read as an integer, the timestamps' calendar
            TimeZone.getDefault();
            NumberFormat.getIntegerInstance();
            new GregorianCalendar();
        } catch (ReflectiveOperationException | GeneralSecurityException | RuntimeException e) {
            // only time is at stake: the login loads what it needs as it would have
        }
    }
}
