package dev.migrate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Logs in to Amazon RDS or Aurora PostgreSQL with IAM database authentication: each new connection
 * gets a fresh token (valid 15 minutes) signed by the AWS SDK's {@code RdsUtilities} with the SDK's
 * default credentials (environment, profile, container or instance role). Needs
 * {@code software.amazon.awssdk:rds} on the class path, which migrate itself never requires; the
 * user is the one configured, a role granted {@code rds_iam}.
 *
 * <pre>{@code
 * Migrator.builder()
 *         .url("jdbc:postgresql://app.abc123.eu-west-1.rds.amazonaws.com:5432/app?sslmode=require", "deployer", null)
 *         .credentials(new RdsIamCredentials())
 *         .build();
 * }</pre>
 */
public final class RdsIamCredentials implements CredentialsProvider {
    /** The region in an RDS endpoint: {@code app.abc123.eu-west-1.rds.amazonaws.com}. */
    private static final Pattern RDS_HOST = Pattern.compile("\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.rds\\.amazonaws\\.com");

    private final @Nullable String region;
    private volatile @Nullable RdsTokens tokens;

    /**
     * Takes the region from the RDS host name, else from the SDK's default region chain
     * ({@code AWS_REGION}, the profile): {@code new RdsIamCredentials()}.
     */
    public RdsIamCredentials() {
        this.region = null;
    }

    /**
     * Signs for {@code region}: {@code new RdsIamCredentials("eu-west-1")}.
     *
     * @param region the AWS region of the database
     */
    public RdsIamCredentials(String region) {
        this.region = region;
    }

    @Override
    public Credentials credentials(Server server) {
        String user = server.user();
        if (user == null) {
            throw new MigrateException("IAM authentication to " + server.host() + " needs the database user "
                    + "(a role granted rds_iam), and none is configured. Give it with the user setting or in the URL.");
        }
        String token = tokens().token(
                        server.host(),
                        server.port(),
                        user,
                        region(server.host()).orElse(null));
        return new Credentials(user, token);
    }

    private Optional<String> region(String host) {
        if (region != null) {
            return Optional.of(region);
        }
        Matcher m = RDS_HOST.matcher(host);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private RdsTokens tokens() {
        RdsTokens made = tokens;
        if (made == null) {
            if (!sdkPresent()) {
                throw new MigrateException("RdsIamCredentials signs IAM tokens with the AWS SDK's RdsUtilities, which "
                        + "is not on the class path. Add software.amazon.awssdk:rds (2.x) to the application, or to the "
                        + "dependencies of the plugin or the command line, or give another CredentialsProvider.");
            }
            made = new RdsTokens();
            tokens = made;
        }
        return made;
    }

    /** Asked here, not in {@link RdsTokens}, whose own linking needs the SDK. */
    private static boolean sdkPresent() {
        try {
            Class.forName(
                    "software.amazon.awssdk.services.rds.RdsUtilities",
                    false,
                    RdsIamCredentials.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RdsIamCredentials" + (region == null ? "" : "[" + region + "]");
    }
}
