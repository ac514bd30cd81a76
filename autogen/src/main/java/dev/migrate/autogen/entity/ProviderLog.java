package dev.migrate.autogen.entity;

import java.util.logging.Level;

/**
 * Where the JPA provider's own log lines go while it writes the entity DDL. Its start-up banner and
 * its notice that no connection provider is configured (Hibernate's HHH000181, a warning that looks
 * like a misconfiguration) are noise in an offline DDL run: they are wanted only when the user asks
 * for debug output ({@code mvn -X}).
 */
public interface ProviderLog {
    /** Discards every line but the provider's errors, which go to standard error. */
    ProviderLog QUIET = new ProviderLog() {
        @Override
        public boolean verbose() {
            return false;
        }

        @Override
        public void line(Level level, String message) {
            // not through a logger: java.util.logging's org.hibernate is what this log serves
            System.err.println("ERROR [JPA provider] " + message);
        }
    };

    /** Whether every line of the provider is wanted; otherwise only its errors reach {@link #line}. */
    boolean verbose();

    /** One line of the provider, at its {@code java.util.logging} level. */
    void line(Level level, String message);
}
