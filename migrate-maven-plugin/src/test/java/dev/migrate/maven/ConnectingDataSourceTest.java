package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.connection.DatabaseUrl;
import org.junit.jupiter.api.Test;

class ConnectingDataSourceTest {

    @Test void aHostThatDoesNotResolveIsNamedWithTheUrlsSource() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:secret-77@no-such-host.invalid:5432/app", "the environment variable MIGRATE_DATABASE_URL");
        ConnectingDataSource ds = new ConnectingDataSource(new ConnectionSettings(url, "app", "secret-77",
                "the environment variable MIGRATE_DATABASE_URL", null));
        assertThatThrownBy(ds::getConnection).isInstanceOf(MigrateException.class)
                .hasMessageContaining("the host name 'no-such-host.invalid' does not resolve")
                .hasMessageContaining("it came from the environment variable MIGRATE_DATABASE_URL")
                .message().doesNotContain("secret-77");
    }
}
