package dev.migrate.maven;

import dev.migrate.CredentialsProvider;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.CredentialsSetting;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.jspecify.annotations.Nullable;

/**
 * The connection a goal's parameters configure: a URL, a user and password, a server entry of settings.xml, a
 * credentials provider. Weighed with the command line's and the environment's by {@link #resolver} (SPEC 5).
 *
 * @param credentialsProvider the class name of the credentials provider, or null
 * @param settings the build's settings.xml, whose servers the serverId names
 * @param decrypter what decrypts a password of settings.xml
 */
record ConnectionOptions(
        @Nullable Secret url,
        @Nullable String user,
        @Nullable Secret password,
        @Nullable String serverId,
        @Nullable String credentialsProvider,
        @Nullable Settings settings,
        SettingsDecrypter decrypter) {

    /** Weighs the URL settings of the command line, the environment and the pom. */
    ConnectionResolver resolver(MavenSession session) {
        return new ConnectionResolver(
                System.getenv(), session.getUserProperties(), new SettingsServers(settings, decrypter));
    }

    /** The connection as the pom (or {@code -D}) configures it, with the provider {@link #loadProvider} made. */
    ConnectionResolver.Parameters parameters(@Nullable CredentialsProvider provider) {
        return new ConnectionResolver.Parameters(
                Secret.valueOf(url), user, Secret.valueOf(password), serverId, provider);
    }

    /** A new instance of the provider that credentialsProvider names; null when it is not set. */
    @Nullable
    CredentialsProvider loadProvider(ClassLoader projectClasses) {
        return credentialsProvider == null
                ? null
                : CredentialsSetting.load(
                        credentialsProvider,
                        projectClasses,
                        "-Dmigrate.credentialsProvider (<credentialsProvider>)",
                        "the project's runtime class path and the plugin's dependencies: add the jar as a dependency "
                                + "of either");
    }
}
