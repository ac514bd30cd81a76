package dev.migrate.maven;

import org.jspecify.annotations.Nullable;

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
    static @Nullable String valueOf(@Nullable Secret secret) {
        return secret == null ? null : secret.value;
    }

    /** The value of a parameter that is set. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value == null ? "(not set)" : "(set, not shown)";
    }
}
