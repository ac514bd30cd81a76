package dev.migrate.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code migrate.*} properties of a Spring Boot application. A JavaBean because Spring's
 * configuration processor reads the field comments below into the metadata IDEs complete from.
 *
 * <pre>{@code migrate.mode=validate}</pre>
 */
@ConfigurationProperties(prefix = "migrate")
public class MigrateProperties {
    /** What the migration does when the application starts. */
    public enum Mode {
        /** Upgrade the database to the target (head by default). */
        UPGRADE,
        /** Fail startup unless the database is at every head; run nothing. */
        VALIDATE,
        /** Do nothing at startup. */
        NONE
    }

    /** Whether to run migrate at startup. */
    private boolean enabled = true;

    /** What to do at startup: upgrade to the target, validate that the database is at head, or none. */
    private Mode mode = Mode.UPGRADE;

    /** The packages searched for migration classes, subpackages included. */
    private List<String> packages = new ArrayList<>(List.of("db.migrations"));

    /** JDBC URL of a dedicated connection for migrations (a migration role); unset uses the application's DataSource. */
    private @Nullable String url;

    /**
     * Login user of the migration connection; without migrate.url it connects to the JDBC URL of the
     * application's DataSource.
     */
    private @Nullable String user;

    /**
     * Login password of the migration connection; without migrate.url it connects to the JDBC URL of
     * the application's DataSource.
     */
    private @Nullable String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<String> getPackages() {
        return packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    /** Online migrations: how the application meets the schema of views of its revision. */
    private final Online online = new Online();

    public Online getOnline() {
        return online;
    }

    private final Validate validate = new Validate();

    public Validate getValidate() {
        return validate;
    }

    /** The {@code migrate.validate.*} properties: how {@code migrate.mode=validate} checks the database. */
    public static class Validate {
        /**
         * With migrate.mode=validate, how long startup waits while another migrate run (a Kubernetes Job, an init
         * container, a pipeline step) holds the migration lock of a database behind head, checking again every
         * second; it passes once the database reaches head. A database behind head that no run is migrating fails
         * at once. 0 never waits.
         */
        private Duration waitTimeout = Duration.ofMinutes(5);

        public Duration getWaitTimeout() {
            return waitTimeout;
        }

        public void setWaitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
        }
    }

    private final Health health = new Health();

    public Health getHealth() {
        return health;
    }

    /** The {@code migrate.health.*} properties: what the {@code migrate} health indicator and endpoint report. */
    public static class Health {
        /**
         * Whether the health indicator reports OUT_OF_SERVICE while an online revision is in its expand
         * phase, so a load balancer takes the instance out until the migration completes.
         */
        private boolean outOfServiceDuringExpand;

        /**
         * With migrate.validate-drift, how old the last drift check may be before the health indicator or the
         * endpoint runs it again; 0 keeps the check made at startup.
         */
        private Duration driftInterval = Duration.ofMinutes(10);

        /** How many of the history table's last entries the endpoint lists. */
        private int historyEntries = 10;

        public boolean isOutOfServiceDuringExpand() {
            return outOfServiceDuringExpand;
        }

        public void setOutOfServiceDuringExpand(boolean outOfServiceDuringExpand) {
            this.outOfServiceDuringExpand = outOfServiceDuringExpand;
        }

        public Duration getDriftInterval() {
            return driftInterval;
        }

        public void setDriftInterval(Duration driftInterval) {
            this.driftInterval = driftInterval;
        }

        public int getHistoryEntries() {
            return historyEntries;
        }

        public void setHistoryEntries(int historyEntries) {
            this.historyEntries = historyEntries;
        }
    }

    /** The {@code migrate.online.*} properties. */
    public static class Online {
        /**
         * Whether the application's connections put the schema of views of its revision
         * ({@code public_<revision>}) first in their search path while that schema is there: during the
         * rollout of an online migration the new instances use the new shape through the views.
         */
        private boolean searchPath;

        public boolean isSearchPath() {
            return searchPath;
        }

        public void setSearchPath(boolean searchPath) {
            this.searchPath = searchPath;
        }
    }
}
