package dev.migrate.command.database;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

/**
 * The credentials provider a face's setting names by its class, made once per goal from the classes the goal
 * runs with: {@code CredentialsSetting.load("com.example.VaultCredentials", loader, "-Dmigrate.credentialsProvider",
 * "the project's runtime class path")}.
 */
public final class CredentialsSetting {
    private CredentialsSetting() {}

    /**
     * The provider of class {@code className}, or null when the setting is not given.
     *
     * @param setting the setting as the face spells it, for the message of a class that cannot be loaded
     * @param where where the face looks for classes, and how to add one: {@code the project's runtime class path}
     * @throws MigrateException naming the class, the setting and the fix when there is no such provider
     */
    public static @Nullable CredentialsProvider load(
            @Nullable String className, ClassLoader loader, String setting, String where) {
        if (className == null || className.isBlank()) {
            return null;
        }
        try {
            return CredentialsProvider.load(className.strip(), loader);
        } catch (MigrateException e) {
            throw new MigrateException(
                    e.getMessage() + " (" + setting + " names it; the classes are looked for in " + where
                            + ". Nothing was run.)",
                    e);
        }
    }
}
