package dev.migrate.spring;

import static dev.migrate.spring.MigrateAutoConfigurationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintRefusedException;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An application's database is never linted: the starter offers no lint (it does not depend on
 * migrate-lint, and its Migrator bean has no lint method), and the lint refuses the application's
 * DataSource when handed it, before it writes a row.
 */
class NoLintInTheApplicationTest {

    private ApplicationContextRunner runner(DataSource dataSource) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures");
    }

    @Test
    void theApplicationsDataSourceIsRefusedByTheLintAndKeepsItsRows() {
        String database = TestPostgres.createDatabase("starter_lint");
        DataSource dataSource = TestPostgres.dataSource(database);
        // the application is one migration behind: the lint would replay s2 if it ran at all
        runner(dataSource)
                .withBean(MigrateStrategy.class, () -> migrator -> migrator.upgrade("+1"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Migrator migrator = context.getBean(Migrator.class);
                    DataSource application = context.getBean(DataSource.class);

                    assertThatThrownBy(() -> Lint.builder(migrator)
                                    .database(application)
                                    .build()
                                    .pending(migrator.current()))
                            .isInstanceOf(LintRefusedException.class)
                            .hasMessageStartingWith("The lint refuses the database localhost:" + TestPostgres.port()
                                    + "/" + database + ": it holds the version table public.migrate_version and 2"
                                    + " other tables, views or sequences (table public.migrate_history, table"
                                    + " public.things)")
                            .hasMessageContaining(
                                    "Lint on a throwaway server: mvn migrate:lint with no URL starts one");
                    assertThatThrownBy(() -> Lint.builder(migrator)
                                    .database(application)
                                    .build()
                                    .run("base:heads"))
                            .isInstanceOf(LintRefusedException.class);

                    assertThat(query(application, "SELECT version_num FROM migrate_version"))
                            .containsExactly("s1");
                    assertThat(query(application, "SELECT count(*) FROM things"))
                            .as("no sample row, no seed row")
                            .containsExactly("0");
                    assertThat(context.getBeansOfType(Lint.class)).isEmpty();
                });
    }

    @Test
    void theStarterDependsOnTheLintForItsTestsOnly() throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile())
                .getElementsByTagName("dependency");
        List<String> lint = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "artifactId").equals("migrate-lint")) {
                lint.add(text(dependency, "scope"));
            }
        }
        assertThat(lint).as("the scopes of migrate-lint in the starter's POM").containsExactly("test");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
