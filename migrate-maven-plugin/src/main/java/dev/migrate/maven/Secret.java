package dev.migrate.maven;

/**
 * A parameter value that is never printed: a password, or a URL that may carry one. Maven's debug
 * output ({@code mvn -X}) lists every configured mojo field through its {@code toString()}, which
 * for this type shows only whether a value is set.
 */
public final class Secret {
    private String value;

    /** For Maven's configurator, which then calls {@link #set(String)} with the configured text. */
    public Secret() {}

    /** Receives the configured text. */
    public void set(String text) {
        this.value = text;
    }

    /** The value, or null when the parameter is not set. */
    static String valueOf(Secret secret) {
        return secret == null ? null : secret.value;
    }

    @Override public String toString() {
        return value == null ? "(not set)" : "(set, not shown)";
    }
}
