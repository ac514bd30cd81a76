package dev.migrate;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * The one class that touches the AWS SDK, made only once {@code RdsIamCredentials} found the SDK on the
 * class path: an application without the SDK never links it.
 */
final class RdsTokens {

    private final RdsUtilities utilities = RdsUtilities.builder()
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .build();

    /** Call only once the SDK was found. */
    RdsTokens() {}

    /** A token for {@code user} at {@code host:port}; {@code region} null: the SDK's default region chain. */
    String token(String host, int port, String user, @Nullable String region) {
        Region signedFor;
        try {
            signedFor = region != null
                    ? Region.of(region)
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            throw new MigrateException(
                    "IAM authentication to " + host + " needs the AWS region of the database, and "
                            + "neither the host name nor the environment gives one (" + e.getMessage()
                            + "). Set AWS_REGION, "
                            + "or construct RdsIamCredentials with the region.",
                    e);
        }
        try {
            return utilities.generateAuthenticationToken(
                    request -> request.hostname(host).port(port).username(user).region(signedFor));
        } catch (RuntimeException e) {
            // the SDK's messages name the credential sources it tried, never a secret
            throw new MigrateException(
                    "Could not sign an IAM token for user " + user + " at " + host + ": "
                            + e.getMessage()
                            + " Give the AWS SDK credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                            + "a profile, or the role of the container or instance).",
                    e);
        }
    }
}
