package dev.migrate.maven;

/**
 * A parameter value that is never printed: a password, or a URL that may carry one. Maven's debug
 * output ({@code mvn -X}) lists every configured mojo field through its {@code toString()}, which
 * for this type shows only whether a value is set.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Made by {@link SecretAwareConfigurator} from the configured text. */
    static Secret of(String text) {
        return new Secret(text);
    }

    /** The value, or null when the parameter is not set. */
    static String valueOf(Secret secret) {
        return secret == null ? null : secret.value;
    }

    @Override
    public String toString() {
        return value == null ? "(not set)" : "(set, not shown)";
    }
}
