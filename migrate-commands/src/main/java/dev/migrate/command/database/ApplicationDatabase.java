package dev.migrate.command.database;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database an application's migrator connects to, decided alike by the Spring Boot starter and the Quarkus
 * extension: migrate's own URL when one is set; else the application's DataSource (its pool) as it is; else, when a
 * migration user, a password or a {@link CredentialsProvider} is set, the URL that DataSource connects to, logged in as
 * the migration role (or, with a provider and no user, as the DataSource's own user), as Flyway does with {@code
 * spring.flyway.user} and no {@code spring.flyway.url}.
 *
 * <pre>{@code
 * ApplicationDatabase.connect(builder, settings, provider, () -> applicationDataSource);
 * }</pre>
 */
public final class ApplicationDatabase {
    private ApplicationDatabase() {}

    /**
     * What the application configured for migrate, and how it spells it.
     *
     * @param url migrate's own URL, or null
     * @param user the migration role, or null
     * @param password its password, or null
     * @param spelled how a message names the url, user and password settings, in that order
     * @param dataSource how a message names the application's DataSource: {@code the application's DataSource}
     */
    public record Settings(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            Spelled spelled,
            String dataSource) {}

    /** How a face spells its settings: {@code migrate.url}, or {@code quarkus.migrate.url}. */
    public record Spelled(String url, String user, String password) {}

    /**
     * {@code builder} connected as {@code settings} say; unchanged (no database) when no URL is set and {@code
     * application} gives none.
     *
     * @param provider asked for the user and password of each new connection, or null
     * @param application the application's DataSource, asked only when no URL is set; null: none
     */
    public static Migrator.Builder connect(
            Migrator.Builder builder,
            Settings settings,
            @Nullable CredentialsProvider provider,
            Supplier<@Nullable DataSource> application) {
        if (provider != null) {
            // each new connection asks the provider: a token that expires, on the URL or the DataSource's URL
            builder.credentials(provider);
        }
        if (settings.url() != null) {
            return builder.url(settings.url(), settings.user(), settings.password());
        }
        DataSource database = application.get();
        if (database == null) {
            return builder; // no database: what needs one says so, naming the URL setting
        }
        if (provider == null && settings.user() == null && settings.password() == null) {
            return builder.dataSource(database);
        }
        String[] urlAndUser = urlAndUser(database, settings);
        return builder.url(
                urlAndUser[0],
                settings.user() != null ? settings.user() : provider != null ? urlAndUser[1] : null,
                settings.password());
    }

    /** The URL {@code database} connects to and its user, as its driver reports them. */
    private static String[] urlAndUser(DataSource database, Settings settings) {
        try (Connection connection = database.getConnection()) {
            return new String[] {
                connection.getMetaData().getURL(), connection.getMetaData().getUserName()
            };
        } catch (SQLException e) {
            Spelled spelled = settings.spelled();
            throw new MigrateException(
                    spelled.user() + ", " + spelled.password() + " or a CredentialsProvider bean is set without "
                            + spelled.url() + ", so migrate connects to the JDBC URL of " + settings.dataSource()
                            + ", but could not read it: " + e.getMessage() + ". Set " + spelled.url()
                            + " to the JDBC URL the migration role connects to.",
                    e);
        }
    }
}
