package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.connection.DatabaseUrl;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The database the starter migrates and the user it logs in as, read from the application's settings
 * as {@link MigrateAutoConfiguration} uses them ({@code migrate.url}, else {@code spring.datasource.url};
 * {@code migrate.user}, else the DataSource's user), each with where it was set, for messages.
 *
 * @param url the address, without credentials
 * @param origin the setting that gave the address and where it was set, e.g.
 *     {@code spring.datasource.url in application.properties line 1}
 * @param user the user name, or null when none is set
 * @param password the password, or null; only to keep it out of messages
 * @param passwordSetting where to fix the password, completing "Fix the password ..."
 */
record MigrateDatabaseSettings(
        DatabaseUrl url,
        String origin,
        @Nullable String user,
        @Nullable String password,
        String passwordSetting) {

    /**
     * The settings of {@code environment}, or empty when neither {@code migrate.url} nor a PostgreSQL
     * {@code spring.datasource.url} is set (a DataSource the application builds itself).
     */
    static Optional<MigrateDatabaseSettings> of(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment)) {
            return Optional.empty();
        }
        Optional<Setting> migrateUrl = Setting.of(environment, "migrate.url");
        Optional<Setting> url = migrateUrl.or(() -> Setting.of(environment, "spring.datasource.url"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url.get().value(), url.get().describe());
        } catch (MigrateException notPostgres) {
            return Optional.empty();
        }
        Optional<Setting> migrateUser = Setting.of(environment, "migrate.user");
        // migrate.user and migrate.password replace the DataSource's login, with or without migrate.url
        boolean ownLogin = migrateUrl.isPresent()
                || migrateUser.isPresent()
                || Setting.of(environment, "migrate.password").isPresent();
        String prefix = ownLogin ? "migrate." : "spring.datasource.";
        Optional<Setting> user = ownLogin ? migrateUser : Setting.of(environment, "spring.datasource.username");
        Optional<Setting> password = Setting.of(environment, prefix + "password");
        String passwordSetting = password.map(p -> "in " + p.describe())
                .orElse(
                        parsed.password() != null
                                ? "in " + url.get().describe()
                                : "in " + prefix + "password (none is set)");
        return Optional.of(new MigrateDatabaseSettings(
                parsed,
                url.get().describe(),
                user.map(Setting::value).orElse(parsed.user()),
                password.map(Setting::value).orElse(parsed.password()),
                passwordSetting));
    }

    /** The connection as the engine's explanation of a failure to connect needs it. */
    ConnectionFailure.Target target() {
        return new ConnectionFailure.Target(url, user, password, origin, passwordSetting);
    }

    @Override
    public String toString() {
        return "MigrateDatabaseSettings[" + url.jdbcUrl() + " from " + origin + ", user " + user + "]";
    }

    /** One property's value and where it was set. */
    record Setting(String name, String value, Origin origin) {
        static Optional<Setting> of(Environment environment, String name) {
            ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty property = source.getConfigurationProperty(key);
                if (property != null && property.getValue() != null) {
                    String value =
                            environment.resolvePlaceholders(property.getValue().toString());
                    return value.isBlank()
                            ? Optional.empty()
                            : Optional.of(new Setting(name, value, property.getOrigin()));
                }
            }
            return Optional.empty();
        }

        /**
         * {@code spring.datasource.url in application.properties line 1}, {@code ... (environment variable
         * SPRING_DATASOURCE_URL)}, {@code ... on the command line}.
         */
        String describe() {
            Origin where = origin;
            while (where instanceof PropertySourceOrigin p && p.getOrigin() != null) {
                where = p.getOrigin();
            }
            if (where instanceof TextResourceOrigin text && text.getResource() != null) {
                String file = text.getResource().getFilename() != null
                        ? text.getResource().getFilename()
                        : text.getResource().getDescription();
                return name + " in " + file
                        + (text.getLocation() == null
                                ? ""
                                : " line " + (text.getLocation().getLine() + 1));
            }
            if (where instanceof SystemEnvironmentOrigin env) {
                return name + " (environment variable " + env.getProperty() + ")";
            }
            if (where instanceof PropertySourceOrigin p) {
                String source = p.getPropertySource().getName();
                return name
                        + switch (source) {
                            case "commandLineArgs" -> " on the command line";
                            case "systemProperties" -> " (a Java system property)";
                            default -> " from " + source;
                        };
            }
            return where == null ? name : name + " (" + where + ")";
        }
    }
}
