package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code migrate.online.search-path}: an application built for an online revision migrates at startup (the
 * expand), then reads and writes the new shape through the revision's schema of views, while the table keeps
 * the shape the instances of the revision before use.
 */
class OnlineSearchPathTest {
    private DataSource dataSource;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_online"));
        // the database runs the revision before the online one; one built from nothing would be completed at once
        Migrator.builder()
                .dataSource(dataSource)
                .packages("dev.migrate.spring.online")
                .build()
                .upgrade("a1");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("migrate.packages=dev.migrate.spring.online");
    }

    @Test
    void theApplicationOfAnOnlineRevisionUsesItsSchemaOfViewsFirst() {
        runner.withPropertyValues("migrate.online.search-path=true").run(context -> {
            assertThat(context).hasNotFailed();
            DataSource application = context.getBean(DataSource.class);
            assertThat(firstRow(application, "SHOW search_path")).startsWith("public_a2, ");
            assertThat(firstRow(application, "SELECT title FROM articles")).isEqualTo("first");
            try (Connection c = application.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO articles (id, title) VALUES (2, 'second')");
            }
            assertThat(firstRow(dataSource, "SELECT name FROM articles WHERE id = 2"))
                    .as("the table keeps its old shape for the instances of the revision before")
                    .isEqualTo("second");
            assertThat(context.getBean(Migrator.class).current().get(0).toString())
                    .isEqualTo("a2 (head) (expand)");
        });
    }

    @Test
    void withoutThePropertyTheConnectionsKeepTheirSearchPath() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(firstRow(context.getBean(DataSource.class), "SHOW search_path"))
                    .isEqualTo("\"$user\", public");
        });
    }

    @Test
    void afterCompleteTheTableHasTheNewShapeAndTheViewsStillServeTheApplication() {
        runner.withPropertyValues("migrate.online.search-path=true").run(context -> {
            context.getBean(Migrator.class).complete();
            assertThat(firstRow(dataSource, "SELECT title FROM articles WHERE id = 1"))
                    .isEqualTo("first");
            assertThat(firstRow(context.getBean(DataSource.class), "SELECT title FROM articles"))
                    .isEqualTo("first");
        });
    }

    private static String firstRow(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
